/** The handshake's protocol check: an old client is refused with a code and a reload message. */
import { describe, expect, it } from 'vitest';
import { socketServerForTests } from '../../tests/socket-server';
import { MIN_PROTOCOL_VERSION, PROTOCOL_VERSION, VISITOR_NAMESPACE } from '../../protocol/socket';
import { announcedVersion, requireProtocol } from './protocol-version';

describe('the protocol version in the handshake', () => {
  const server = socketServerForTests();
  // As the next incompatible change will: the server speaks version 2 and newer only.
  server.io.of('/v2').use(requireProtocol(2));
  server.io.of(VISITOR_NAMESPACE).use(requireProtocol());

  /** Resolves "connected" or the refusal (its message and data). */
  const open = (nsp: string, auth: object) =>
    new Promise<'connected' | { message: string; data: unknown }>((resolve) => {
      const c = server.client(nsp, { auth });
      c.once('connect', () => resolve('connected'));
      c.once('connect_error', (err: Error & { data?: unknown }) => resolve({ message: err.message, data: err.data }));
    });

  it('refuses an older client with protocol_outdated and asks it to reload', async () => {
    const refused = await open('/v2', { workspaceId: 'w', protocol: 1 });
    expect(refused).toEqual({
      message: 'This chat was updated. Please reload this page.',
      data: { code: 'protocol_outdated', message: 'This chat was updated. Please reload this page.' },
    });
    // A client built before versioning names no version: it speaks version 1, so it is refused too.
    expect(await open('/v2', { workspaceId: 'w' })).toMatchObject({ data: { code: 'protocol_outdated' } });
    expect(await open('/v2', { workspaceId: 'w', protocol: 2 })).toBe('connected');
  });

  it("takes today's clients, and those built before versioning while the minimum is 1", async () => {
    expect(await open(VISITOR_NAMESPACE, { protocol: PROTOCOL_VERSION })).toBe('connected');
    expect(MIN_PROTOCOL_VERSION).toBeLessThanOrEqual(PROTOCOL_VERSION);
    expect(announcedVersion({})).toBe(1);
    expect(announcedVersion({ protocol: '3' })).toBe(1);
    expect(announcedVersion(undefined)).toBe(1);
  });
});
