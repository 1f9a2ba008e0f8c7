/**
 * Table rows as sentences. A row cut out of a table ("| Under $99 | $7.95 flat |") means nothing
 * in an answer; "Order subtotal: Under $99; Standard shipping cost: $7.95 flat." carries its
 * column names with it, reads as a reply, and is found by questions that use them.
 */

/**
 * One sentence per body row, each cell after its column's name (when the table has a header);
 * a table of a header alone reads as that header.
 */
export function tableSentences(header: string[], rows: string[][]): string[] {
  if (!rows.length) return header.some(Boolean) ? [`${header.filter(Boolean).join('; ')}.`] : [];
  return rows
    .map((row) => {
      // A cell's own full stop would end the sentence before the next cell ("Light roast.; Type").
      const parts = row
        .map((c) => c.replace(/(?<!\.)\.$/, ''))
        .map((cell, i) => (cell && header[i] ? `${header[i]}: ${cell}` : cell))
        .filter(Boolean);
      if (!parts.length) return '';
      const s = parts.join('; ');
      return /[.!?]$/.test(s) ? s : `${s}.`;
    })
    .filter(Boolean);
}
