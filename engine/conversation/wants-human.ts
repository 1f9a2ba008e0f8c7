/**
 * Does the visitor ask for a person? Weighted cues over the normalised text: a request verb aimed
 * at a person ("talk to someone", "connect me to an agent"), a bare request ("agent", "real person
 * please"), asking to be contacted ("have someone call me"), rejecting the bot ("not a bot",
 * "this bot is useless"). Questions that merely mention people ("do your staff set up guitars?")
 * match none of them; product names built from such words ("human voice preset", "talk box",
 * "owner's manual") are masked first.
 */
export interface WantsHuman {
  /** 0..1, how sure we are the visitor asks for a person. */
  score: number;
  /** score ≥ threshold (0.5 by default). */
  wants: boolean;
  /** The cues that matched (for logs and tests). */
  cues: string[];
}

/** Words naming a person the visitor could be handed to. */
const PERSON =
  '(?:human beings?|humans?|persons?|people|someone|somebody|some one|anyone|anybody|agents?|representatives?|reps?|' +
  'staff(?: members?)?|members? of (?:staff|your team|the team)|team members?|employees?|operators?|managers?|' +
  'supervisors?|boss|owner|colleagues?|sales ?(?:person|people|advisors?|reps?|team|department)|advisors?|advisers?|' +
  'specialists?|experts?|technicians?|(?:guitar |drum |piano |repair )?techs?|consultants?|assistants?|' +
  'customer (?:service|services|care|support)(?: team| staff| reps?| agents?)?|support (?:team|staff|agents?|people)|' +
  'whoever is in charge|(?:someone|somebody) in charge|sales|support|(?:[a-z]+ )?department|(?:your |the )?team|' +
  // "need to talk to her about an order", of someone the visitor just named
  'him|her)';
/** Stricter set for patterns where looser words ("team", "support") would catch product questions. */
const HUMAN =
  '(?:human beings?|humans?|persons?|people|someone|somebody|anyone|anybody|agents?|representatives?|reps?|' +
  'staff(?: members?)?|members? of staff|employees?|operators?|managers?|supervisors?|colleagues?|specialists?|experts?)';
const BOT = '(?:bots?|chat ?bots?|robots?|ai|machines?|automated (?:system|answers?|replies|responses)|computer)';
const DET = '(?:(?:a|an|the|your|some|any|one of your|one of the|a few|another) )?';
const QUAL = '(?:(?:real|live|actual|proper|human|flesh and blood|in person) )?';
const W = '(?:[a-z0-9]+ )';
/** One word that may be a person's name: not the bot, the visitor or a thing. */
const NAMED =
  '(?!(?:you|yourself|it|this|that|them|me|myself|bots?|ai|chat ?bots?|robots?|anything|something|nothing)\\b)[a-z]+';

/** Phrases that contain person words but name things, masked before matching. */
const MASKS: RegExp[] = [
  /\bhuman[ -]?(?:voice|sized?|size|error|hair|skin|body|ear|made|like)\b/g,
  /\b(?:talk ?box|talking heads|agent orange|owners? manual|managers? (?:special|sale|discount|pick|choice)s?|staff (?:picks?|discount|parking)|real (?:wood|leather|gibson|fender|ivory|deal)|live (?:sound|music|gig|show|performance|recording))\b/g,
  /\b(?:real |live |actual )?(?:human|person|people|agent|agents|manager|boss|staff|operator|operators) (?:band|album|record|vinyl|song|cd|tour|poster|lp|ep)s?\b/g,
  /\b(?:travel|booking|talent|estate|insurance|sales|affiliate|shipping|customs|press) agents?\b/g,
  // "do you have a support email": the address asked for, not a person to write
  /\b(?:a|an|the|your|ur) (?:support|customer (?:service|care|support)|sales|help) (?:e-?mail|email address|line|number|phone)\b/g,
  // "how do i get in touch with customer service", "best way to reach your team": the way asked
  // for, which the shop's content gives; not "how do i reach a real person", who is in the chat.
  /\b(?:how (?:do|can|could|should|would) (?:i|we)|(?:best|easiest|quickest|fastest) way to) (?:get in touch|be in touch|contact|reach|get hold of|get a hold of)\b(?! (?:with |to )?(?:a |an |the )?(?:real |live |actual |human )?(?:humans?|agents?|representatives?|reps?|operators?|persons?)\b)/g,
  // "is there a number i can call to speak to someone": the number asked for
  /\b(?:a|the|any|your) (?:phone )?number (?:i|we) (?:can|could) (?:call|ring|phone|text)(?: to (?:speak|talk|chat) (?:to|with) (?:someone|somebody|anyone))?\b/g,
];

interface Cue {
  name: string;
  weight: number;
  re: RegExp;
}

