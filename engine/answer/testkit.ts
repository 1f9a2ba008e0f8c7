/** Test data for the answer engine: a small music-shop knowledge base, FAQ entries and passages. */
import { KnowledgeIndex } from '../retrieve/knowledge-index';
import type { HitFeatures, KnowledgeChunk, SearchHit } from '../retrieve/types';

export function faq(id: string, questions: string[], answer: string, title = questions[0]): KnowledgeChunk {
  return { id, sourceId: 'faq', title, headingPath: [], url: null, text: answer, questions, answer };
}

export function passage(id: string, headingPath: string[], text: string, url: string | null = null): KnowledgeChunk {
  return {
    id,
    sourceId: 'docs',
    title: headingPath[headingPath.length - 1] ?? '',
    headingPath,
    url,
    text,
    questions: [],
  };
}

/** A passage of a page of the shop's ("visit.md"), under its headings. */
export function onPage(page: string, id: string, headingPath: string[], text: string): KnowledgeChunk {
  return { ...passage(id, headingPath, text), sourceId: page };
}

/** A hit as the fusion would give it: every ranker's score 0 unless `features` says otherwise. */
export function searchHit(
  chunk: KnowledgeChunk,
  probability: number,
  score = Math.log(probability),
  features: Partial<HitFeatures> = {},
): SearchHit {
  return {
    chunk,
    score,
    probability,
    matchedQuestion: null,
    features: {
      classifier: 0,
      phrasing: 0,
      passage: 0,
      chars: 0,
      vector: 0,
      embedding: 0,
      coverage: 0,
      title: 0,
      kind: 0,
      qa: 0,
      ...features,
    },
  };
}

/** An index of a shop's chunks, and its hits in their order as a ranking would give them. */
export function rankedShop(chunks: KnowledgeChunk[]): { index: KnowledgeIndex; ranked: SearchHit[] } {
  const index = new KnowledgeIndex();
  index.upsert(chunks);
  return { index, ranked: chunks.map((c, i) => searchHit(c, 0.6 - i / 10)) };
}

export const SHOP_CHUNKS: KnowledgeChunk[] = [
  faq(
    'returns',
    ['how do i return an item', 'can i send my guitar back', 'what is your return policy', 'i want a refund'],
    'You can return any item within 30 days of delivery for a full refund. Start a return from your order page.',
    'Returns and refunds',
  ),
  faq(
    'shipping-time',
    ['how long does shipping take', 'when will my order arrive', 'delivery time', 'how fast do you ship'],
    'Orders ship within 1 business day; delivery takes 2 to 5 business days in the country.',
    'Delivery times',
  ),
  faq(
    'store-hours',
    ['when is the store open', 'what are your opening hours', 'are you open on sunday'],
    'Our Main Street store is open Monday to Saturday, 10am to 7pm.',
    'Opening hours',
  ),
  passage(
    'intl',
    ['Shipping', 'International'],
    'We ship to 40 countries. International orders are sent with tracked courier service. Customs duties are paid by the buyer on delivery. ' +
      'Drums and amplifiers over 20 kg ship by freight and take 7 to 14 days. Guitars ship in a hard case at no extra cost. ' +
      'You can see the shipping cost at checkout before you pay.',
    'https://shop.example/shipping#international',
  ),
  passage(
    'setup',
    ['Services', 'Guitar setup'],
    'Our guitar techs offer a full setup: new strings, truss rod and action adjustment, intonation and a fret polish. ' +
      'A setup costs $59 and takes two days. Bring the guitar to the store or book a slot online.',
    'https://shop.example/services#guitar-setup',
  ),
  passage(
    'lessons',
    ['Lessons'],
    'We teach drums, guitar, bass and piano to all ages. Lessons are 30 or 60 minutes, weekly, in our studio rooms above the store.',
    'https://shop.example/lessons',
  ),
];

/** An index over SHOP_CHUNKS, built without word vectors (fast, deterministic). */
export function shopIndex(): KnowledgeIndex {
  const index = new KnowledgeIndex();
  index.upsert(SHOP_CHUNKS);
  return index;
}
