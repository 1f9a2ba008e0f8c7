/**
 * Builds the team dashboard (React 19) into `dist/dashboard/`, served by the server at `/app/`.
 * JSX goes through Vite's built-in transform (oxc), so no React plugin is needed.
 * `vite -c dashboard/vite.config.ts` serves it for development, proxying the API and the socket
 * to a running server (CHATREF_URL, default http://localhost:3210); `vite preview` does the same
 * for the built files.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const target = process.env.CHATREF_URL ?? 'http://localhost:3210';
const proxy = {
  '/api': { target },
  '/socket.io': { target, ws: true },
  '/widget': { target },
  '/demo': { target },
};

export default defineConfig({
  root: here('.'),
  base: '/app/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: here('../dist/dashboard'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: true,
  },
  server: { port: Number(process.env.DASHBOARD_PORT ?? 5174), strictPort: true, proxy },
  // `vite preview` serves the built dist/dashboard the same way, to check the production bundle.
  preview: { port: Number(process.env.DASHBOARD_PORT ?? 5175), strictPort: true, proxy },
});
