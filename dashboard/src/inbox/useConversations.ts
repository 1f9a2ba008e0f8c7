/**
 * A live list of conversations for one query: fetched over REST, then re-read (debounced) whenever
 * the server pushes an event about a conversation, or after a reconnect. The list never needs
 * a manual refresh; the database stays the source of truth.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, errorMessage, wsPath } from '../api';
import { useRealtime } from '../realtime';
import type { Conversation, View } from '../types';

export interface ConversationQuery {
  view: View;
  tagId?: string;
  teamId?: string;
  q?: string;
  limit?: number;
}

const REFRESH_MS = 200;

export function useConversations(workspaceId: string, query: ConversationQuery) {
  const { onEvent, onReconnect } = useRealtime();
  const [items, setItems] = useState<Conversation[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify(query);
  const seq = useRef(0);

  const load = useCallback(() => {
    const mine = ++seq.current;
    const q = JSON.parse(key) as ConversationQuery;
    api
      .get<Conversation[]>(
        wsPath(workspaceId, '/conversations', {
          view: q.view,
          tagId: q.tagId,
          teamId: q.teamId,
          q: q.q,
          limit: String(q.limit ?? 100),
        }),
      )
      .then(
        (rows) => {
          if (mine !== seq.current) return;
          setItems(rows);
          setError(null);
        },
        (err: unknown) => mine === seq.current && setError(errorMessage(err)),
      );
  }, [workspaceId, key]);

  useEffect(() => {
    setItems(null);
    load();
  }, [load]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    // At most one re-read per REFRESH_MS however busy the workspace is (a timer that restarted on
    // every event would never fire while messages keep flowing).
    const soon = () => {
      timer ??= setTimeout(() => {
        timer = null;
        load();
      }, REFRESH_MS);
    };
    const offEvent = onEvent((e) => {
      if (e.conversationId || e.name === 'agent.presence') soon();
    });
    const offReconnect = onReconnect(load);
    return () => {
      if (timer) clearTimeout(timer);
      offEvent();
      offReconnect();
    };
  }, [load, onEvent, onReconnect]);

  return { items, error, reload: load };
}
