/**
 * Handoff fan-out: a visitor asks for a person; how long until every one of the signed-in agents'
 * dashboards has received `handoff.created` for that conversation.
 */
import { performance } from 'node:perf_hooks';
import type { AgentEvent } from '../protocol/socket';
import { call, connectAgent, connectVisitor, waitFor, type AgentClient } from '../tests/clients';
import { AGENT_PASSWORD, type Product } from './product';

export interface FanoutResult {
  /** Handoff emitted → the last of the agents received it, per handoff (ms). */
  samples: number[];
  /** Handoff emitted → its ack (the handoff is stored): the part of `samples` before fan-out. */
  acks: number[];
  agents: number;
  failed: number;
}

export async function measureFanout(product: Product, agentEmails: string[], handoffs: number): Promise<FanoutResult> {
  const agents: AgentClient[] = [];
  // conversationId → arrival times, one per agent socket.
  const arrivals = new Map<string, number[]>();
  const samples: number[] = [];
  const acks: number[] = [];
  let failed = 0;
  try {
    for (const email of agentEmails) {
      const session = await product.signIn(email, AGENT_PASSWORD);
      const agent = await connectAgent(product.url, session, product.workspaceId);
      agent.socket.on('event', (e: AgentEvent) => {
        if (e.name !== 'handoff.created' || !e.conversationId) return;
        const list = arrivals.get(e.conversationId) ?? [];
        list.push(performance.now());
        arrivals.set(e.conversationId, list);
      });
      agents.push(agent);
    }
    for (let i = 0; i < handoffs; i++) {
      const v = await connectVisitor(product.url, product.workspaceId);
      try {
        const waiting = waitFor(
          v.socket,
          'state',
          (s: { status: string; conversationId: string | null }) =>
            (s.status === 'waiting' && s.conversationId) || undefined,
          10_000,
        );
        const t0 = performance.now();
        const ack = await call(v.socket, 'handoff', {});
        if (!ack.ok) throw new Error(ack.error.message);
        acks.push(performance.now() - t0);
        const conversationId = await waiting;
        const deadline = t0 + 10_000;
        while ((arrivals.get(conversationId)?.length ?? 0) < agents.length && performance.now() < deadline)
          await new Promise((r) => setTimeout(r, 2));
        const got = arrivals.get(conversationId) ?? [];
        if (got.length < agents.length) failed++;
        else samples.push(Math.max(...got) - t0);
      } catch {
        failed++;
      } finally {
        v.close();
      }
    }
  } finally {
    for (const a of agents) a.close();
  }
  return { samples, acks, agents: agents.length, failed };
}
