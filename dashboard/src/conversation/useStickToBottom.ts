import { useCallback, useEffect, useLayoutEffect, useRef, type UIEvent } from 'react';

/** How close to the bottom (px) still counts as "at the bottom". */
const NEAR_BOTTOM_PX = 60;

/**
 * Keeps a scrolling list at its bottom while the reader is there: when it first shows, when its
 * content changes (`deps`) and whenever its own size changes (the copilot loading below it, the
 * window turning). A reader who scrolled up to read stays where they are.
 */
export function useStickToBottom<T extends HTMLElement>(key: string, deps: readonly unknown[]) {
  const el = useRef<T | null>(null);
  const stick = useRef(true);
  const observer = useRef<ResizeObserver | null>(null);

  const toBottom = () => {
    const node = el.current;
    if (node && stick.current) node.scrollTop = node.scrollHeight;
  };

  // A callback ref: the list mounts after the conversation loads, and again for another one.
  const ref = useCallback((node: T | null) => {
    observer.current?.disconnect();
    el.current = node;
    if (!node) return;
    stick.current = true;
    node.scrollTop = node.scrollHeight;
    if (typeof ResizeObserver === 'undefined') return;
    observer.current = new ResizeObserver(toBottom);
    observer.current.observe(node);
  }, []);
  useEffect(() => () => observer.current?.disconnect(), []);

  // Another conversation in the same list starts at its newest message.
  useLayoutEffect(() => {
    stick.current = true;
  }, [key]);
  useLayoutEffect(toBottom, [key, ...deps]);

  const onScroll = (e: UIEvent<T>) => {
    const node = e.currentTarget;
    stick.current = node.scrollHeight - node.scrollTop - node.clientHeight < NEAR_BOTTOM_PX;
  };
  return { ref, onScroll };
}
