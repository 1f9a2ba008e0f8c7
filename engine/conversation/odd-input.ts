/**
 * Messages that are not a question for the shop's content: a greeting or a thanks, chit-chat about
 * the weather or a game, emoji or punctuation only, a long paste, a pasted order confirmation, a
 * question in another language, a question about what is free or in stock right now.
 * Read before the handoff decision so each gets a sensible reply instead of a guess or an
 * "I'm not sure" that counts as a failed answer.
 */
import { captureDetails } from './details';

export type MessageKind =
  'question' | 'empty' | 'social' | 'order_paste' | 'long_paste' | 'other_language' | 'live_check';

export interface MessageRead {
  kind: MessageKind;
  /** For 'social': which kind of small talk. */
  social?: 'greeting' | 'how_are_you' | 'thanks' | 'ack' | 'bye' | 'about' | 'correction' | 'chit_chat';
  /** For a greeting that introduces the visitor ("Hi, I'm Jordan, order #TW-4471"): what they said of themselves. */
  intro?: { name?: string; orderNumber?: string };
}

/** Longer than this, a message is a paste rather than a question (a chat question is a line or three). */
export const LONG_PASTE_CHARS = 1200;

const GREETING = new Set(
  // and an opening with no question in it yet: "hi, I have a quick question", "can you help me?"
  (
    'hi hii hiya hey heya hello helo hallo howdy yo greetings morning afternoon evening good there all team folks ' +
    'help question anyone anybody i have a quick got can you me please need some'
  ).split(' '),
);
const GREETING_CORE = new Set(
  'hi hii hiya hey heya hello helo hallo howdy yo greetings morning afternoon evening help question anyone anybody'.split(
    ' ',
  ),
);
const THANKS = new Set(
  // and a closing around it: "thanks, that's all!", "thank you for your help", "cheers, that's it for now"
  (
    'thanks thank thankyou thx ty tysm cheers appreciated appreciate it you so much very lot a ' +
    'thats that is all for your the help now again reply answer response info information quick'
  ).split(' '),
);
const ACK = new Set(
  'ok okay k kk cool great perfect nice awesome lovely got it alright fine noted understood'.split(' '),
);
const BYE = new Set('bye goodbye cya see ya you later have a nice good day night'.split(' '));

/** Function words of languages a shop's visitors often write in, none of them English words. */
const FOREIGN = new Set(
  // Spanish, French, German, Italian, Portuguese, Dutch
  (
    'el los las del una por para con cómo como cuánto cuanto cuándo cuando dónde donde qué puedo tienen hay envío ' +
    'le les des une est pour avec sur combien quand où pouvez vous je suis mon ma livraison est-ce ' +
    'der die das und ist nicht ich sie wie viel wann wo können kann haben mein meine versand ' +
    'il gli della sono posso quanto dove spedizione avete ' +
    'não nao vocês voces entrega quanto ' +
    'het een niet ik kan wat hoeveel wanneer waar jullie verzending bezorging'
  ).split(' '),
);
/** English words that are also common function words above ('die', 'hay', 'wo', …) are not counted. */
const ENGLISH = new Set(
  (
    'the a an is are do does did can could would will you your we our i my me to of in on for with and or not ' +
    'how what when where which who why much many ship shipping order return price cost have has it this that'
  ).split(' '),
);

/** Words around a visitor's introduction of themselves that ask nothing ("hi, Jordan here, about my order"). */
const INTRO = new Set(
  (
    "i im i’m i'm am my name names is this it its it's it’s here from and the a about regarding re ref reference " +
    'order number no nr id email e-mail phone placed with for on me call'
  ).split(' '),
);

/**
 * A greeting that only says who the visitor is (a name, an order number, an email): what they
 * said of themselves, or undefined when the message says or asks anything else.
 */
function introduction(text: string): MessageRead['intro'] | undefined {
  const details = captureDetails([text]);
  if (!details.name && !details.orderNumber && !details.email) return undefined;
  let rest = text.replace(EMAIL_ADDRESS, ' ');
  for (const part of [details.orderNumber, ...(details.name?.split(' ') ?? [])])
    if (part) rest = rest.replace(new RegExp(`#?\\s?${part.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}`, 'gi'), ' ');
  const ws = words(rest);
  if (!ws.some((w) => GREETING_CORE.has(w))) return undefined;
  if (!ws.every((w) => GREETING.has(w) || INTRO.has(w.replace(/’/g, "'")) || INTRO.has(w))) return undefined;
  return {
    ...(details.name ? { name: details.name } : {}),
    ...(details.orderNumber ? { orderNumber: details.orderNumber } : {}),
  };
}

