/**
 * A few weeks of past conversations for the demo shop, so the inbox, the tag feed and the
 * knowledge gaps mean something at first sight. Made through the real commands on a simulated
 * clock (and a private event bus: nothing is broadcast or emailed).
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { eq } from 'drizzle-orm';
import { conversationTags, tags, users } from '../db/schema';
import { recordActivity } from '../server/commands/activity';
import { updateContact } from '../server/commands/contacts';
import { learnFromReplies } from '../server/commands/learned-answers';
import {
  appendMessage,
  contactForVisitor,
  moveConversation,
  sendAgentMessage,
  startConversation,
} from '../server/commands/conversations';
import type { Deps } from '../server/commands/unit';
import { EventBus } from '../server/events/bus';

interface Story {
  tag: string | null;
  agent: 'marcus' | 'dana' | null;
  reason?: 'topic' | 'customer_request' | 'low_confidence' | 'frustration';
  visitor: string[];
  bot?: string;
  replies?: string[];
  name?: string;
  email?: string;
}

const STORIES: Story[] = [
  {
    tag: 'Custom orders',
    agent: 'dana',
    reason: 'topic',
    name: 'Jordan Lee',
    email: 'jordan.lee@example.com',
    visitor: ['Can you quote me a custom guitar build? Thinking T-style, roasted maple neck, P90s.'],
    replies: [
      'Hi Jordan! Tomas, our luthier, prices every build himself. A T-style with a roasted maple neck and P90s usually lands between $2,400 and $3,100; he will email you a full quote within two days.',
      'I have booked you a 30-minute consult with Tomas on Saturday at 11:00.',
    ],
  },
  {
    tag: 'Custom orders',
    agent: 'dana',
    reason: 'topic',
    visitor: ['How much for a custom left-handed baritone guitar?'],
    replies: [
      'Left-handed baritones are a favourite of Tomas. Quotes start around $2,800; I will have him send you the options sheet today.',
    ],
  },
  {
    tag: 'Custom orders',
    agent: 'dana',
    reason: 'topic',
    visitor: ['Could your luthier build me a one-off custom finish on a new jazz bass?'],
    replies: [
      'Yes — custom finishes on a new build add $350–$600 depending on the finish. Tomas will confirm the colours with you by email.',
    ],
  },
  {
    tag: 'Bulk & education',
    agent: 'marcus',
    reason: 'topic',
    name: 'Ms. Alvarez',
    email: 'alvarez@lincoln-middle.example',
    visitor: ['We need 30 violins for our school orchestra, can we get a quote with a purchase order?'],
    replies: [
      'Thanks for thinking of us! For 30 student violins we offer our education tier (12% off) and delivery to the school. I am sending the quote to your school email now; purchase orders are welcome.',
      'The quote is in your inbox, valid for 60 days.',
    ],
  },
  {
    tag: 'Bulk & education',
    agent: 'marcus',
    reason: 'topic',
    visitor: ['Our district wants 12 drum pads and sticks for a percussion class. Discounts?'],
    replies: [
      'Yes: orders over 10 units get the education tier. I have put together a bundle with 12 practice pads and 24 pairs of sticks, quote on its way.',
    ],
  },
  {
    tag: 'Warranty',
    agent: 'marcus',
    reason: 'topic',
    visitor: ['My Boss pedal and my Fender amp both stopped working, are they covered by warranty?'],
    replies: [
      'Sorry to hear that! Boss and Fender handle their own warranties, but we collect both at the counter and send them in for you. Bring them in with your receipts; turnaround is about 3 weeks.',
    ],
  },
  {
    tag: 'Warranty',
    agent: 'dana',
    reason: 'topic',
    visitor: ['The snare I bought last month has a cracked shell. Warranty claim?'],
    replies: [
      'That is covered: a cracked shell within the first year is a manufacturer defect. Bring it in or send a photo and your order number and we will start the claim today.',
    ],
  },
  {
    tag: 'Returns',
    agent: 'marcus',
    reason: 'customer_request',
    visitor: ['I want to return a cymbal that arrived dented', 'Can I talk to someone please?'],
    replies: [
      'Of course — a cymbal that arrived damaged is on us. I have emailed you a prepaid return label; we will ship a replacement as soon as the carrier scans it.',
    ],
  },
  {
    tag: 'Returns',
    agent: 'dana',
    reason: 'customer_request',
    visitor: [
      'I opened a pack of strings and they are the wrong gauge, can I exchange them?',
      'I would like to speak to a person',
    ],
    replies: [
      'Opened strings can’t be returned for hygiene reasons, but since we sent the wrong gauge I will send the right set free of charge.',
    ],
  },
  {
    tag: 'Technical support',
    agent: 'marcus',
    reason: 'low_confidence',
    visitor: ['My kick pedal squeaks on every hit, any idea?'],
    bot: "I'm not sure about that one, so I'm handing you to a person on our team.",
    replies: [
      'A squeaky kick pedal is usually the spring or the hinge. A drop of light machine oil on the spring hook and the hinge fixes 9 in 10 of them.',
    ],
  },
  {
    tag: 'Technical support',
    agent: 'dana',
    reason: 'low_confidence',
    visitor: ['My guitar buzzes on the 3rd fret only on the G string'],
    bot: "I'm not sure about that one, so I'm handing you to a person on our team.",
    replies: [
      'That sounds like a high fret or a low nut slot. Our setup ($65) fixes both — book it online and bring it in any weekday.',
    ],
  },
  {
    tag: null,
    agent: 'dana',
    reason: 'low_confidence',
    visitor: ['Do you take trade-ins of vintage synthesizers?'],
    bot: "I'm not sure about that one, so I'm handing you to a person on our team.",
    replies: [
      'We do! Vintage synths get an in-person appraisal; bring it in and we will make an offer in store credit or cash.',
    ],
  },
  {
    tag: null,
    agent: 'marcus',
    reason: 'low_confidence',
    visitor: ['Do you buy used vintage keyboards and synths?'],
    bot: "I'm not sure about that one, so I'm handing you to a person on our team.",
    replies: ['Yes, we appraise vintage keyboards and synths in person and offer store credit or cash.'],
  },
  {
    tag: 'Shipping',
    agent: 'marcus',
    reason: 'frustration',
    visitor: ['My package says delivered but it is NOT here!!', 'I already told you, it is not here!!!'],
    replies: [
      'I am really sorry. I have opened a claim with the carrier and we are sending a replacement today by expedited shipping.',
    ],
  },
];

const AI_ONLY = [
  ['How long does shipping take?', 'Standard shipping takes 3–5 business days; orders over $99 ship free.'],
  ['What are your store hours on Saturday?', 'On Saturday we are open 10:00–18:00.'],
  [
    'Do you offer drum lessons?',
    'Yes — drum lessons with Marcus Bell, 30, 45 or 60 minutes; the first trial lesson is half price.',
  ],
  [
    'Can I rent a violin for my daughter?',
    'Yes: rent-to-own violins start at a low monthly price, with damage protection available.',
  ],
  [
    'How do I return something I bought online?',
    'You can return most items within 30 days; start a return from your order page.',
  ],
  ['Do you sell gift cards?', 'Yes, gift cards from $25 to $500, in store and online.'],
] as const;

/**
 * Minutes before someone picks a handoff up, from a uniform draw `u`: within two minutes mostly,
 * but about one in eight waits 6–20 minutes while both people are busy in the shop.
 */
