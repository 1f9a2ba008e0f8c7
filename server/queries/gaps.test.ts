/**
 * Knowledge-gap drafts take only the team's reply that answered the question, never the
 * customer's name, email, phone or order number, and a request for a person is not a gap.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../db/client';
import { makeConversation, makeDeps, makeMember, makeWorkspace, uid } from '../../tests/factories';
import { appendMessage, moveConversation } from '../commands/conversations';
import { draftQa, knowledgeGaps } from './gaps';
import type { Deps } from '../commands/unit';

describe('knowledge gaps', () => {
  let handle: DatabaseHandle;
  let deps: Deps;
  beforeAll(async () => {
    handle = await openDatabase({ driver: 'pglite', dataDir: null });
    deps = makeDeps(handle.db);
  });
  afterAll(async () => handle?.close());

  async function chat(workspaceId: string, agentId: string, lines: [string, string][], handoff: boolean) {
    const { conversation } = await makeConversation(deps, workspaceId);
    let lastVisitor = '';
    const put = (authorType: 'visitor' | 'bot' | 'agent', body: string, meta: Record<string, unknown> = {}) =>
      appendMessage(deps, {
        workspaceId,
        conversationId: conversation.id,
        clientId: uid(),
        authorType,
        authorId: authorType === 'agent' ? agentId : null,
        body,
        meta,
      });
    for (const [who, body] of lines) {
      if (who === 'handoff' && handoff) {
        await put('bot', 'Let me get someone from the team.', { handoff: true, reason: 'topic' });
        await moveConversation(deps, {
          workspaceId,
          conversationId: conversation.id,
          move: 'handoff',
          actor: { type: 'bot' },
          reason: 'topic',
        });
      } else if (who === 'visitor') {
        lastVisitor = body;
        await put('visitor', body);
      } else if (who === 'abstain') await put('bot', body, { abstained: true, question: lastVisitor, citations: [] });
      else if (who === 'agent') await put('agent', body);
    }
    return conversation.id;
  }

  it('drafts from the reply that answered the question, scrubbed, and skips requests for a person', async () => {
    const { workspace } = await makeWorkspace(deps);
    const agent = await makeMember(deps, workspace.id, 'agent', 'Dana');
    const from = new Date(Date.now() - 3_600_000);
    await chat(
      workspace.id,
      agent.id,
      [
        ['visitor', 'How much does shipping cost to Denver for a 5 lb bag?'],
        ['abstain', "I'm not sure about that one."],
        ['visitor', 'Also, do you do catering for office events of about 40 people?'],
        ['handoff', ''],
        ['agent', 'Yes, we cater office events: coffee service for 40 people starts at $180.'],
      ],
      true,
    );
    await chat(
      workspace.id,
      agent.id,
      [
        ['visitor', "I'm Maria Lopez, maria@bluecafe.example, 864-555-0199. Do you sell wholesale to cafés?"],
        ['abstain', "I'm not sure."],
        ['handoff', ''],
        [
          'agent',
          "Hi Maria, yes: wholesale starts at 10 lb a week at $11/lb. I'll email the price list to maria@bluecafe.example today.",
        ],
      ],
      true,
    );
    await chat(
      workspace.id,
      agent.id,
      [
        ['visitor', 'Can I change the grind on order #TW-4471 before it ships?'],
        ['abstain', "I'm not sure."],
        ['handoff', ''],
        ['agent', 'Done: order #TW-4471 is now ground for espresso and ships tomorrow.'],
      ],
      true,
    );
    await chat(
      workspace.id,
      agent.id,
      [
        ['visitor', 'Can I talk to a real person please?'],
        ['handoff', ''],
        ['agent', 'Sure, Dana here. What can I help you with today?'],
      ],
      true,
    );

    const groups = await knowledgeGaps(deps, workspace.id, from, new Date(Date.now() + 60_000));
    const all = JSON.stringify(groups);
    expect(all).not.toMatch(/real person/i);
    expect(all).not.toMatch(/Maria|Lopez|bluecafe|864-555-0199|TW-4471/);

    const shipping = groups.find((g) => /shipping/i.test(g.label))!;
    expect(shipping.answers).toEqual([]);
    expect(draftQa(shipping).answer).toBe('');

    const catering = groups.find((g) => /catering/i.test(g.label))!;
    expect(draftQa(catering).answer).toBe('Yes, we cater office events: coffee service for 40 people starts at $180.');
    expect(catering.answers[0].author).toBe(agent.id);

    // An order's number is cut out of the question; the reply about that one order is not an answer.
    const grind = groups.find((g) => /grind/i.test(g.label))!;
    expect(grind.label).toBe('Can I change the grind on order before it ships?');
    expect(draftQa(grind).answer).toBe('');

    const wholesale = groups.find((g) => /wholesale/i.test(g.label))!;
    expect(wholesale.label).toBe('Do you sell wholesale to cafés?');
    expect(draftQa(wholesale).answer).toBe('Yes: wholesale starts at 10 lb a week at $11/lb.');
  });
});
