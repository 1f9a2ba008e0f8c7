import { describe, expect, it } from 'vitest';
import type { HitFeatures, SearchHit } from '../retrieve/types';
import { CONFIDENCE_FEATURES, confidenceFeatures, confidenceOf } from './confidence';
import { faq, passage } from './testkit';

const features: HitFeatures = {
  classifier: 0.3,
  phrasing: 0.1,
  passage: 0.2,
  chars: 0.2,
  vector: 0.85,
  embedding: 0,
  coverage: 0.4,
  title: 0.2,
  kind: 0,
  qa: 0,
};
const hit = (chunk: SearchHit['chunk'], score: number, probability: number): SearchHit => ({
  chunk,
  score,
  probability,
  matchedQuestion: null,
  features,
});
const section = (id: string, page: string) => ({ ...passage(id, ['Shipping', id], `About ${id}.`), sourceId: page });
const at = (name: (typeof CONFIDENCE_FEATURES)[number], hits: SearchHit[]) =>
  confidenceFeatures(hits)[CONFIDENCE_FEATURES.indexOf(name)];

describe('confidenceFeatures', () => {
  it('pools a passage with a runner-up from the same page, leading against the next page', () => {
    const samePage = [
      hit(section('rates', 'shipping.md'), 3, 0.5),
      hit(section('abroad', 'shipping.md'), 2.8, 0.4),
      hit(section('hours', 'store.md'), 1, 0.1),
    ];
    expect(at('probability', samePage)).toBeCloseTo(0.9);
    expect(at('margin', samePage)).toBeCloseTo(2);
    const twoPages = [samePage[0], { ...samePage[1], chunk: section('abroad', 'other.md') }, samePage[2]];
    expect(at('probability', twoPages)).toBeCloseTo(0.5);
    expect(at('margin', twoPages)).toBeCloseTo(0.2);
    expect(confidenceOf(samePage)).toBeGreaterThan(confidenceOf(twoPages));
  });

  it('keeps a Q&A entry to its own belief and its lead over the runner-up', () => {
    const entries = [
      hit(faq('a', ['how long is shipping'], 'Two days.'), 3, 0.5),
      hit(faq('b', ['do you ship abroad'], 'Yes.'), 2.8, 0.4),
    ];
    expect(at('probability', entries)).toBeCloseTo(0.5);
    expect(at('margin', entries)).toBeCloseTo(0.2);
  });

  it("counts the same footer on other pages as the top hit's own belief", () => {
    const footer = (page: string, extra: string) => ({
      ...passage(
        `${page}-footer`,
        ['Contact'],
        `Gilt & Gesso Framing · 58 Tanner Street, Harlow Bay · (207) 555-0183${extra}`,
      ),
      sourceId: page,
    });
    const hits = [
      hit(footer('art.html', ' · Privacy · Terms'), 3, 0.4),
      hit(footer('framing.html', ''), 2.8, 0.3),
      hit(section('hours', 'visit.md'), 2.5, 0.2),
      hit(footer('business.html', ' · Contact'), 2.2, 0.1),
    ];
    expect(at('probability', hits)).toBeCloseTo(0.8);
    expect(at('margin', hits)).toBeCloseTo(0.5);
  });
});
