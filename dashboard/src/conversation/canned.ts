/** Canned replies: a short list per workspace, kept in this browser's local storage. */
import { useCallback, useState } from 'react';
import { readJson, writeJson } from '../lib/storage';

const DEFAULTS = [
  'Hi! Thanks for waiting — I’m reading through your conversation now.',
  'Could you share your order number so I can look this up?',
  'Thanks! Is there anything else I can help you with?',
];

export function useCannedReplies(workspaceId: string) {
  const key = `chatref.canned.${workspaceId}`;
  const [items, setItems] = useState<string[]>(() => readJson(key, DEFAULTS));
  const save = useCallback(
    (next: string[]) => {
      setItems(next);
      writeJson(key, next);
    },
    [key],
  );
  return {
    items,
    add: (text: string) => text.trim() && !items.includes(text.trim()) && save([...items, text.trim()]),
    remove: (i: number) => save(items.filter((_, j) => j !== i)),
  };
}
