/**
 * What a knowledge-gap draft is made of: which of the team's replies answered which visitor
 * question (the next reply in the same topic, not whatever a person said later in the chat), and
 * the text with the customer's own details taken out, so a Q&A entry never carries a name, an
 * email or a phone number.
 */
import { terms } from '../text/index';
import { loadWordVectors, sentenceVector, type WordVectors } from '../vectors/index';
import { wantsHuman } from './wants-human';

export interface ThreadMessage {
  id: string;
  author: 'visitor' | 'bot' | 'agent';
  text: string;
}

/** A request for a person with little else in it ("Can I talk to a real person please?"): not a knowledge gap. */
export function isPersonRequest(text: string): boolean {
  return wantsHuman(text).wants && terms(text).length <= 5;
}

/** A reply too short to teach anything ("On it!", "Hi Maria"). */
const isFiller = (text: string) => text.trim().split(/\s+/).length < 5;

function similarity(a: string, b: string, wv: WordVectors): number {
  const ta = new Set(terms(a));
  const tb = new Set(terms(b));
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  const lexical = ta.size && tb.size ? shared / Math.sqrt(ta.size * tb.size) : 0;
  const va = sentenceVector(a, wv);
  const vb = sentenceVector(b, wv);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < va.length; i++) {
    dot += va[i] * vb[i];
    na += va[i] * va[i];
    nb += vb[i] * vb[i];
  }
  const dense = na && nb ? dot / Math.sqrt(na * nb) : 0;
  return 0.5 * lexical + 0.5 * dense;
}

/** How much more an earlier question must resemble a reply than the latest one to take it. */
const EARLIER_MARGIN = 0.1;

/**
 * Pairs each visitor question with the team reply that answered it. A reply answers the latest
 * open question before it, unless an earlier open one is clearly closer in topic (a reply to
 * the first of two questions). Each question keeps its closest reply; requests for a person and
 * filler replies take part in nothing. Returns question id → the reply.
 */
export function answersToQuestions(
  thread: ThreadMessage[],
  wv: WordVectors = loadWordVectors(),
): Map<string, ThreadMessage> {
  const open: ThreadMessage[] = [];
  const best = new Map<string, { reply: ThreadMessage; score: number }>();
  for (const m of thread) {
    if (m.author === 'visitor') {
      if (!isPersonRequest(m.text) && terms(m.text).length > 0) open.push(m);
      continue;
    }
    if (m.author !== 'agent' || isFiller(m.text) || !open.length) continue;
    const scored = open.map((q) => ({ q, score: similarity(q.text, m.text, wv) }));
    const latest = scored[scored.length - 1];
    let pick = latest;
    for (const s of scored) if (s.score > pick.score + (pick === latest ? EARLIER_MARGIN : 0)) pick = s;
    const prev = best.get(pick.q.id);
    if (!prev || pick.score > prev.score) best.set(pick.q.id, { reply: m, score: pick.score });
  }
  return new Map([...best].map(([id, b]) => [id, b.reply]));
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
const PHONE = /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)[\s.-]?)?\d[\d\s.-]{5,}\d/g;
/** A greeting that opens a reply with the customer's name: "Hi Maria,", "Thanks, Sam!". */
const GREETING =
  /^\s*(?:[Hh]i|[Hh]ello|[Hh]ey|[Dd]ear|[Tt]hanks|[Tt]hank you|[Gg]ood (?:morning|afternoon|evening))[\s,]+[A-Z][\p{L}'-]+[\s,!.:-]*/u;

const hasPhone = (s: string) =>
  [...s.matchAll(PHONE)].some((m) => {
    const digits = m[0].replace(/\D/g, '').length;
    return digits >= 7 && digits <= 15;
  });
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface Personal {
  /** The customer's names (each word is taken out). */
  names?: string[];
  /** Their email addresses and phone numbers, as they gave them. */
  values?: string[];
  /** Take out every email and phone number, not only the given ones (for the visitor's own words). */
  all?: boolean;
}

/**
 * The text with the customer's details taken out: a sentence that carries their email or phone
 * number goes whole (it is about them: "I'll send the quote to …"), a greeting by name goes, and
 * their names go wherever they are. The shop's own contact details, in a reply, stay.
 */
export function scrubPersonal(text: string, who: Personal = {}): string {
  const values = (who.values ?? []).filter((v) => v.trim().length >= 5).map((v) => v.trim().toLowerCase());
  const digitsOf = (v: string) => v.replace(/\D/g, '');
  const phones = values.map(digitsOf).filter((d) => d.length >= 7);
  const personal = (sentence: string) => {
    const lower = sentence.toLowerCase();
    if (values.some((v) => lower.includes(v))) return true;
    if (phones.length && [...sentence.matchAll(PHONE)].some((m) => phones.includes(digitsOf(m[0])))) return true;
    return !!who.all && (EMAIL.test(sentence) || hasPhone(sentence));
  };
  let out = text
    .replace(GREETING, '')
    .split(/(?<=[.!?])\s+|\n+/)
    .filter((s) => !personal(s))
    .join(' ');
  const words = [...new Set((who.names ?? []).flatMap((n) => n.split(/\s+/)).filter((w) => w.length >= 2))];
  for (const w of words) out = out.replace(new RegExp(`(?<![\\p{L}])${escape(w)}(?![\\p{L}])`, 'giu'), '');
  // An introduction left without its name ("I'm." "My name is,") goes too.
  out = out.replace(/\b(?:I'm|I’m|I am|my name is|my name's|this is|name:)\s*(?=[,.!?;:]|$)[,.!?;:]?/gi, '');
  return out
    .replace(/\(\s*\)|\[\s*\]/g, '')
    .replace(/\s+([,.!?;:])/g, '$1')
    .replace(/([,;:])(?=[,.!?;:])/g, '')
    .replace(/^[\s,;:.!-]+/, '')
    .replace(/[ \t]{2,}/g, ' ')
    .trim()
    .replace(/^\p{Ll}/u, (c) => c.toUpperCase());
}
