/**
 * What runs beside the HTTP routes: the knowledge and the bot's turns, the realtime channel with
 * its fan-out, the widget and demo shop pages, and the dashboard.
 */
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { instanceSecret } from './auth/visitor-token';
import { Knowledge } from './bot/knowledge';
import { Taggers } from './bot/tagger';
import { BotTurns } from './bot/turn';
import type { Deps } from './commands/unit';
import { Router } from './processors/routing';
import { attachRealtime } from './realtime';
import { conversationRoutes } from './routes/conversations';
import { knowledgeRoutes } from './routes/knowledge';
import { widgetRoutes } from './routes/widget';

export interface Runtime {
  knowledge: Knowledge;
  bot: BotTurns;
  router: Router;
  plugins: ((app: FastifyInstance) => Promise<void>)[];
  setPublicUrl(url: string): void;
  stop(): Promise<void>;
}

export async function startRuntime(deps: Deps, opts: { logger: Logger; publicUrl?: string | null; limits?: { perVisitor: number; perIp: number } }): Promise<Runtime> {
  let publicUrl = opts.publicUrl ?? null;
  const knowledge = new Knowledge(deps);
  const taggers = new Taggers(deps);
  const bot = new BotTurns(deps, knowledge, taggers, opts.logger);
  const stopBot = bot.start();
  const router = new Router(deps, opts.logger);
  const stopRouter = router.start();
  const secret = await instanceSecret(deps.db);
  let closeRealtime: (() => Promise<void>) | null = null;

  const plugins = [
    async (app: FastifyInstance) => {
      await app.register(conversationRoutes(deps));
      await app.register(knowledgeRoutes(deps, knowledge));
      await app.register(widgetRoutes(deps, { publicUrl: () => publicUrl ?? '' }));
      const rt = attachRealtime(app.server, deps, {
        secret,
        logger: opts.logger,
        selfOrigin: () => publicUrl,
        onHandoffRequest: (workspaceId, conversationId) => bot.visitorRequestedHandoff(workspaceId, conversationId),
        limits: opts.limits,
      });
      closeRealtime = rt.close;
      app.addHook('preClose', async () => closeRealtime?.());
    },
  ];

  return {
    knowledge,
    bot,
    router,
    plugins,
    setPublicUrl: (url) => {
      publicUrl = url;
    },
    stop: async () => {
      stopBot();
      stopRouter();
      await bot.idle();
      await router.idle();
    },
  };
}
