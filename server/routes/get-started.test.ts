import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startBareServer, type Session } from '../../tests/server';
import type { AssistantPreview, CoverageReport, GetStartedState } from '../../protocol/onboarding';
import type { RunningServer } from '../serve';
import { ODD_INPUT_REPLY } from '../../engine/conversation/odd-input';
import { ROASTER_BREWING as BREWING, ROASTER_SHIPPING as SHIPPING } from '../../tests/factories';

describe('Get started and Try your assistant (a real server, no demo)', () => {
  let server: RunningServer;
  let session: Session;

  const call = async <T>(method: string, path: string, body?: unknown, raw?: string) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        cookie: session.cookie,
        'x-csrf-token': session.csrf,
        ...(raw !== undefined ? { 'content-type': 'text/markdown' } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: raw ?? (body !== undefined ? JSON.stringify(body) : undefined),
    });
    return { status: res.status, body: (await res.json()) as T };
  };
  const ws = (rest: string) => `/api/workspaces/${session.workspaceId}${rest}`;
  const state = async () => (await call<GetStartedState>('GET', ws('/get-started'))).body;

  beforeAll(async () => {
    server = await startBareServer();
    session = await signUp(server.url, {
      email: 'owner@beanthere.example',
      password: 'tawny kettle orbit 42',
      name: 'Ana',
      workspaceName: 'Bean There',
    });
  });
  afterAll(async () => server?.close());

  it('starts with every step to do, and the snippet points at this server', async () => {
    const s = await state();
    expect(s.done).toBe(false);
    expect([s.content.done, s.assistant.done, s.tags.done, s.widget.done, s.team.done]).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(server.url).not.toMatch(/:3000$/);
    expect(s.widget.snippet).toBe(
      `<script src="${server.url}/widget/loader.js" data-workspace="${session.workspaceId}" async></script>`,
    );
  });

  it('answers from uploaded content, with citations and confidence, and creates no conversation', async () => {
    for (const [name, text] of [
      ['shipping.md', SHIPPING],
      ['brewing.md', BREWING],
    ]) {
      const up = await call('POST', ws(`/knowledge/files?name=${name}`), undefined, text);
      expect(up.status).toBe(201);
    }
    expect((await state()).content).toMatchObject({ done: true, sources: 2, ready: 2 });

    const shipping = await call<AssistantPreview>('POST', ws('/assistant/try'), {
      question: 'How long does delivery take?',
    });
    expect(shipping.status).toBe(200);
    expect(shipping.body.outcome).toBe('answer');
    expect(shipping.body.abstained).toBe(false);
    expect(shipping.body.text).toMatch(/2 to 4\s+business days/);
    expect(shipping.body.confidence).toBeGreaterThanOrEqual(shipping.body.threshold);
    expect(shipping.body.citations.map((c) => c.title).join(' ')).toMatch(/Delivery times|Shipping/);

    const grind = await call<AssistantPreview>('POST', ws('/assistant/try'), {
      question: 'what grind should I use for a french press?',
    });
    expect(grind.body.text).toMatch(/coarse grind/);

    // As the widget says it: small talk in kind, citing nothing.
    const hello = await call<AssistantPreview>('POST', ws('/assistant/try'), { question: 'hello' });
    expect(hello.body).toMatchObject({
      outcome: 'answer',
      text: ODD_INPUT_REPLY.greeting,
      citations: [],
      smallTalk: true,
    });
    expect(shipping.body.smallTalk).toBe(false);

    const person = await call<AssistantPreview>('POST', ws('/assistant/try'), {
      question: 'Can I talk to a real person please?',
    });
    expect(person.body).toMatchObject({ outcome: 'handoff', reason: 'customer_request' });

    const all = await call<unknown[]>('GET', ws('/conversations?view=all'));
    expect(all.body).toEqual([]);
    expect((await state()).assistant.done).toBe(true);
  });

  it('refuses an empty question with a message', async () => {
    const res = await call<{ error: { message: string } }>('POST', ws('/assistant/try'), { question: '  ' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/type a question/);
  });

  it('lists the pages the assistant cannot answer from, from questions made of their headings', async () => {
    const report = await call<CoverageReport>('POST', ws('/assistant/coverage'));
    expect(report.status).toBe(200);
    expect(report.body.asked).toBeGreaterThanOrEqual(4);
    expect(report.body.answered).toBeGreaterThan(0);
    for (const g of report.body.gaps) expect(g.questions.length).toBeGreaterThan(0);
    expect((await call<unknown[]>('GET', ws('/conversations?view=all'))).body).toEqual([]);
  });

  it('marks tags, the widget and the team done from what really exists, then the whole checklist', async () => {
    await call('POST', ws('/tags'), { name: 'Brewing', examples: ['how do I brew', 'grind size'] });
    expect((await state()).tags).toMatchObject({ done: false, tags: 1, handoffTopics: 0 });
    await call('POST', ws('/tags'), {
      name: 'Wholesale',
      needsHuman: true,
      examples: ['wholesale prices for my cafe', 'bulk order for a restaurant'],
    });
    expect((await state()).tags).toMatchObject({ done: true, tags: 2, handoffTopics: 1 });

    // The loader fetches its config from the shop's page: that page's origin is what we saw.
    const config = await fetch(`${server.url}/api/widget/${session.workspaceId}/config`, {
      headers: { origin: 'https://beanthere.example' },
    });
    expect(config.status).toBe(200);
    const widget = (await state()).widget;
    expect(widget.done).toBe(true);
    expect(widget.seen[0]).toMatchObject({ origin: 'https://beanthere.example' });
    expect(Number.isNaN(Date.parse(widget.seen[0].at))).toBe(false);

    expect((await state()).done).toBe(false);
    const inv = await call('POST', ws('/invitations'), { email: 'barista@beanthere.example' });
    expect(inv.status).toBe(201);
    const s = await state();
    expect(s.team).toMatchObject({ done: true, members: 1, invitations: 1 });
    expect(s.done).toBe(true);
  });
});
