/**
 * The everyday ask a message reads most like: the shop's hours, where it is, what shipping
 * costs… A question made only of one ask's own words is read by its word lists (shop-details.ts,
 * shop-topics.ts); customers also put such asks with a word or two of their own ("is there
 * parking for my camper van", "wots ur opening times at the weekend"), which no list can hold. A
 * tagger (the workspace tagger's model, with its "none of these" class) learned from
 * ask-kinds.json — the everyday lists read so far (eval/everyday) against the dev shops' other
 * questions — names the ask a message reads most like; the word lists then take the message for
 * that ask with up to ASK_SLACK words of their own. Written by `npx tsx scripts/tune/ask-kinds.ts`.
 */
import { readFileSync } from 'node:fs';
import { TagClassifier } from '../classify/classifier';

export const ASK_KINDS = [
  'hours',
  'holiday',
  'place',
  'contact',
  'phone',
  'payment',
  'discount',
  'abroad',
  'loyalty',
  'shipTime',
  'shipCost',
  'returns',
  'giftCards',
  'parking',
] as const;
export type AskKind = (typeof ASK_KINDS)[number];

export interface AskKindsFile {
  kinds: Record<AskKind, string[]>;
  none: string[];
}

/** The details (shop-details.ts) read for an ask the tagger names that is not one of them by name. */
export const SAME_ASK: Partial<Record<AskKind, readonly string[]>> = {
  contact: ['phone', 'email', 'place'],
  phone: ['contact'],
  hours: ['holiday'],
};

/**
 * How sure the tagger must be of the ask, and how many words of its own a message read as one may
 * hold. Chosen with the tagger learned from two of the read lists: of the third, 0.875 read by the
 * word lists alone, 0.931 with these (0.919 with one word); of the 1,361 held-out shops' other
 * questions, 11 read as an ask (8 with one word, 18 with three; at 0.7 sure, 15). Measured with
 * the whole message read and without the lists' own first reading having to agree: both came
 * after (reading sentences reads more, the agreement less; the shop sets' outcomes did not move).
 */
const ASK_SURE = 0.8;
export const ASK_SLACK = 2;

let tagger: TagClassifier | undefined;
/** The last messages read, since one message is read several times in a turn. */
const read = new Map<string, AskKind | null>();
const READ_KEPT = 64;

/** Trains the tagger now (under a second), not while the first visitor waits. */
export function prepareAsks(): void {
  tagger ??= trained();
}

/**
 * The everyday ask a message reads most like, if the tagger is sure of it: read whole or by one of
 * its sentences, so the story before "What does postage cost for a heavy parcel?" does not water
 * the ask down.
 */
export function likelyAsk(message: string): AskKind | null {
  const known = read.get(message);
  if (known !== undefined) return known;
  prepareAsks();
  const best = tagger!.predictMessage(message)[0];
  const kind = best && best.confidence >= ASK_SURE ? (best.tagId as AskKind) : null;
  if (read.size >= READ_KEPT) read.delete(read.keys().next().value!);
  read.set(message, kind);
  return kind;
}

function trained(): TagClassifier {
  const file = JSON.parse(readFileSync(new URL('./ask-kinds.json', import.meta.url), 'utf8')) as AskKindsFile;
  return new TagClassifier(
    ASK_KINDS.map((id) => ({ id, name: id, description: '', examples: file.kinds[id] })),
    { none: file.none },
  );
}
