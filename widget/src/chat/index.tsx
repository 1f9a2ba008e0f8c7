/**
 * The chat bundle (`dist/widget/chat.js`), imported by the loader on the first click. It renders
 * the panel into the loader's shadow root, so the page's CSS cannot reach it.
 */
import { render } from 'preact';
import type { ChatHandle, MountOptions } from '../types';
import { App } from './App';
import dock from './styles/dock.css?inline';
import panel from './styles/panel.css?inline';
import thread from './styles/thread.css?inline';
import { ChatClient } from './client';

/** Mounts the panel (hidden until `setOpen(true)`) and connects to the server. */
export function mount(o: MountOptions): ChatHandle {
  const style = document.createElement('style');
  style.textContent = panel + thread + dock;
  const el = document.createElement('div');
  o.root.append(style, el);

  const client = new ChatClient(o.base, o.workspaceId, o.config.botName);
  let open = false;
  let focusSeq = 0;
  /** Replies counted as unread: those from others after this seq, while the panel is closed. */
  let seenSeq = 0;

  const draw = () =>
    render(<App client={client} config={o.config} open={open} focusSeq={focusSeq} onClose={o.onClose} />, el);
  client.subscribe((s) => {
    const unseen = s.messages.filter((m) => m.seq > seenSeq && m.author.type !== 'visitor' && m.kind === 'text');
    if (open) seenSeq = Math.max(seenSeq, ...s.messages.map((m) => m.seq));
    else o.onUnread(unseen.length);
  });
  draw();

  return {
    setOpen(next, focus) {
      open = next;
      if (focus && next) focusSeq++;
      if (next) {
        seenSeq = Math.max(seenSeq, ...client.snapshot.messages.map((m) => m.seq));
        o.onUnread(0);
      }
      draw();
    },
  };
}