const CUES: Cue[] = [
  // "talk to a person", "speak with someone from sales", "chat to staff", "have a word with the owner"
  {
    name: 'talk_to_person',
    weight: 4,
    re: new RegExp(
      `\\b(?:talk|speak|chat|talking|speaking|chatting|have a word|word|discuss|discussing|get in touch|be in touch)\\b ${W}{0,3}?(?:to|with|2|w) ${W}{0,3}?${PERSON}\\b`,
    ),
  },
  // "can i talk to maren or teo please", "could I speak with Priya about my order?": a whole
  // message asking for someone by name (not "you", the bot or a thing).
  {
    name: 'talk_to_name',
    weight: 4,
    re: new RegExp(
      `^(?:(?:hi|hello|hey),? )?(?:(?:can|could|may) (?:i|we) |i would like to |i want to |let me )?(?:talk|speak|chat) (?:to|with) ${NAMED}(?: (?:or|and) ${NAMED})?(?: about\\b.*| please| now| today)?[\\s?.!]*$`,
    ),
  },
  // "someone I can talk to", "a real person I can chat with"
  {
    name: 'person_i_can_talk_to',
    weight: 3.5,
    re: new RegExp(`\\b${HUMAN} ${W}{0,3}?(?:i|we) (?:can|could) ${W}?(?:talk|speak|chat)\\b`),
  },
  // "connect me to", "transfer me", "put me through", "forward my chat to", "hand me over"
  {
    name: 'transfer_me',
    weight: 4,
    re: /\b(?:connect|transfer|forward|put|pass|hand|switch|redirect|route)\b (?:me|us|this(?: chat| conversation)?|my (?:chat|conversation|case|query|question))\b ?(?:back )?(?:through|over|on|off|across)? ?(?:to|with|2)?\b/,
  },
  {
    name: 'transfer_to_person',
    weight: 3.5,
    re: new RegExp(
      `\\b(?:connect|transfer|forward|pass|hand|hand off|hand over|switch|redirect|escalate)\\b (?:to|with) ${W}{0,3}?${PERSON}\\b`,
    ),
  },
  {
    name: 'be_transferred',
    weight: 3.5,
    re: /\b(?:be (?:transferred|connected|escalated|put through)|escalat(?:e|ed|ing|ion))\b/,
  },
  {
    name: 'transfer_alone',
    weight: 3.5,
    re: /^(?:please )?(?:transfer|connect|escalate)(?: me)?(?: please| now| asap)?$/,
  },
  // "I want a real person", "get me a human", "give me a real rep", "I need human help"
  {
    name: 'want_person',
    weight: 3.5,
    re: new RegExp(
      `\\b(?:want|wanna|need|needs|get|give|gimme|have|prefer|would like|request|requesting|require|demand|bring)\\b (?:me |us )?(?:to (?:talk|speak|chat) (?:to|with) )?${DET}${QUAL}${HUMAN}\\b(?! (?:who|that|which|sized|[a-z]+ing\\b|to (?!(?:talk|speak|chat|help|call|contact|answer|reply|respond|get|look|check|email|text|ring)\\b)))`,
    ),
  },
  {
    name: 'human_help',
    weight: 3,
    re: /\bhuman (?:help|assistance|support|agent|agents|being|contact|operator|rep|representative|please|pls)\b/,
  },
  // "someone take over", "let a human take over"
  {
    name: 'person_take_over',
    weight: 3,
    re: new RegExp(`\\b${HUMAN} ${W}{0,4}?(?:take over|takes over|step in|jump in)\\b`),
  },
  // "please call me", "ring me back", "get back to me", "I'd like a call back", "be contacted"
  {
    name: 'contact_me',
    weight: 3,
    re: /\b(?:call|ring|phone|contact|reach out to|get back to|reply to|respond to|get in touch with|reach) (?:me|us)\b/,
  },
  { name: 'callback', weight: 3, re: /\b(?:call ?back|callback|phone call|be contacted|be called)\b/ },
  // "can someone from the shop email me", "could a real person double check this"
  {
    name: 'person_do_for_me',
    weight: 3.5,
    re: new RegExp(
      `^(?:.* )?(?:can|could|would|will|may|please|pls|have|get|need|want|like|let|ask)\\b ${W}{0,3}?${DET}${QUAL}${PERSON}\\b ${W}{0,4}?(?:help|look at|look into|check|double check|read|review|contact|call|ring|email|e mail|message|reply|respond|answer|get back|reach out|handle|assist|chat|take a look)\\b`,
    ),
  },
  // "is anyone there", "any humans around?", "is a staff member available"
  {
    name: 'anyone_there',
    weight: 3,
    re: new RegExp(
      `(?:^|\\b(?:is|are|any|there)\\b ${W}{0,3}?)${QUAL}${HUMAN} ${W}{0,3}?(?:there|available|around|online|here|on duty|free|working right now)\\b`,
    ),
  },
  // "real person please", "live agent"
  {
    name: 'real_person',
    weight: 2.5,
    re: /\b(?:real|live|actual|proper|flesh and blood) (?:humans?|persons?|people|agents?|reps?|representatives?|someone|body|operators?)\b/,
  },
  // "not a bot", "I'm done with this chatbot", "enough with the AI", "I don't want to talk to a bot"
  {
    name: 'reject_bot',
    weight: 3,
    re: new RegExp(
      `\\b(?:not|no|dont want|do not want|stop|enough|done with|sick of|tired of|fed up with|hate|rather than|instead of|than|over)\\b ${W}{0,4}?${BOT}\\b`,
    ),
  },
  {
    name: 'bot_useless',
    weight: 3,
    re: new RegExp(
      `\\b${BOT} (?:is |are |isnt |doesnt |cant |cannot |wont |does not |can not |is not |just )?(?:useless|worthless|pointless|stupid|dumb|rubbish|garbage|terrible|not helping|helping|help|understand|understanding|working|getting it)\\b`,
    ),
  },
  {
    name: 'are_you_bot',
    weight: 2,
    re: new RegExp(`\\bare (?:you|u) ${DET}${QUAL}(?:${BOT}|humans?|persons?|real)\\b`),
  },
  // "who do I talk to", "who should we contact about this", "who's the right person to ask"
  {
    name: 'who_to_talk_to',
    weight: 4,
    re: /\bwho(?: (?:do|should|can|could|would|will|shall) (?:i|we)| (?:is|are)|s) (?:the (?:right |best )?(?:person|one|people) (?:to |(?:i|we) (?:should |can )?))?(?:talk|speak|chat|contact|ask|call|phone|ring|email|e mail|message|write|reach|get in touch)\b/,
  },
  {
    name: 'reach_person',
    weight: 3.5,
    re: new RegExp(
      `\\b(?:reach|contact|get hold of|get through to|get a hold of) ${DET}${QUAL}${HUMAN}\\b(?! (?:who|that|which))`,
    ),
  },
];

