import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { clientAddress } from './client-address';

const request = (forwardedFor?: string) =>
  ({
    socket: { remoteAddress: '10.0.0.2' },
    connection: { remoteAddress: '10.0.0.2' },
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  }) as unknown as IncomingMessage;

describe('the client address behind proxies', () => {
  it('takes the entry our proxy appended, not one the client wrote in front of it', () => {
    // The client sent "X-Forwarded-For: 1.2.3.4"; our one proxy appended the real 203.0.113.9.
    expect(clientAddress(request('1.2.3.4, 203.0.113.9'), 1)).toBe('203.0.113.9');
    expect(clientAddress(request('1.2.3.4, 203.0.113.9, 10.0.0.7'), 2)).toBe('203.0.113.9');
  });

  it('ignores the header without trusted proxies, and falls back to the connection without the header', () => {
    expect(clientAddress(request('1.2.3.4'), 0)).toBe('10.0.0.2');
    expect(clientAddress(request(), 1)).toBe('10.0.0.2');
  });

  it('reads CHATREF_TRUST_PROXY as a number of proxies, and refuses anything else', () => {
    expect(loadConfig({}).trustProxy).toBe(0);
    expect(loadConfig({ CHATREF_TRUST_PROXY: 'true' }).trustProxy).toBe(1);
    expect(loadConfig({ CHATREF_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ CHATREF_TRUST_PROXY: 'false' }).trustProxy).toBe(0);
    expect(() => loadConfig({ CHATREF_TRUST_PROXY: 'yes' })).toThrow(
      /CHATREF_TRUST_PROXY must be the number of proxies/,
    );
  });
});
