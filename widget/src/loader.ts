/**
 * The install snippet's script (`dist/widget/loader.js`, a classic script):
 *   <script src="{BASE}/widget/loader.js" data-workspace="{workspaceId}" async></script>
 * It draws only the launcher button, in a shadow root so the shop's CSS cannot touch it, and
 * imports the chat (`{BASE}/widget/chat.js`) on the first click, or at once when this tab had the
 * chat open before a reload or navigation.
 */
import { openKey, tokenKey, type ChatHandle, type MountOptions, type WidgetConfig } from './types';

const DEFAULTS: WidgetConfig = {
  color: '#b4462b',
  greeting: 'Hi! Ask me anything about the shop.',
  position: 'right',
  botName: 'Shop assistant',
};

const CSS = `:host{all:initial}
.l{position:fixed;z-index:2147483000;bottom:20px;right:20px;width:60px;height:60px;border:0;border-radius:50%;padding:0;display:grid;place-items:center;cursor:pointer;background:var(--c);color:var(--on);box-shadow:0 8px 24px rgba(16,24,40,.24);transition:transform .15s ease}
:host([data-position=left]) .l{right:auto;left:20px}
.l:hover{transform:scale(1.06)}
.l:focus-visible{outline:0;box-shadow:0 0 0 3px #fff,0 0 0 6px var(--c)}
.l svg{width:28px;height:28px;transition:transform .2s ease,opacity .2s}
.l .x,:host([data-open]) .l .o{display:none}
:host([data-open]) .l .x{display:block}
.b{position:absolute;top:-2px;right:-2px;min-width:20px;height:20px;padding:0 6px;box-sizing:border-box;border-radius:10px;background:#e5484d;color:#fff;font:600 12px/20px system-ui,sans-serif;box-shadow:0 0 0 2px #fff}
.b:empty{display:none}
@media (max-width:479px){:host([data-open]) .l{display:none}}
@media (prefers-reduced-motion:reduce){.l,.l svg{transition:none}}`;

const ICONS =
  '<svg class="o" viewBox="0 0 24 24" fill="currentColor" aria-hidden="true"><path d="M12 3C6.5 3 2 6.9 2 11.7c0 2.6 1.3 4.9 3.4 6.5L4.6 22l4.3-2.3c1 .3 2 .4 3.1.4 5.5 0 10-3.9 10-8.7S17.5 3 12 3z"/></svg>' +
  '<svg class="x" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" aria-hidden="true"><path d="M6 9l6 6 6-6"/></svg>' +
  '<span class="b" aria-hidden="true"></span>';

/** Text on the accent: dark on light colours, white otherwise (WCAG relative luminance). */
function onColor(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.4 ? '#111' : '#fff';
}

async function fetchConfig(base: string, workspaceId: string): Promise<WidgetConfig> {
  try {
    const res = await fetch(`${base}/api/widget/${encodeURIComponent(workspaceId)}/config`, {
      signal: AbortSignal.timeout(6000),
    });
    const c = res.ok ? ((await res.json()) as Partial<WidgetConfig>) : {};
    return {
      color: /^#[0-9a-f]{6}$/i.test(c.color ?? '') ? c.color! : DEFAULTS.color,
      greeting: typeof c.greeting === 'string' ? c.greeting : DEFAULTS.greeting,
      position: c.position === 'left' ? 'left' : 'right',
      botName: c.botName || DEFAULTS.botName,
    };
  } catch {
    return DEFAULTS;
  }
}

const session = {
  get: (k: string) => {
    try {
      return sessionStorage.getItem(k);
    } catch {
      return null;
    }
  },
  set: (k: string, open: boolean) => {
    try {
      if (open) sessionStorage.setItem(k, '1');
      else sessionStorage.removeItem(k);
    } catch {}
  },
};

async function start(script: HTMLScriptElement): Promise<void> {
  const workspaceId = script.dataset.workspace;
  if (!workspaceId) return;
  const base = new URL('..', script.src).href.replace(/\/$/, '');
  const config = await fetchConfig(base, workspaceId);

  const host = document.createElement('chatref-widget');
  host.dataset.position = config.position;
  host.style.cssText = `--c:${config.color};--on:${onColor(config.color)}`;
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = `<style>${CSS}</style><button type="button" class="l" aria-haspopup="dialog">${ICONS}</button>`;
  const button = root.querySelector('button')!;
  const badge = root.querySelector('.b')!;

  let open = false;
  type ChatModule = { mount(o: MountOptions): ChatHandle };
  let code: Promise<ChatModule> | undefined;
  let chat: Promise<ChatHandle> | undefined;
  /** Fetches the chat's code (on hover already) without connecting: that waits for the click. */
  const fetchCode = () => (code ??= import(/* @vite-ignore */ `${base}/widget/chat.js`) as Promise<ChatModule>);
  const load = () =>
    (chat ??= fetchCode().then((m) =>
      m.mount({
        root,
        base,
        workspaceId,
        config,
        onClose: () => void toggle(false, true),
        onUnread: (n) => (badge.textContent = n ? String(n) : ''),
      }),
    ));

  const draw = () => {
    button.setAttribute('aria-label', open ? 'Close chat' : 'Open chat');
    button.setAttribute('aria-expanded', String(open));
    host.toggleAttribute('data-open', open);
  };

  async function toggle(next: boolean, focus: boolean): Promise<void> {
    open = next;
    draw();
    session.set(openKey(workspaceId!), open);
    try {
      (await load()).setOpen(open, focus);
      if (!open && focus) button.focus();
    } catch {
      // The chat could not load (offline?): back to closed; the next click tries again.
      code = chat = undefined;
      open = false;
      draw();
    }
  }

  draw();
  button.addEventListener('click', () => void toggle(!open, true));
  // Start fetching the chat as soon as the visitor shows intent.
  button.addEventListener('pointerenter', () => void fetchCode().catch(() => (code = undefined)), { once: true });
  document.body.appendChild(host);

  let token: string | null = null;
  try {
    token = localStorage.getItem(tokenKey(workspaceId));
  } catch {}
  if (token && session.get(openKey(workspaceId))) await toggle(true, false);
}

const script = document.currentScript as HTMLScriptElement | null;
const page = window as Window & { __chatref?: boolean };
// Once per page, even if the snippet was pasted twice.
if (script?.src && !page.__chatref) {
  page.__chatref = true;
  const go = () => void start(script);
  if (document.body) go();
  else document.addEventListener('DOMContentLoaded', go);
}
