/**
 * A generated shop-like knowledge base (passages and Q&A entries about gear, brands and topics)
 * with queries whose answers are known: deterministic by seed, for tests, benchmarks and tuning.
 */
import { mulberry32 } from '../math/random';
import type { KnowledgeChunk } from './types';

const PRODUCTS = [
  'guitar',
  'bass',
  'drum kit',
  'cymbal',
  'amplifier',
  'pedal',
  'keyboard',
  'piano',
  'violin',
  'ukulele',
  'microphone',
  'mixer',
  'cable',
  'strap',
  'case',
  'string set',
  'snare',
  'headphones',
  'metronome',
  'tuner',
];
const BRANDS = [
  'Fender',
  'Gibson',
  'Yamaha',
  'Roland',
  'Pearl',
  'Zildjian',
  'Boss',
  'Marshall',
  'Ibanez',
  'Korg',
  'Shure',
  'Ludwig',
];
const TOPICS = [
  'shipping',
  'returns',
  'warranty',
  'repair',
  'setup',
  'financing',
  'trade-in',
  'rental',
  'lessons',
  'gift cards',
  'price match',
  'pickup',
  'assembly',
  'care',
  'cleaning',
  'storage',
];
const VERBS = [
  'covers',
  'includes',
  'excludes',
  'requires',
  'takes',
  'costs',
  'ships with',
  'comes with',
  'needs',
  'allows',
];
const DETAILS = [
  'within 30 days',
  'for two years',
  'at no extra cost',
  'for a small fee',
  'in the original box',
  'with proof of purchase',
  'by tracked courier',
  'in store only',
  'on weekdays',
  'after inspection',
  'for registered members',
  'in most countries',
];

function pick<T>(rand: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rand() * xs.length)];
}

/** A deterministic knowledge base of `n` chunks (one in five a Q&A entry) and queries with known answers. */
export function generateKnowledge(
  n: number,
  seed = 42,
): { chunks: KnowledgeChunk[]; queries: { query: string; id: string }[] } {
  const rand = mulberry32(seed);
  const chunks: KnowledgeChunk[] = [];
  const queries: { query: string; id: string }[] = [];
  for (let i = 0; i < n; i++) {
    const product = pick(rand, PRODUCTS);
    const brand = pick(rand, BRANDS);
    const topic = pick(rand, TOPICS);
    const sentences = Array.from({ length: 6 + Math.floor(rand() * 10) }, () => {
      return `The ${brand} ${pick(rand, PRODUCTS)} ${pick(rand, VERBS)} ${pick(rand, TOPICS)} ${pick(rand, DETAILS)}.`;
    });
    const code = `${brand.slice(0, 2).toUpperCase()}-${1000 + i}`;
    sentences.splice(
      1,
      0,
      `Model ${code}: ${topic} for the ${brand} ${product} ${pick(rand, VERBS)} ${pick(rand, DETAILS)}.`,
    );
    const id = `c${i}`;
    const faq = i % 5 === 0;
    chunks.push({
      id,
      sourceId: `s${i % 50}`,
      title: faq ? `${topic} for ${product}` : `${brand} ${product}`,
      headingPath: faq ? [] : [topic, `${brand} ${product}`],
      url: faq ? null : `https://shop.example/${topic}#${id}`,
      text: sentences.join(' '),
      questions: faq ? [`what about ${topic} for my ${product}`, `${topic} ${product} ${brand}`] : [],
      ...(faq ? { answer: sentences.slice(0, 3).join(' ') } : {}),
    });
    if (i % 10 === 0) {
      // What a customer types: the topic (with a typo every other time), the brand and product,
      // and sometimes the model code.
      const t = i % 20 === 0 ? topic.slice(0, 2) + topic.slice(3) : topic;
      queries.push({ query: `${t} for my ${brand} ${product}${i % 30 === 0 ? ` ${code.toLowerCase()}` : ''}`, id });
    }
  }
  return { chunks, queries };
}
