/**
 * After commit: the transcript mail (loopback SMTP) is the thread the visitor saw, escaped, with
 * the citations' links; a rating reaches a webhook subscribed to csat.submitted, signed, once.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../db/client';
import { webhooks } from '../../db/schema';
import { createOutbound } from '../../net/outbound';
import { makeConversation, makeDeps, makeMember, makeWorkspace, uid } from '../../tests/factories';
import { appendMessage, moveConversation, sendAgentMessage } from '../commands/conversations';
import { rateConversation } from '../commands/satisfaction';
import { requestTranscript } from '../commands/transcript';
import type { Deps } from '../commands/unit';
import { startTranscripts } from './transcript';
import { Webhooks } from './webhooks';

const safeDecode = (s: string) => {
  try {
    return decodeURIComponent(s.replace(/%(?![0-9A-F]{2})/g, '%25'));
  } catch {
    return s;
  }
};

describe('after a resolve: transcript mail and csat webhook', () => {
  let handle: DatabaseHandle;
  let deps: Deps;
  let smtp: SMTPServer;
  let receiver: Server;
  let hookUrl: string;
  const mails: { to: string[]; data: string }[] = [];
  const posted: string[] = [];
  const local = createOutbound({ allowPrivate: true });

  beforeAll(async () => {
    handle = await openDatabase({ driver: 'pglite', dataDir: null });
    deps = makeDeps(handle.db);
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, cb) {
        let data = '';
        stream.on('data', (d: Buffer) => (data += d.toString()));
        stream.on('end', () => {
          // Undo quoted-printable (soft breaks, =XX) so assertions read the text and HTML as sent.
          const plain = Buffer.from(
            data.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => `%${h}`),
            'latin1',
          ).toString();
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address), data: safeDecode(plain) });
          cb();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
    startTranscripts(deps, pino({ level: 'silent' }), {
      smtpUrl: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
      from: 'Shop <shop@example.com>',
    });
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => (posted.push(body), res.writeHead(204).end()));
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  });
  afterAll(async () => {
    await local.close();
    receiver?.close();
    await new Promise<void>((r) => smtp.close(() => r()));
    await handle?.close();
  });

  async function resolvedChat(before?: (workspaceId: string) => Promise<unknown>) {
    const { workspace } = await makeWorkspace(deps);
    await before?.(workspace.id);
    const agent = await makeMember(deps, workspace.id, 'agent', 'Sam');
    const visitorId = `v-${uid()}`;
    const { conversation } = await makeConversation(deps, workspace.id, visitorId);
    const base = { workspaceId: workspace.id, conversationId: conversation.id };
    await appendMessage(deps, { ...base, clientId: uid(), authorType: 'visitor', body: 'Is <script>x()</script> ok?' });
    await appendMessage(deps, {
      ...base,
      clientId: uid(),
      authorType: 'bot',
      body: 'See our returns page.',
      meta: {
        citations: [
          { chunkId: 'c1', title: 'Returns & refunds', url: 'https://shop.example/returns' },
          { chunkId: 'c2', title: 'Bad link', url: 'javascript:alert(1)' },
        ],
        confidence: 0.9,
      },
    });
    await moveConversation(deps, { ...base, move: 'handoff', actor: { type: 'bot' }, reason: 'customer_request' });
    await sendAgentMessage(deps, { ...base, userId: agent.id, clientId: uid(), body: 'Sam here: yes.', note: false });
    await sendAgentMessage(deps, { ...base, userId: agent.id, clientId: uid(), body: 'SECRET NOTE', note: true });
    await moveConversation(deps, { ...base, move: 'resolve', actor: { type: 'user', id: agent.id } });
    return { workspace, agent, conversation, visitor: { ...base, visitorId } };
  }

  it('mails the thread as the visitor saw it, escaped, with the links of the citations', async () => {
    const { visitor } = await resolvedChat();
    await requestTranscript(deps, { ...visitor, email: 'robin@example.com' }, true);
    await deps.bus.idle();
    const mail = mails.find((m) => m.to.includes('robin@example.com'));
    expect(mail).toBeDefined();
    const data = mail!.data;
    expect(data).toContain('Is <script>x()</script> ok?'); // the text part, as written
    expect(data).toContain('Is &lt;script&gt;x()&lt;/script&gt; ok?'); // the HTML part, escaped
    expect(data).toContain('Returns &amp; refunds');
    expect(data).toContain('<a href="https://shop.example/returns">');
    expect(data).not.toContain('href="javascript:');
    expect(data).toContain('Sam here: yes.');
    expect(data).toContain('Sam joined the chat');
    expect(data).not.toContain('SECRET NOTE');
  });

  it('sends csat.submitted to a webhook subscribed to it', async () => {
    const hooks = new Webhooks(deps, pino({ level: 'silent' }), { intervalMs: 60_000, fetch: local.fetch });
    const stop = hooks.start();
    const { visitor, agent } = await resolvedChat((workspaceId) =>
      handle.db.insert(webhooks).values({ workspaceId, url: hookUrl, secret: 's', events: ['csat.submitted'] }),
    );
    await rateConversation(deps, { ...visitor, rating: 'okay' });
    await deps.bus.idle();
    await hooks.drain();
    const csat = posted.map((b) => JSON.parse(b) as { event: string; data: Record<string, unknown> });
    expect(csat.filter((e) => e.event === 'csat.submitted')).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({ rating: 'okay', handledBy: 'human', agentId: agent.id }),
      }),
    ]);
    expect(csat.some((e) => e.event === 'message.created')).toBe(false);
    stop();
  });
});
