import { describe, expect, it } from 'vitest';
import { RELOAD_TEXT, refusalOf } from './refusal';

const refused = (message: string, data?: unknown) => Object.assign(new Error(message), { data });

describe('a refused connection, as the visitor reads it', () => {
  it('asks for a reload when the server says the protocol is outdated', () => {
    const r = refusalOf(refused('anything', { code: 'protocol_outdated', message: 'x' }));
    expect(r).toEqual({ kind: 'outdated', text: RELOAD_TEXT });
    expect(r.text).toMatch(/please reload this page/i);
  });

  it("shows another refusal's own message, and a plain sentence for transport errors", () => {
    expect(refusalOf(refused('this website is not allowed', { code: 'origin_not_allowed' }))).toEqual({
      kind: 'other',
      text: 'this website is not allowed',
    });
    expect(refusalOf(refused('websocket error')).text).toBe('The chat is unavailable right now.');
  });
});