/** The bot's reply to a visitor who introduced themselves: by name, and to the order they named. */
export function introductionReply(intro: NonNullable<MessageRead['intro']>): string {
  const hi = intro.name ? `Hi ${intro.name.split(' ')[0]}!` : 'Hi!';
  return `${hi} What can I help you with ${intro.orderNumber ? `on order ${intro.orderNumber}` : 'today'}?`;
}

const EMAIL_ADDRESS = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}'’-]+/gu) ?? [];

/** Share of letters outside the Latin script (Cyrillic, CJK, Arabic, …). */
function nonLatinShare(text: string): number {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (!letters.length) return 0;
  return letters.filter((l) => !/\p{Script=Latin}/u.test(l)).length / letters.length;
}

/** A greeting that may open a message ("hey there, …", "good morning! …"). */
const HELLO = String.raw`(?:(?:hi|hii|hiya|hey|heya|hello|howdy|yo|good (?:morning|afternoon|evening))[\s,!.]*(?:there|all)?[\s,!.]*)?`;

/** "How are you (doing) today?", after a greeting or alone. */
const HOW_ARE_YOU = new RegExp(
  String.raw`^${HELLO}how(?:['’]?s it going|(?: are|['’]re| r) (?:you|u|ya)(?: doing)?(?: today| this (?:morning|afternoon|evening))?)[\s?!.]*$`,
  'i',
);

/**
 * A question about the assistant itself, not the shop: its name, age or birthday, who made it,
 * where it grew up, whether it is a bot. ("Where are you?" and "where are you from?" stay
 * questions: a shop's visitors mean the shop.)
 */
const ABOUT_THE_BOT = new RegExp(
  String.raw`^${HELLO}(?:(?:so|and|ok|okay)[\s,]+)?(?:what(?:['’]?s| is) your (?:name|age|birthday|bday)|how old are you|when(?:['’]?s| is) your (?:birthday|bday)|who (?:made|built|created|programmed|designed|trained|owns) you|who is the one who (?:made|built|created|programmed) you|where did you grow up|are you (?:a |an )?(?:bot|robot|ai|chat ?bot|computer|machine|program)|am i (?:talking|chatting|speaking) (?:to|with) (?:a |an )?(?:bot|robot|ai|chat ?bot|computer|machine))[\s?!.]*$`,
  'i',
);

/**
 * Chit-chat no shop answers and no topic tag should take: the weather to come and who won a game.
 * Shared words ("saturday", "game", "the market") gave them a shop's tags and pages: "whats the
 * weather supposed to be saturday" was handed to a party-booking team, "who won the tigers game
 * last night" to order problems. Only the forecast is asked for here: "if it rains", "bad weather"
 * and "how's the weather affecting deliveries" are questions about the shop's policy.
 */
