/**
 * What the team may teach: an agent's reply with the customer's personal details taken out —
 * names, emails, phone numbers, order numbers — or, when too little is left, nothing at all.
 * Builds on the knowledge-gap drafts' scrubbing (engine/conversation/gap-answers.ts) and the
 * handoff card's detail capture (engine/conversation/details.ts).
 */
import { captureDetails } from '../conversation/details';
import { scrubPersonal, type Personal } from '../conversation/gap-answers';

export interface KnownCustomer {
  name?: string | null;
  email?: string | null;
  phone?: string | null;
}

/** A sentence that names an order, invoice or tracking reference: it is about one customer. */
const ORDER_REF =
  /\b(?:order|invoice|ticket|ref(?:erence)?|confirmation|tracking|booking|receipt)\b\s*(?:number|no\.?|num|id|code)?\s*(?:is|was|:|=)?\s*#?\s*[A-Za-z]{0,5}-?\d[\w-]{2,}|#\s?[A-Za-z]{0,5}-?\d{3,}/i;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
/** Fewer words than this left after scrubbing: not worth suggesting to anyone. */
const MIN_WORDS = 5;

/**
 * Someone the visitor names by who they are to them ("for my mum Jane Doe", "my husband Tom"): a
 * customer's personal detail as much as their own name.
 */
const RELATIVE_NAME =
  /\bmy\s+(?:mum|mom|mother|dad|father|wife|husband|partner|son|daughter|sister|brother|friend|boss|girlfriend|boyfriend|gran|grandma|grandmother|grandpa|grandfather|aunt|uncle|niece|nephew|cousin|colleague|neighbou?r|fianc[eé]e?)\s*,?\s+(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2})/gu;

/** The customer's details as the visitor gave them in the chat, and as their contact holds them. */
export function customerDetails(visitorMessages: readonly string[], contact: KnownCustomer = {}): Personal {
  const captured = captureDetails([...visitorMessages]);
  const relatives = visitorMessages.flatMap((m) => [...m.matchAll(RELATIVE_NAME)].map((r) => r[1]));
  const names = [captured.name, contact.name, ...relatives].filter((n): n is string => !!n?.trim());
  const values = [captured.email, captured.phone, captured.orderNumber, contact.email, contact.phone].filter(
    (v): v is string => !!v?.trim(),
  );
  return { names, values };
}

function withoutOrderRefs(text: string): string {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .filter((s) => !ORDER_REF.test(s))
    .join(' ');
}

const EMAILS = new RegExp(EMAIL.source, 'g');
const ORDER_REFS = new RegExp(ORDER_REF.source, 'gi');
/** Seven to fifteen digits with the usual separators: a phone number. */
const PHONES = /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)[\s.-]?)?\d[\d\s.-]{5,}\d/g;
/** What is left of "call me at 555…" or "my email is …" once the detail is out. */
const DANGLING =
  /\b(?:(?:call|text|email|e-mail|reach|contact|ring)\s+me\s+(?:at|on)|my\s+(?:email|e-mail|phone|number|cell|mobile)(?:\s+(?:address|number))?\s+is)\s*(?=[,.!?;]|$)/gi;

/**
 * The visitor's question as it may be remembered: emails, phone numbers and order references cut
 * out where they stand (the question around them stays), names taken out.
 */
export function learnableQuestion(question: string, who: Personal): string {
  const cut = question
    .replace(ORDER_REFS, (m) => ` ${/^[a-z]+/i.exec(m)?.[0] ?? ''} `)
    .replace(EMAILS, ' ')
    .replace(PHONES, (m) => (m.replace(/\D/g, '').length >= 7 ? ' ' : m))
    .replace(DANGLING, ' ');
  return scrubPersonal(cut, { names: who.names })
    .replace(/[\s,;:]+([.!?]|$)/g, '$1')
    .trim();
}

/**
 * The reply as it may be remembered, or null when it cannot be kept without a customer's details
 * (or too little is left). The shop's own contact details in a reply stay; the customer's go.
 */
export function learnableReply(reply: string, who: Personal): string | null {
  const text = scrubPersonal(withoutOrderRefs(reply), who);
  if (text.split(/\s+/).filter(Boolean).length < MIN_WORDS) return null;
  const lower = text.toLowerCase();
  if ((who.values ?? []).some((v) => v.trim().length >= 3 && lower.includes(v.trim().toLowerCase()))) return null;
  // An email address left in a reply is the shop's own only if the visitor never gave one.
  const email = text.match(EMAIL)?.[0];
  if (email && (who.values ?? []).some((v) => EMAIL.test(v))) return null;
  return text;
}