function pickUpMinutes(u: number): number {
  const BUSY = 1 / 8;
  return u < 1 - BUSY ? 0.3 + (u / (1 - BUSY)) * 1.7 : 6 + ((u - (1 - BUSY)) / BUSY) * 14;
}

/** Creates past conversations spread over the last `days` days. */
export async function seedHistory(deps: Deps, workspaceId: string, days = 21): Promise<number> {
  const [marcus] = await deps.db.select().from(users).where(eq(users.email, 'marcus@riffandrhythm.example'));
  const [dana] = await deps.db.select().from(users).where(eq(users.email, 'dana@riffandrhythm.example'));
  if (!marcus || !dana) return 0;
  const agents = { marcus, dana };
  const tagRows = await deps.db.select().from(tags).where(eq(tags.workspaceId, workspaceId));
  const end = deps.now().getTime() - 2 * 3600_000;
  let clock = end - days * 86_400_000;
  const local: Deps = { db: deps.db, bus: new EventBus(), now: () => new Date(clock) };
  const step = (minutes: number) => {
    clock += minutes * 60_000;
  };

  // A deterministic pseudo-random sequence, so every demo looks the same.
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const plan: ({ kind: 'story'; story: Story } | { kind: 'ai'; q: string; a: string })[] = [];
  for (let round = 0; round < 3; round++) {
    for (const story of STORIES) if (rand() < 0.75) plan.push({ kind: 'story', story });
    for (const [q, a] of AI_ONLY) for (let i = 0; i < 2; i++) plan.push({ kind: 'ai', q, a });
  }
  plan.sort(() => rand() - 0.5);
  const gap = (days * 24 * 60) / (plan.length + 1);

  let n = 0;
  for (const item of plan) {
    // The embedded database answers within the same turn of the event loop: without a pause now
    // and then, a first start's seeding would hold up every request for seconds.
    await yieldToLoop();
    clock += gap * (0.5 + rand()) * 60_000;
    if (clock > end) break;
    const contact = await contactForVisitor(local.db, workspaceId, `demo-history-${n}`);
    const conv = await startConversation(local, { workspaceId, contactId: contact.id });
    const base = { workspaceId, conversationId: conv.id };
    let k = 0;
    const say = (body: string) => appendMessage(local, { ...base, clientId: `h${k++}`, authorType: 'visitor', body });
    const bot = (body: string, meta: Record<string, unknown> = {}) =>
      appendMessage(local, { ...base, clientId: `h${k++}`, authorType: 'bot', body, meta });
    n++;
    if (item.kind === 'ai') {
      await say(item.q);
      step(0.1);
      await bot(item.a, { confidence: 0.8 + rand() * 0.15, abstained: false, question: item.q });
      continue;
    }
    const s = item.story;
    if (s.name || s.email)
      await updateContact(local, {
        workspaceId,
        contactId: contact.id,
        name: s.name,
        email: s.email,
        actor: 'visitor',
      });
    for (const [i, v] of s.visitor.entries()) {
      await say(v);
      step(0.2);
      if (i < s.visitor.length - 1)
        await bot("Here's what I found in our information…", { confidence: 0.4, abstained: false, question: v });
    }
    const abstained = s.reason === 'low_confidence';
    await bot(s.bot ?? 'Handing you to a person on our team — they will see everything we said.', {
      handoff: true,
      reason: s.reason,
      ...(abstained ? { abstained: true, question: s.visitor[0] } : {}),
    });
    await moveConversation(local, {
      ...base,
      move: 'handoff',
      actor: { type: 'bot' },
      reason: s.reason ?? 'topic',
      card: { reason: s.reason, summary: s.visitor[0], details: { name: s.name, email: s.email }, tried: [] },
    });
    const tag = tagRows.find((t) => t.name === s.tag);
    if (tag)
      await local.db
        .insert(conversationTags)
        .values({ conversationId: conv.id, tagId: tag.id, source: 'auto', confidence: 0.7 + rand() * 0.25 })
        .onConflictDoNothing();
    if (!s.agent) continue;
    const agent = agents[s.agent];
    step(pickUpMinutes(rand()));
    await moveConversation(local, {
      ...base,
      move: 'assign',
      actor: { type: 'user', id: agent.id },
      expectStatus: 'waiting',
    });
    for (const [i, reply] of (s.replies ?? []).entries()) {
      for (let t = 0; t < 2 + rand() * 4; t++) {
        // The handoff card is read in a minute or three; a later answer takes looking things up.
        step(i === 0 ? 0.25 + rand() * 0.25 : 0.5 + rand() * 0.5);
        await recordActivity(local, { ...base, userId: agent.id, kind: 'view' });
      }
      step(0.5);
      await sendAgentMessage(local, { ...base, userId: agent.id, clientId: `h${k++}`, body: reply, note: false });
    }
    // What the team taught (the private bus runs no processors): the copilot suggests it from day one.
    await learnFromReplies(local, base);
    step(1 + rand() * 3);
    await moveConversation(local, { ...base, move: 'resolve', actor: { type: 'user', id: agent.id } });
  }
  return n;
}