const CHIT_CHAT: RegExp[] = [
  /\b(?:what(?:'|’)?s|what is|what will|how(?:'|’)?s|how is)\s+(?:the\s+)?weather\b(?![^?.!]*\b(?:affect|delay|ship|deliver|order|parcel|package|pickup|plant|close|cancel)\w*)/i,
  /\bweather\s+(?:forecast|going to be|gonna be|supposed to be|looking like)\b/i,
  /\b(?:is it|will it)\s+(?:going to |gonna )?(?:rain|snow)\b/i,
  /\bwho won\b[^.?!]{0,30}\b(?:game|match|race|series|cup|bowl|championship|final|election)\b/i,
  /\bwhat(?:'|’)?s the score\b|\bwhat (?:is|was) the score\b/i,
];

/**
 * Asking what is free or in stock right now: "any seats left in the all grain class this month?",
 * "is the 10am slot this saturday still open?", "is the darjeeling back in stock", "is the 1:30 tour
 * on aug 14 full". The content says what a class costs, not who has booked it: answered from the
 * class page at 0.93, such a question got the schedule instead of someone who can look. ("Are you
 * still open?" asks the hours.)
 */
const LIVE_CHECK: RegExp[] = [
  /\b(?:seats?|spots?|spaces?|places?|openings?|tickets?)\s+(?:left|remaining|still available|still open)\b/i,
  /\b(?:is|are)\s+(?!(?:you|u|ya|y'all)\b)[^.?!]{1,50}\bstill\s+(?:open|available|free)\b/i,
  /\b(?:have|got|is|are)\b[^.?!]{0,60}\b(?:back\s+)?in\s+stock\b/i,
  // "is the 1:30 tour on aug 14 full", "are the saturday classes sold out yet?" (not "what if a class is full")
  /^(?:(?:hi|hey|hello|so|and|ok|okay)[\s,!]+)?(?:is|are)\s+(?!(?:you|u|ya|y'all|it)\b)[^.?!]{1,60}\b(?:full|sold out|booked up|fully booked)(?:\s+(?:yet|already|now))?\s*[?!.]*$/i,
];

/**
 * The visitor saying the last answer missed, and nothing more: "that's not right", "not what I
 * asked", "that didn't help". Searched as a question, its few words find the page that says
 * "if something isn't right" and answer with it again.
 */
const CORRECTION =
  /^(?:(?:no|nope|hmm+|um+|sorry|but)[\s,.!]+)?(?:(?:that|this|it)(?:['’]?s| is| was)?\s*(?:not|n['’]?t) (?:right|correct|true|it|helpful|what i (?:asked|meant|wanted|need(?:ed)?|was (?:asking|looking for)))|(?:that|this|it)(?:['’]?s| is| was) wrong|(?:that['’]?s |that is |it['’]?s )?not what i (?:asked(?: for)?|meant|wanted|need(?:ed)?|was (?:asking(?: about| for)?|looking for))|(?:that|this|it) (?:does|did)(?: not|n['’]?t) (?:help|answer (?:my|the) question)|you (?:did|do)(?: not|n['’]?t) answer (?:my|the) question|wrong answer)[\s.!?]*$/i;

function isSocial(text: string, ws: string[]): MessageRead['social'] | undefined {
  if (CORRECTION.test(text)) return 'correction';
  if (CHIT_CHAT.some((re) => re.test(text))) return 'chit_chat';
  if (ABOUT_THE_BOT.test(text)) return 'about';
  if (HOW_ARE_YOU.test(text)) return 'how_are_you';
  if (!ws.length || ws.length > 6) return undefined;
  const only = (set: Set<string>) => ws.every((w) => set.has(w.replace(/[’']/g, '')));
  if (only(GREETING) && ws.some((w) => GREETING_CORE.has(w))) return 'greeting';
  if (
    ws.some((w) => /^(thanks?|thx|ty|tysm|cheers|thankyou)$/.test(w)) &&
    only(new Set([...THANKS, ...ACK, ...GREETING]))
  )
    return 'thanks';
  if (ws.some((w) => /^(bye|goodbye|cya)$/.test(w)) && only(new Set([...BYE, ...THANKS, ...ACK]))) return 'bye';
  if (only(ACK)) return 'ack';
  return undefined;
}

/** Does the text look like an order confirmation, receipt or invoice pasted into the chat? */
function isOrderPaste(text: string): boolean {
  const lines = text.split(/\n/).filter((l) => l.trim());
  if (lines.length < 3 && text.length < 200) return false;
  const cues = [
    /\b(?:order|invoice|receipt|confirmation)\s*(?:#|no\.?|number|nr\.?|id)\s*:?\s*[A-Z0-9-]{3,}/i,
    /\border (?:confirmation|confirmed|summary|details)\b|\bthank you for your (?:order|purchase)\b|\b(?:invoice|receipt)\b/i,
    /\b(?:sub-?total|total|tax|vat|qty|quantity|shipping|delivery)\s*:?\s*(?:\$|€|£|\d)/i,
    /\b(?:ship(?:ping)?|deliver(?:y)?|billing)\s+(?:to|address)\b/i,
    /\b(?:visa|mastercard|amex|paypal|card)\b.{0,20}\b(?:ending|\*{2,}|x{2,})/i,
  ].filter((re) => re.test(text)).length;
  const prices = (text.match(/(?:[$€£]\s?\d[\d,]*(?:\.\d\d)?|\d[\d,]*\.\d\d\s?(?:usd|eur|gbp)?)/gi) ?? []).length;
  return cues >= 2 && prices >= 2;
}

/** A short yes to an offer ("yes please", "sure", "ok go ahead"). */
const YES =
  /^(?:(?:yes|yeah|yea|yep|yup|ya|y|sure|ok|okay|k|please|alright|fine|absolutely|definitely|of course|go ahead|please do|do it|do that|that would be (?:great|good|nice|helpful)|i(?: would|'d) like that)[\s,.!]*){1,4}(?:please|thanks|thank you)?[\s.!]*$/i;
const STRONG_YES = /\b(?:yes|yeah|yea|yep|yup|sure|absolutely|definitely|of course|go ahead|please do|do it)\b/i;
/** A short no ("no thanks", "nope, all good"). */
const NO =
  /^(?:no|nope|nah|not now|no need|i'm (?:ok|good|fine)|all good|that's ok)(?:[\s,.!]+(?:thanks|thank you|i'm good|all good|it's fine|that's ok)){0,2}[\s.!]*$/i;

/** The visitor's answer to the bot's offer of a person: 'yes', 'no', or undefined when it is neither. */
export function answerToOffer(text: string): 'yes' | 'no' | undefined {
  const t = text.trim();
  // "ok thanks" closes the matter; "yes thanks" takes the offer.
  if (YES.test(t)) return /\b(?:thanks|thank you)\b/i.test(t) && !STRONG_YES.test(t) ? undefined : 'yes';
  if (NO.test(t)) return 'no';
  return undefined;
}

/** What kind of message this is (see MessageKind); 'question' for everything the engine should try. */
export function readMessage(text: string): MessageRead {
  const t = text.trim();
  if (!/[\p{L}\p{N}]/u.test(t)) return { kind: 'empty' };
  const ws = words(t);
  const social = isSocial(t, ws);
  if (social) return { kind: 'social', social };
  const intro = introduction(t);
  if (intro) return { kind: 'social', social: 'greeting', intro };
  if (isOrderPaste(t)) return { kind: 'order_paste' };
  if (t.length > LONG_PASTE_CHARS) return { kind: 'long_paste' };
  if (nonLatinShare(t) > 0.5) return { kind: 'other_language' };
  const foreign = ws.filter((w) => FOREIGN.has(w) && !ENGLISH.has(w)).length;
  const english = ws.filter((w) => ENGLISH.has(w)).length;
  if (foreign >= 2 && foreign > english) return { kind: 'other_language' };
  // Inverted marks, or accents English does not use with hardly an English function word.
  if (/[¿¡]/.test(t)) return { kind: 'other_language' };
  if (foreign >= 1 && english < 0.25 * ws.length && /[ñßäöüàèìòùâêîôûçãõ]/i.test(t)) return { kind: 'other_language' };
  if (LIVE_CHECK.some((re) => re.test(t))) return { kind: 'live_check' };
  return { kind: 'question' };
}

/** Is this message a question the engine could have answered (and so a failed answer if it did not)? */
export function isQuestion(text: string): boolean {
  const k = readMessage(text).kind;
  return k !== 'social' && k !== 'empty';
}

/** The bot's words for a message that is not a question for the content. */
export const ODD_INPUT_REPLY = {
  greeting: 'Hi! What can I help you with today?',
  how_are_you: "I'm well, thanks for asking! What can I help you with today?",
  thanks: "You're welcome! Is there anything else I can help with?",
  ack: 'Is there anything else I can help with?',
  bye: 'Thanks for stopping by — have a good day!',
  correction:
    "Sorry, that wasn't what you were looking for. Could you ask it another way? If you'd rather talk to a person from our team, just say so.",
  about:
    "I'm the shop's virtual assistant: I answer from the shop's own help pages, and a person from our team can take over whenever you like. What can I help you with?",
  declined: 'No problem. Is there anything else I can help with?',
  chit_chat:
    'I can only help with questions about the shop — our products, orders, shipping and the like. What can I help you with?',
  empty: 'Could you tell me a little more about what you are looking for?',
  order_paste:
    "Thanks for the order details. I can't look up or change orders myself — a person from our team can check this order for you. Would you like me to bring someone in?",
  long_paste:
    "That's a lot to go through in a chat. Could you ask me your question in a sentence or two? A person from our team can also read the whole message — would you like me to bring someone in?",
  live_check:
    "I can't see what's booked or in stock right now — a person from our team can check that for you. Would you like me to bring someone in?",
  other_language:
    'Sorry, I can only answer in English for now. A person from our team may be able to help — would you like me to bring someone in?',
} as const;

/** What the bot says, before its answer, to a frustrated visitor it only offers a person to. */
export const FRUSTRATION_APOLOGY = "I'm sorry this has been frustrating.";
