/**
 * The handshake's protocol check, run before each namespace's own: a client older than the
 * oldest protocol the server speaks is refused with `protocol_outdated` and a message asking for
 * a reload (its code and message reach the client as `connect_error`'s `data`).
 */
import { MIN_PROTOCOL_VERSION, PROTOCOL_OUTDATED } from '../../protocol/socket';
import { AppError } from '../errors';

type Middleware = (socket: { handshake: { auth: unknown } }, next: (err?: Error) => void) => void;

/** The version a handshake announces; 1 when it names none (clients built before versioning). */
export function announcedVersion(auth: unknown): number {
  const v = (auth as { protocol?: unknown } | null | undefined)?.protocol;
  return typeof v === 'number' && Number.isInteger(v) ? v : 1;
}

/** A namespace middleware refusing clients below `min`. */
export function requireProtocol(min: number = MIN_PROTOCOL_VERSION): Middleware {
  return function requireProtocolVersion(socket, next) {
    if (announcedVersion(socket.handshake.auth) >= min) return next();
    const e = new AppError(PROTOCOL_OUTDATED, 'This chat was updated. Please reload this page.');
    next(Object.assign(new Error(e.message), { data: { code: e.code, message: e.message } }));
  };
}
