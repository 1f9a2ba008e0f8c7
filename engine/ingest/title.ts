/**
 * A document's title from its file name, when the document names none (a CSV, a PDF without a
 * heading): "faq" → "FAQ", "shipping-and-returns" → "Shipping and returns". It heads the citation
 * the visitor sees ("FAQ — Can I return…", not "faq — …").
 */
export function titleFromFilename(base: string): string {
  const words = base
    .split(/[-_.+\s]+/)
    .filter(Boolean)
    .map((w) => (/^faqs?$/i.test(w) ? w.toUpperCase().replace(/S$/, 's') : w));
  if (!words.length) return base;
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
