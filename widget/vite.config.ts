/**
 * Builds the widget into `dist/widget/`: `chat.js` (Preact + socket.io-client, an ES module the
 * loader imports) and `loader.js` (a classic script, as the install snippet has no type="module",
 * so an IIFE that leaks no globals). Stable names, no hashes, no CSS files: styles are strings
 * injected into the shadow root. Vite builds one format per run, so the loader is a second
 * build started when the first one closes.
 */
import { fileURLToPath } from 'node:url';
import { build, defineConfig, type Plugin } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const outDir = here('../dist/widget');

const oxc = { jsx: { runtime: 'automatic', importSource: 'preact' } } as const;

const common = { outDir, target: 'es2020', minify: true, sourcemap: false, reportCompressedSize: true } as const;

function loaderBuild(): Plugin {
  return {
    name: 'chatref-widget-loader',
    apply: 'build',
    async closeBundle() {
      await build({
        configFile: false,
        oxc,
        build: {
          ...common,
          emptyOutDir: false,
          lib: { entry: here('src/loader.ts'), formats: ['iife'], name: 'chatrefLoader', fileName: () => 'loader.js' },
        },
      });
    },
  };
}

export default defineConfig({
  oxc,
  plugins: [loaderBuild()],
  build: {
    ...common,
    emptyOutDir: true,
    cssCodeSplit: false,
    lib: { entry: here('src/chat/index.tsx'), formats: ['es'], fileName: () => 'chat.js' },
    // Library ES output keeps its whitespace by default (for downstream tree-shaking); this file
    // goes straight to browsers, so minify it fully.
    rolldownOptions: { output: { minify: true } },
  },
});
