import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import {
  STATUSES,
  TRANSITIONS,
  canTransition,
  transition,
  type ActorType,
  type Transition,
} from './conversation-state';

const ACTORS: ActorType[] = ['visitor', 'bot', 'user', 'system', 'api'];
const MOVES = Object.keys(TRANSITIONS) as Transition[];

/** The expected table, written out independently of TRANSITIONS: status → move → resulting status. */
const EXPECTED: Record<string, Partial<Record<Transition, string>>> = {
  bot: { handoff: 'waiting', assign: 'human', resolve: 'resolved', end: 'resolved' },
  waiting: { assign: 'human', resolve: 'resolved', handback: 'bot' },
  human: { assign: 'human', unassign: 'waiting', resolve: 'resolved', handback: 'bot' },
  resolved: { reopen: 'human', resume: 'bot' },
};

describe('conversation state machine', () => {
  for (const status of STATUSES) {
    for (const move of MOVES) {
      const expected = EXPECTED[status][move];
      it(`${status} --${move}--> ${expected ?? 'refused'}`, () => {
        const allowedActors = ACTORS.filter((a) => canTransition(status, move, a));
        if (!expected) {
          expect(allowedActors).toEqual([]);
          for (const a of ACTORS) {
            const err = (() => {
              try {
                transition(status, move, a);
              } catch (e) {
                return e;
              }
            })();
            expect(err).toBeInstanceOf(AppError);
            expect((err as AppError).code).toBe('illegal_transition');
          }
        } else {
          expect(allowedActors.length).toBeGreaterThan(0);
          for (const a of allowedActors) expect(transition(status, move, a).to).toBe(expected);
        }
      });
    }
  }

  it('never lets the visitor or the bot take or close a chat', () => {
    for (const status of STATUSES) {
      for (const a of ['visitor', 'bot'] as const) {
        expect(canTransition(status, 'assign', a)).toBe(false);
        expect(canTransition(status, 'resolve', a)).toBe(false);
      }
    }
  });

  it('lets only the visitor end a chat, and only one the AI alone has had', () => {
    expect(STATUSES.filter((st) => canTransition(st, 'end', 'visitor'))).toEqual(['bot']);
    for (const a of ACTORS.filter((x) => x !== 'visitor')) expect(canTransition('bot', 'end', a)).toBe(false);
  });

  it('names a distinct event for every move', () => {
    const names = MOVES.map((m) => TRANSITIONS[m].event);
    expect(new Set(names).size).toBe(names.length);
  });
});
