import { describe, expect, it } from 'vitest';
import { nextTagColour, TAG_PALETTE } from './tag-colours';

/** WCAG relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

describe('tag colours', () => {
  it('are distinct and readable on the dashboard (at least 4.5:1 on white)', () => {
    expect(new Set(TAG_PALETTE).size).toBe(TAG_PALETTE.length);
    for (const c of TAG_PALETTE) expect(contrast(c, '#ffffff'), c).toBeGreaterThanOrEqual(4.5);
  });

  it('gives each new tag the next colour no tag uses, then the least used', () => {
    expect(nextTagColour([])).toBe(TAG_PALETTE[0]);
    expect(nextTagColour([TAG_PALETTE[0].toUpperCase(), '#64748b'])).toBe(TAG_PALETTE[1]);
    expect(nextTagColour([TAG_PALETTE[1]])).toBe(TAG_PALETTE[0]);
    const all = [...TAG_PALETTE, ...TAG_PALETTE.filter((c) => c !== TAG_PALETTE[3])];
    expect(nextTagColour(all)).toBe(TAG_PALETTE[3]);
  });
});
