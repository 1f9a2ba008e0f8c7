import { describe, expect, it } from 'vitest';
import { echoes } from './echo';
import { faq, passage } from './testkit';

const on = (page: string, text: string) => ({ ...passage(`${page}-x`, ['Contact'], text), sourceId: page });

describe('echoes', () => {
  const footer = 'Tumble & Tot Toys · 118 Water Street, Cedar Hollow, MI 49031 · (269) 555-0143';

  it('reads a footer repeated on another page, a word or two changed, as one text', () => {
    expect(echoes(on('gifts.html', footer), on('school.html', `${footer} · Privacy · Terms`))).toBe(true);
  });

  it('keeps sections that only share a few words apart', () => {
    const hours = on(
      'visit.md',
      'Open Tuesday to Saturday, 10 am to 6 pm, at 118 Water Street. Closed Sundays and Mondays.',
    );
    expect(echoes(on('gifts.html', footer), hours)).toBe(false);
  });

  it('never pairs sections of one page, Q&A entries, or texts too short to tell', () => {
    expect(echoes(on('gifts.html', footer), on('gifts.html', footer))).toBe(false);
    expect(echoes(faq('a', ['phone?'], footer), on('gifts.html', footer))).toBe(false);
    expect(echoes(on('a.html', 'Call us today'), on('b.html', 'Call us today'))).toBe(false);
  });
});
