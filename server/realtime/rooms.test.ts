import type { Namespace } from 'socket.io';
import { Adapter, type BroadcastOptions, type Room } from 'socket.io-adapter';
import type { Socket as ClientSocket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { socketServerForTests } from '../../tests/socket-server';
import { joinWithGroup } from './rooms';

/**
 * Joins sockets by room as the PostgreSQL adapter does: the local sockets only after the other
 * instances were told (here, a delay in place of the database's round trip).
 */
class ClusterLikeAdapter extends Adapter {
  override addSockets(opts: BroadcastOptions, rooms: Room[]): void {
    setTimeout(() => super.addSockets(opts, rooms), 50);
  }
}

describe('joining a room with the other sockets of a group', () => {
  const { io, client } = socketServerForTests({ adapter: ClusterLikeAdapter as unknown as typeof Adapter });

  const open = (nsp: string) =>
    new Promise<ClientSocket>((resolve, reject) => {
      const c = client(nsp);
      c.once('connect', () => resolve(c));
      c.once('connect_error', reject);
    });

  /** A namespace whose sockets are in `group`; on "start", the sender joins `room` and `room` hears "news" at once. */
  const namespace = (name: string): Namespace => {
    const nsp = io.of(name);
    nsp.on('connection', (socket) => {
      void socket.join('group');
      socket.on('start', (ack: () => void) => {
        joinWithGroup(socket, 'group', 'room');
        nsp.to('room').emit('news', 'first answer');
        ack();
      });
    });
    return nsp;
  };

  it('puts the sender in the room at once, so a broadcast right after reaches it', async () => {
    namespace('/at-once');
    const sender = await open('/at-once');
    const heard = new Promise<string>((resolve) => sender.once('news', resolve));
    await sender.emitWithAck('start');
    const missed = new Promise<string>((resolve) => setTimeout(() => resolve('nothing within a second'), 1000));
    await expect(Promise.race([heard, missed])).resolves.toBe('first answer');
  });

  it("puts the group's other sockets in the room too, once the adapter has joined them", async () => {
    const nsp = namespace('/group');
    const sender = await open('/group');
    const otherTab = await open('/group');
    await sender.emitWithAck('start');
    await new Promise((r) => setTimeout(r, 100));
    const heard = new Promise<string>((resolve) => otherTab.once('news', resolve));
    nsp.to('room').emit('news', 'later message');
    await expect(heard).resolves.toBe('later message');
  });
});
