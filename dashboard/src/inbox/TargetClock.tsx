import { useSession } from '../session';
import type { Conversation } from '../types';

/** "1:45 left" or "3 min over": time against a target, from `since`, at `now` (ms). */
export function timeLeft(since: string, targetS: number, now: number): { left: number; label: string } {
  const left = Math.round((Date.parse(since) + targetS * 1000 - now) / 1000);
  const abs = Math.abs(left);
  const text =
    abs < 3600
      ? `${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, '0')}`
      : `${Math.floor(abs / 3600)} h ${Math.floor((abs % 3600) / 60)} min`;
  return { left, label: left >= 0 ? `${text} left` : `${text} over` };
}

/**
 * The time left on a waiting chat's first-response target, or on a chat a person owns against the
 * resolution target (both counted from the handoff); marked as a breach once past.
 */
export function TargetClock({ c, now }: { c: Conversation; now: number }) {
  const { workspace } = useSession();
  const targets = workspace.settings.targets;
  if (!c.waitingSince || (c.status !== 'waiting' && c.status !== 'human')) return null;
  const kind = c.status === 'waiting' ? 'first response' : 'resolution';
  const { left, label } = timeLeft(
    c.waitingSince,
    c.status === 'waiting' ? targets.firstResponseS : targets.resolutionS,
    now,
  );
  return (
    <span
      className={`target ${left < 0 ? 'target-breach' : left < 60 ? 'target-soon' : ''}`}
      title={`Target for the ${kind}`}
    >
      {left < 0 ? `Breached: ${label}` : label}
    </span>
  );
}
