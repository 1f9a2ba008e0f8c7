/**
 * CSV cells a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return first)
 * get a leading `'`, so a tag named `=HYPERLINK(…)` is shown as text (OWASP's CSV injection advice).
 * Numbers are not strings and are written as they are.
 */
export const formulaSafe = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
