/**
 * One conversation, live: read over REST, new messages appended from pushed events (deduplicated
 * by sequence number; a gap or a reconnect re-reads the thread), other events about it re-read
 * its state, and typing signals shown for a few seconds.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, errorMessage, wsPath } from '../api';
import { useRealtime } from '../realtime';
import type { ConversationDetail, WireMessage } from '../types';

const TYPING_TTL_MS = 6000;

export function useConversation(workspaceId: string, id: string) {
  const { onEvent, onTyping, onReconnect } = useRealtime();
  const [data, setData] = useState<ConversationDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [typing, setTyping] = useState<Record<string, number>>({});
  // The latest state, updated synchronously: several messages can arrive before React re-renders.
  const latest = useRef<ConversationDetail | null>(null);
  const commit = (next: ConversationDetail) => {
    latest.current = next;
    setData(next);
  };

  const load = useCallback(() => {
    api.get<ConversationDetail>(wsPath(workspaceId, `/conversations/${id}`)).then(
      (d) => {
        // Keep messages pushed while this read was in flight.
        const cur = latest.current;
        const newer = cur?.id === d.id ? cur.messages.filter((m) => m.seq > d.lastSeq) : [];
        commit({ ...d, messages: mergeMessages(d.messages, newer) });
        setError(null);
      },
      (err: unknown) => setError(errorMessage(err)),
    );
  }, [workspaceId, id]);

  useEffect(load, [load]);

  /** Adds a message we received (event or ack); re-reads when one is missing before it. */
  const addMessage = useCallback(
    (m: WireMessage) => {
      const cur = latest.current;
      if (!cur || cur.messages.some((x) => x.id === m.id)) return;
      const last = cur.messages.reduce((max, x) => Math.max(max, x.seq), 0);
      commit({ ...cur, messages: mergeMessages(cur.messages, [m]), lastSeq: Math.max(cur.lastSeq, m.seq) });
      if (m.seq > last + 1) load();
      if (m.author.type === 'visitor') setTyping(({ visitor: _v, ...rest }) => rest);
    },
    [load],
  );

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const offEvent = onEvent((e) => {
      if (e.conversationId !== id) return;
      if (e.name === 'message.created' && e.message) return addMessage(e.message);
      // Status, assignee, tags or contact changed: re-read (a system message comes with it).
      timer ??= setTimeout(() => {
        timer = null;
        load();
      }, 150);
    });
    const offTyping = onTyping((t) => {
      if (t.conversationId !== id) return;
      setTyping((cur) => {
        const next = { ...cur };
        if (t.typing) next[t.author] = Date.now() + TYPING_TTL_MS;
        else delete next[t.author];
        return next;
      });
    });
    const offReconnect = onReconnect(load);
    return () => {
      if (timer) clearTimeout(timer);
      offEvent();
      offTyping();
      offReconnect();
    };
  }, [id, load, addMessage, onEvent, onTyping, onReconnect]);

  // Forget typing signals that were never turned off (a closed tab, a lost connection).
  useEffect(() => {
    const keys = Object.keys(typing);
    if (!keys.length) return;
    const t = setTimeout(
      () => setTyping((cur) => Object.fromEntries(Object.entries(cur).filter(([, until]) => until > Date.now()))),
      1000,
    );
    return () => clearTimeout(t);
  }, [typing]);

  return { data, error, reload: load, addMessage, typing: Object.keys(typing) };
}

/** Messages in sequence order, each once. */
function mergeMessages(a: WireMessage[], b: WireMessage[]): WireMessage[] {
  const byId = new Map<string, WireMessage>();
  for (const m of [...a, ...b]) byId.set(m.id, m);
  return [...byId.values()].sort((x, y) => x.seq - y.seq);
}
