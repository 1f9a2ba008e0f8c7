/**
 * Does the visitor report something that went wrong with their own order, delivery or payment?
 * "I was charged twice", "my delivery never showed up", "the box arrived crushed", "you sent me
 * an XL instead of an M", "the refund still isn't on my card". The shop's content may well
 * describe its refund or damage policy, and the bot may find it with confidence, but the
 * customer's own case needs someone who can look it up: such a message hands off on the shop's
 * handoff topic (handoff.ts) even when the bot could quote a policy.
 *
 * Cues are phrases of trouble that has already happened, in general English, not any shop's
 * products: a wrong or double charge, something that never came or still has not, goods that
 * arrived broken, spoiled, wrong or unlike their picture, an item sent instead of another or
 * against the visitor's word, a refund still missing.
 */

const NOT =
  "(?:hasnt|hasn't|has not|havent|haven't|have not|didnt|didn't|did not|isnt|isn't|is not|wasnt|wasn't|still not)";
const ARRIVE = '(?:arrived|came|come|showed up|shown up|turned up|got here|been delivered|delivered|received|gotten)';
const DAMAGE =
  '(?:broken|damaged|smashed|shattered|cracked|crushed|dented|torn|ripped|leaking|soaked|dead|defective|faulty|' +
  'missing pieces|missing parts|the wrong \\w+|wrong|empty|opened|spoiled|ruined|rotten|moldy|mouldy|melted|wilted|stale)';
/** What a customer says of a part after naming it: "the lid cracked", "the door snapped off". */
const DAMAGE_AFTER =
  'broken|snapped|smashed|shattered|cracked|crushed|dented|torn|ripped|leaking|chipped|bent|scratched|missing|split';
/** How a customer says their goods reached them. */
const DELIVERED = '(?:arrived|came|showed up|turned up|was delivered|were delivered|got delivered)';
const GOODS = '(?:order|package|parcel|delivery|box|item|items|shipment|refund|money|payment)';

