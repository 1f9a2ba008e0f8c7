/**
 * Visitor tokens: `base64url({w,v}).hmac`, signed with the installation's secret. The widget keeps
 * the token in local storage; it proves which visitor (and so which conversations) a socket is.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { instanceSettings } from '../../db/schema';

export interface VisitorIdentity {
  workspaceId: string;
  visitorId: string;
}

/** The installation's signing secret, created once and stored (so every instance shares it). */
export async function instanceSecret(db: Queryable): Promise<string> {
  const key = 'visitor_token_secret';
  const [row] = await db.select().from(instanceSettings).where(eq(instanceSettings.key, key));
  if (row) return row.value;
  await db
    .insert(instanceSettings)
    .values({ key, value: randomBytes(32).toString('hex') })
    .onConflictDoNothing();
  const [stored] = await db.select().from(instanceSettings).where(eq(instanceSettings.key, key));
  return stored.value;
}

const sign = (secret: string, payload: string) => createHmac('sha256', secret).update(payload).digest('base64url');

export function issueVisitorToken(secret: string, id: VisitorIdentity): string {
  const payload = Buffer.from(JSON.stringify({ w: id.workspaceId, v: id.visitorId })).toString('base64url');
  return `${payload}.${sign(secret, payload)}`;
}

/** The identity in a token, or null when it is malformed, forged, or for another workspace. */
export function verifyVisitorToken(secret: string, token: string, workspaceId: string): VisitorIdentity | null {
  const [payload, mac] = token.split('.');
  if (!payload || !mac) return null;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const { w, v } = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { w?: unknown; v?: unknown };
    if (typeof w !== 'string' || typeof v !== 'string' || w !== workspaceId) return null;
    return { workspaceId: w, visitorId: v };
  } catch {
    return null;
  }
}

export const newVisitorId = (): string => `v_${randomBytes(12).toString('base64url')}`;
