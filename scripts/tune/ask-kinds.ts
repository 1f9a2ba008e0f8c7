/**
 * Writes engine/answer/ask-kinds.json, what the tagger of everyday asks learns from: each ask's
 * phrasings from the everyday lists already read (eval/everyday: own, helper-a, helper-c, with the
 * question each rephrases), and for "none of these" the dev shops' other questions (eval/shops),
 * less those the word lists read as an everyday ask. The unread lists (helper-b, helper-d) and the
 * held-out shops stay out: they measure it.
 *   npx tsx scripts/tune/ask-kinds.ts
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { ASK_KINDS, type AskKind, type AskKindsFile } from '../../engine/answer/ask-kinds';
import { plainDetailAsked } from '../../engine/answer/shop-details';
import { plainTopicAsked } from '../../engine/answer/shop-topics';

/** The sixteen everyday questions of the shop sets, by the ask each is. */
export const EVERYDAY_ASK: Record<string, AskKind> = {
  'what are your hours': 'hours',
  'when are you open': 'hours',
  'are you open on holidays': 'holiday',
  'where are you located': 'place',
  'how do I contact you': 'contact',
  "what's your phone number": 'phone',
  'what payment methods do you accept': 'payment',
  'do you offer any discounts': 'discount',
  'do you ship internationally': 'abroad',
  'do you have a loyalty program': 'loyalty',
  'how long does delivery take': 'shipTime',
  'how much is shipping': 'shipCost',
  'what is your return policy': 'returns',
  'can I get a refund': 'returns',
  'do you have gift cards': 'giftCards',
  'is there parking': 'parking',
};
const READ_LISTS = ['own', 'helper-a', 'helper-c'];

const root = fileURLToPath(new URL('../../', import.meta.url));
const kinds = Object.fromEntries(ASK_KINDS.map((k) => [k, [] as string[]])) as Record<AskKind, string[]>;
for (const [q, kind] of Object.entries(EVERYDAY_ASK)) kinds[kind].push(q);
for (const list of READ_LISTS) {
  const phrasings = JSON.parse(readFileSync(join(root, 'eval/everyday', `${list}.json`), 'utf8')) as Record<
    string,
    string[]
  >;
  for (const [q, said] of Object.entries(phrasings)) kinds[EVERYDAY_ASK[q]].push(...said);
}
const shops = join(root, 'eval/shops');
const none = readdirSync(shops, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort()
  .flatMap((shop) =>
    readFileSync(join(shops, shop, 'questions.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { q: string }).q),
  )
  .filter((q) => !(q in EVERYDAY_ASK) && !plainDetailAsked(q, false) && !plainTopicAsked(q, false));
const file: AskKindsFile = {
  kinds: Object.fromEntries(ASK_KINDS.map((k) => [k, [...new Set(kinds[k])]])) as Record<AskKind, string[]>,
  none: [...new Set(none)],
};
const out = join(root, 'engine/answer/ask-kinds.json');
writeFileSync(out, await format(JSON.stringify(file), { ...(await resolveConfig(out)), filepath: out }));
console.log(
  `wrote ${out}: ${ASK_KINDS.map((k) => `${k} ${file.kinds[k].length}`).join(', ')}; none ${file.none.length}`,
);