const CUES: RegExp[] = [
  // A wrong or repeated charge.
  /\b(?:double|over)[ -]?(?:charged|billed)\b/,
  /\b(?:charged|billed)\s+(?:me\s+|us\s+|my\s+(?:card|account)\s+)?(?:twice|two times|double|again)\b/,
  /\bcharged\s+(?:me\s+|us\s+)?(?:for\s+)?(?:the\s+)?wrong\b/,
  // Something that never came, or still has not.
  new RegExp(`\\bnever\\s+${ARRIVE}\\b`),
  new RegExp(
    `\\b(?:still\\s+)?${NOT}\\s+(?:yet\\s+)?(?:${ARRIVE}|updated|moved|shipped|been refunded|been shipped|back|on my (?:card|account|statement))\\b`,
  ),
  new RegExp(`\\bmy\\s+${GOODS}\\s+(?:still|never)\\b`),
  /\b(?:tracking|package|parcel|order)\s+(?:is\s+|has\s+been\s+)?stuck\b/,
  // Something late: "was supposed to arrive at 8 and it's 8:45", "my delivery is late", "still waiting for my order".
  /\b(?:was|were) supposed to (?:arrive|come|get here|be (?:here|there|at|delivered|ready|shipped))\b/,
  // Something still not here: "its 11:40, still no pastries", "still no word on my refund".
  /\bstill no\s+(?!(?:one|idea|problem|worries)\b)\w+/,
  new RegExp(`\\b${GOODS.replace(')', '|catering|cake)')}\\s+(?:is|was|are|were)\\s+(?:\\w+\\s+){0,2}late\\b`),
  /\bstill waiting (?:for|on) (?:my|our|the) (?:order|delivery|package|parcel|refund|catering|cake)\b/,
  // Goods that arrived broken or wrong.
  new RegExp(`\\b${DELIVERED}\\s+(?:all\\s+|completely\\s+|totally\\s+)?${DAMAGE}\\b`),
  // "arrived with a cracked shell", "came with a dent", "showed up with two broken strings"
  new RegExp(
    `\\b${DELIVERED}\\s+with\\s+(?:a\\s+|an\\s+|the\\s+|some\\s+|two\\s+|\\d+\\s+)?(?:${DAMAGE}|bent|scratched|chipped|split|dents?|cracks?|holes?|scratch(?:es)?|tears?|chips?)\\b`,
  ),
  // "arrived with the shade torn", "came with the oven door snapped off"
  new RegExp(`\\b${DELIVERED}\\s+with\\s+(?:[\\w'-]+\\s+){1,4}?(?:${DAMAGE_AFTER})\\b`),
  new RegExp(
    `\\b(?:box|package|parcel|order|delivery|item|pots?|glass|it)\\s+(?:was|were|is|are)\\s+(?:all\\s+)?(?:broken|damaged|smashed|shattered|cracked|crushed|dented|leaking)\\b`,
  ),
  // "now they're ruined", "and now it's broken"
  /\bnow\s+(?:they|it|its|theyre|they're|it's)(?:\s+(?:are|is|were|was))?\s+(?:all\s+)?(?:ruined|spoiled|broken|dead|wilted|melted|useless)\b/,
  // Something missing from what came: "10 frames are missing from roll 3".
  /\b(?:is|are|was|were)\s+missing\s+from\b/,
  // Something sent in place of what was ordered.
  /\b(?:sent|shipped|gave|delivered)\s+(?:me|us)\s+(?:the\s+|a\s+|an\s+)?wrong\b/,
  /\b(?:sent|shipped|gave|delivered)\s+(?:me|us)\s+(?:(?:a|an|the|two|\d+)\s+)?[\w'& -]{1,30}?\s+instead of\b/,
  // "ordered a medium flannel and got a large"
  /(?:^|\b(?:i|we)\s+)ordered\s+[\w'& -]{1,40}?\s+(?:and|but)\s+(?:i\s+|we\s+)?(?:got|received)\b/,
  // Not as pictured: "the bouquet that showed up is half the size of the one in the picture".
  new RegExp(
    `\\b${DELIVERED}\\b[^.?!]{0,60}\\b(?:nothing like|half the size of|smaller than|different from|not like)\\s+(?:the\\s+|your\\s+)?(?:one\\s+|ones\\s+)?(?:in\\s+|on\\s+)?(?:the\\s+|your\\s+)?(?:picture|photo|pic|website|site|listing)`,
  ),
  // Dismay at what happened: "the card said happy birthday. how could this happen".
  /\bhow (?:could|did|does|can|would) (?:this|that) (?:happen|have happened)\b/,
  // Sent against the visitor's word: "the autoship came even though i skipped it".
  /\b(?:came|arrived|shipped|charged|billed|sent)\b[^.?!]{0,40}\beven though\b/,
  /\b(?:wrong|missing)\s+(?:item|items|size|colou?r|order|package|parcel|part|parts|piece|pieces)\s+(?:in|was|were|came|arrived|sent)\b/,
  // Delivered to the wrong place: "the driver left my trees at the neighbour's", "it was delivered to the wrong address".
  /(?<!\bbe )\b(?:left|dropped(?: it| them)? off|(?:was|were|got) delivered|delivered (?:it|them|my \w+))\s+(?:\w+\s+){0,3}?(?:at|to|with|on)\s+(?:the\s+|my\s+|a\s+)?(?:wrong\s+(?:address|house|door|building|apartment|flat|store)|neighbou?r'?s?|next door|someone else'?s?)(?!\w)/,
  // Delivered on paper only: "tracking says delivered but there's nothing here".
  /\b(?:says|said|shows|showed|marked|listed)\s+(?:as\s+|it\s+(?:was\s+)?)?delivered\b[^?]{0,40}?\b(?:but|yet)\b/,
  // A refund not seen.
  /\b(?:where|wheres|where's)\s+(?:is\s+)?my\s+(?:refund|money)\b/,
  /\brefund\s+(?:still|never|has not|hasnt|hasn't|isnt|isn't|didnt|didn't|did not)\b/,
];

/** Whether the message reports trouble with the visitor's own order, delivery or payment. */
export function reportsProblem(text: string): boolean {
  const t = text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ');
  return CUES.some((re) => {
    const m = re.exec(t);
    // "What happens if my parcel never arrives?" asks about the policy: the trouble is supposed.
    return (
      m !== null &&
      !SUPPOSED.test(
        t
          .slice(0, m.index)
          .split(/[.!?;]/)
          .pop() ?? '',
      )
    );
  });
}

/** Opens a clause whose trouble is supposed, not reported: "if", "in case", "what happens when". */
const SUPPOSED = /\b(?:if|in case|incase|whether|suppose|supposing|what happens when|what do (?:i|you) do when)\b/;
