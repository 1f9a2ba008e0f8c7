/** Sign-up, sign-in, sign-out, and who am I. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { z } from 'zod';
import { NewPassword } from '../auth/password-strength';
import { AppError } from '../errors';
import { acceptInvitation, signIn, signOut, signUp } from '../commands/accounts';
import { setPresenceEverywhere } from '../commands/presence';
import type { Me as MeShape } from '../../protocol/rest';
import type { Equal, Expect } from '../../protocol/type-check';
import type { Deps } from '../commands/unit';
import { membershipsOf } from '../queries/accounts';
import { invitationPreview } from '../queries/invitations';
import { requireUser, setSessionCookie, SESSION_COOKIE } from '../http/auth';
import { presentUser, UserOut } from '../presenters/user';
import { presentWorkspace, WorkspaceOut } from '../presenters/workspace';

const Email = z.email('enter a valid email address').max(200);
const Password = NewPassword;
/** Failed sign-ins one address may make, across every email, before it must wait. */
const FAILED_SIGNINS = { points: 20, duration: 15 * 60 };

const Me = z.object({
  user: UserOut,
  csrfToken: z.string(),
  workspaces: z.array(z.object({ workspace: WorkspaceOut, role: z.enum(['owner', 'admin', 'agent']) })),
});
type _SameAsProtocol = Expect<Equal<z.infer<typeof Me>, MeShape>>;

export const authRoutes =
  (deps: Deps, opts: { secureCookies: boolean; signup?: 'open' | 'closed' }): FastifyPluginAsyncZod =>
  async (app) => {
    // Per address across emails (the route's own limit counts per address and email): trying
    // many accounts from one address is stopped too.
    const failedSignIns = new RateLimiterMemory(FAILED_SIGNINS);
    const startSession = async (reply: import('fastify').FastifyReply, email: string, password: string) => {
      const s = await signIn(deps, email, password);
      // Signing in means "I'm here": the member is online and can be assigned chats.
      await setPresenceEverywhere(deps, s.user.id, 'online');
      setSessionCookie(reply, s.token, s.expiresAt, opts.secureCookies);
      const ws = await membershipsOf(deps.db, s.user.id);
      return {
        user: presentUser(s.user),
        csrfToken: s.csrfToken,
        workspaces: ws.map((m) => ({ workspace: presentWorkspace(m.workspace), role: m.role })),
      };
    };

    app.get(
      '/api/auth/options',
      {
        schema: {
          tags: ['auth'],
          summary: 'How one gets in: whether anyone may create an account here (public)',
          response: { 200: z.object({ signup: z.enum(['open', 'closed']) }) },
        },
      },
      async () => ({ signup: opts.signup ?? 'open' }),
    );

    app.post(
      '/api/auth/signup',
      {
        schema: {
          tags: ['auth'],
          summary: 'Create an account and its workspace (you become its owner)',
          body: z.object({
            email: Email,
            password: Password,
            name: z.string().trim().min(1, 'enter your name').max(100, 'keep your name under 100 characters'),
            workspaceName: z
              .string()
              .trim()
              .min(1, "enter your shop's name")
              .max(100, 'keep the shop name under 100 characters'),
          }),
          response: { 201: Me },
        },
        config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      },
      async (req, reply) => {
        if (opts.signup === 'closed')
          throw new AppError('forbidden', 'sign-up is closed on this server: ask a team admin for an invitation');
        await signUp(deps, req.body);
        reply.status(201);
        return startSession(reply, req.body.email, req.body.password);
      },
    );

    app.post(
      '/api/auth/signin',
      {
        schema: {
          tags: ['auth'],
          summary: 'Sign in; sets an httpOnly session cookie and returns the CSRF token for writes',
          body: z.object({ email: Email, password: z.string().min(1).max(200) }),
          response: { 200: Me },
        },
        config: {
          rateLimit: {
            max: 10,
            timeWindow: '1 minute',
            // After body parsing, so the key can include the email being tried.
            hook: 'preHandler',
            keyGenerator: (req: import('fastify').FastifyRequest) =>
              `${req.ip}:${String((req.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase()}`,
          },
        },
      },
      async (req, reply) => {
        const failed = await failedSignIns.get(req.ip);
        if (failed && failed.consumedPoints >= FAILED_SIGNINS.points)
          throw new AppError(
            'rate_limited',
            `too many failed sign-ins from this address: try again in ${Math.ceil(failed.msBeforeNext / 60_000)} minutes`,
          );
        try {
          return await startSession(reply, req.body.email, req.body.password);
        } catch (err) {
          if (err instanceof AppError && err.code === 'invalid_credentials')
            await failedSignIns.consume(req.ip).catch(() => undefined);
          throw err;
        }
      },
    );

    app.post(
      '/api/auth/signout',
      { schema: { tags: ['auth'], summary: 'Sign out (ends this session)', response: { 204: z.null() } } },
      async (req, reply) => {
        const token = req.cookies[SESSION_COOKIE];
        if (req.caller?.kind === 'session') await setPresenceEverywhere(deps, req.caller.user.id, 'offline');
        if (token) await signOut(deps, token);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/auth/me',
      { schema: { tags: ['auth'], summary: 'The signed-in member and their workspaces', response: { 200: Me } } },
      async (req) => {
        const user = requireUser(req);
        const ws = await membershipsOf(deps.db, user.id);
        return {
          user: presentUser(user),
          csrfToken: req.caller?.kind === 'session' ? req.caller.csrfToken : '',
          workspaces: ws.map((m) => ({ workspace: presentWorkspace(m.workspace), role: m.role })),
        };
      },
    );

    app.post(
      '/api/invitations/preview',
      {
        schema: {
          tags: ['auth'],
          summary: 'What an invitation link is for: the shop, the email it signs in with, who sent it (public)',
          body: z.object({ token: z.string().min(10).max(200) }),
          response: {
            200: z.object({
              workspace: z.string(),
              email: z.string(),
              role: z.enum(['owner', 'admin', 'agent']),
              invitedBy: z.string().nullable(),
              expiresAt: z.string(),
              hasAccount: z.boolean(),
            }),
          },
        },
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      },
      async (req) => invitationPreview(deps.db, req.body.token, deps.now()),
    );

    app.post(
      '/api/invitations/accept',
      {
        schema: {
          tags: ['auth'],
          summary: 'Accept an invitation (creates the account if needed) and sign in',
          body: z.object({
            token: z.string().min(10).max(200),
            name: z.string().trim().min(1).max(100),
            password: Password,
          }),
          response: { 200: Me },
        },
        config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      },
      async (req, reply) => {
        const { user } = await acceptInvitation(deps, req.body);
        return startSession(reply, user.email, req.body.password);
      },
    );
  };
