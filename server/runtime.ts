/**
 * What runs beside the HTTP routes: the front ends (dashboard, widget, demo shop), the realtime
 * channel and the processors that react to committed events.
 */
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Deps } from './commands/unit';
import type { Config } from './config';

export interface Runtime {
  plugins: ((app: FastifyInstance) => Promise<void>)[];
  setPublicUrl(url: string): void;
  stop(): Promise<void>;
}

export async function startRuntime(_deps: Deps, _opts: { logger: Logger; config: Config }): Promise<Runtime> {
  let publicUrl = '';
  return {
    plugins: [],
    setPublicUrl: (url) => {
      publicUrl = url;
    },
    stop: async () => {
      void publicUrl;
    },
  };
}