/** Fillers that may surround a bare request ("agent please", "human now!!"). */
const FILLER = new Set(
  'please pls plz now asap hi hello hey ok okay just a an the can could i you me get want need real live actual to with speak talk chat connect contact some one any a human your my yes quickly urgently right away straight'.split(
    ' ',
  ),
);
const BARE_PERSON = new RegExp(`^${PERSON}$`);
const CONTRACTIONS: [RegExp, string][] = [
  [/\bi'?d\b/g, 'i would'],
  [/\bi'?m\b/g, 'i am'],
  [/\b(u)\b/g, 'you'],
  [/\bw\/\s?/g, 'with '],
  [/\b(?:plz|pls|plse)\b/g, 'please'],
  [/\bppl\b/g, 'people'],
  [/\bsum1\b/g, 'someone'],
  [/\bsome one\b/g, 'someone'],
  [/\bhooman\b/g, 'human'],
  [/\b2\b(?= (?:a|an|the|some|your|someone|somebody|human|person|agent|staff)\b)/g, 'to'],
];

function clean(text: string): string {
  let s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .toLowerCase();
  for (const [re, to] of CONTRACTIONS) s = s.replace(re, to);
  s = s.replace(/'/g, '');
  for (const re of MASKS) s = s.replace(re, ' thing ');
  return s;
}

function words(clause: string): string {
  return (clause.match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}

/** Logistic squashing of the summed cue weights; -3 bias keeps a lone weak cue below one half. */
const BIAS = -3;

/** Scores a visitor message for a request to talk to a person. */
export function wantsHuman(text: string, threshold = 0.5): WantsHuman {
  const s = clean(text);
  const clauses = s
    .split(/[.!?;:\n]+|,\s+|\s+-\s+|\band then\b/)
    .map(words)
    .filter(Boolean);
  const whole = words(s);
  const cues = new Set<string>();
  for (const c of [whole, ...clauses]) {
    for (const cue of CUES) if (!cues.has(cue.name) && cue.re.test(c)) cues.add(cue.name);
    // A bare request: a clause that is only a person word and fillers ("agent", "human please").
    const rest = c
      .split(' ')
      .filter((w) => !FILLER.has(w))
      .join(' ');
    if (rest && BARE_PERSON.test(rest)) cues.add('bare_request');
    else if (!rest && /\bhuman\b/.test(c)) cues.add('bare_request');
  }
  let z = BIAS;
  for (const name of cues) z += name === 'bare_request' ? 4.5 : CUES.find((c) => c.name === name)!.weight;
  // A longer message with one weak cue is less likely to be a request than a short one.
  const n = whole.split(' ').length;
  z -= Math.max(0, Math.log2(n / 12));
  const score = 1 / (1 + Math.exp(-z));
  return { score, wants: score >= threshold, cues: [...cues] };
}
