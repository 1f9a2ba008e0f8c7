/**
 * The transcript email: the conversation as the visitor saw it (notes and internal events never
 * included), in plain text and simple HTML. Everything written by people is escaped; a citation
 * becomes a link only when it is an http(s) address.
 */
import type { WireMessage } from '../../protocol/socket';

export interface TranscriptInput {
  workspaceName: string;
  botName: string;
  messages: WireMessage[];
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
const isWebLink = (url: string | null): url is string => !!url && /^https?:\/\//i.test(url);

function who(m: WireMessage, botName: string): string {
  if (m.author.type === 'visitor') return 'You';
  if (m.author.type === 'bot') return botName;
  return m.author.name || 'Support';
}

function eventText(m: WireMessage): string {
  const agent = typeof m.meta.agentName === 'string' ? m.meta.agentName : 'Someone from the team';
  switch (m.meta.event) {
    case 'handoff.created':
      return 'Handed to the team';
    case 'conversation.assigned':
      return `${agent} joined the chat`;
    case 'conversation.resolved':
      return 'Conversation resolved';
    case 'conversation.ended':
      return 'Chat ended';
    default:
      return m.body;
  }
}

const stamp = (iso: string) => iso.slice(0, 16).replace('T', ' ') + ' UTC';

export function presentTranscript(t: TranscriptInput): { subject: string; text: string; html: string } {
  const subject = `Your conversation with ${t.workspaceName}`;
  const text: string[] = [`Your conversation with ${t.workspaceName}`, ''];
  const html: string[] = [
    `<!doctype html><html><body style="font:15px/1.5 system-ui,sans-serif;color:#1f2328;max-width:40rem">`,
    `<h1 style="font-size:1.2rem">Your conversation with ${escapeHtml(t.workspaceName)}</h1>`,
  ];
  for (const m of t.messages) {
    if (m.kind === 'event') {
      const e = eventText(m);
      if (!e) continue;
      text.push(`— ${e} —`, '');
      html.push(`<p style="color:#59636e;font-size:.9rem;text-align:center">${escapeHtml(e)}</p>`);
      continue;
    }
    const name = who(m, t.botName);
    text.push(`${name} (${stamp(m.createdAt)}):`, m.body);
    html.push(
      `<p><strong>${escapeHtml(name)}</strong> <span style="color:#59636e;font-size:.85rem">${escapeHtml(stamp(m.createdAt))}</span><br>`,
      `<span style="white-space:pre-wrap">${escapeHtml(m.body)}</span></p>`,
    );
    const citations = m.meta.citations ?? [];
    if (citations.length) {
      text.push('Sources:', ...citations.map((c) => `  - ${c.title}${isWebLink(c.url) ? `: ${c.url}` : ''}`));
      html.push(
        `<ul style="margin-top:-.5rem;font-size:.9rem">`,
        ...citations.map((c) =>
          isWebLink(c.url)
            ? `<li><a href="${escapeHtml(c.url)}">${escapeHtml(c.title)}</a></li>`
            : `<li>${escapeHtml(c.title)}</li>`,
        ),
        `</ul>`,
      );
    }
    text.push('');
  }
  text.push(`You asked for this copy in the chat on ${t.workspaceName}'s site.`);
  html.push(
    `<p style="color:#59636e;font-size:.85rem">You asked for this copy in the chat on ${escapeHtml(t.workspaceName)}’s site.</p></body></html>`,
  );
  return { subject, text: text.join('\n'), html: html.join('\n') };
}
