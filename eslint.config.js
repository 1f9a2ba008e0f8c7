// Type-aware lint: the rules that catch real bugs (floating promises, misused promises), not taste.
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'data/',
      'test-results/',
      '**/*.js',
      '!eslint.config.js',
      'widget/dev/screenshots/',
      'dashboard/dev/screenshots/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { arguments: false, attributes: false } },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-empty': ['error', { allowEmptyCatch: true }],
      // A file over 400 lines is a decision: the exceptions are named below and in docs/ARCHITECTURE.md.
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // Over 400 lines by decision: each is named, with its reason, in docs/ARCHITECTURE.md.
    files: ['db/schema.ts', 'engine/retrieve/knowledge-index.ts'],
    rules: { 'max-lines': 'off' },
  },
  {
    // The engine stays free of the server, the database and their drivers.
    files: ['engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '**/db/**', '../../server*', '../../db*'],
              message: 'the engine must not import the server or the database',
            },
            {
              group: ['fastify*', '@fastify/*', 'pg', 'drizzle-orm*', '@electric-sql/*', 'socket.io*'],
              message: 'the engine must not import transport or database drivers',
            },
          ],
        },
      ],
    },
  },
  {
    // The outbound guard is shared by the engine and the server: it imports neither.
    files: ['net/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '**/db/**', '**/engine/**', '../server*', '../db*', '../engine*'],
              message: 'net/ is shared by the engine and the server and imports neither',
            },
          ],
        },
      ],
    },
  },
  {
    // The layers (docs/ARCHITECTURE.md): each file is the first element whose pattern matches.
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs'] } },
      'boundaries/elements': [
        { type: 'transport', pattern: ['server/routes/**', 'server/realtime/**'] },
        { type: 'server', pattern: 'server/**' },
        { type: 'db', pattern: 'db/**' },
        // Below an engine area's own files (engine/eval/shop/…, engine/vectors/assets/…): internals.
        { type: 'engine-internal', pattern: 'engine/*/*/**' },
        { type: 'engine', pattern: 'engine/**' },
        { type: 'net', pattern: 'net/**' },
        { type: 'protocol', pattern: 'protocol/**' },
        { type: 'front-end', pattern: ['dashboard/**', 'widget/**'] },
      ],
      'boundaries/files': [
        { category: 'test', pattern: ['**/*.test.ts', '**/*.test.tsx', 'tests/**'] },
        { category: 'schema', pattern: 'db/schema.ts' },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'allow',
          policies: [
            {
              from: { element: { type: 'transport' } },
              disallow: { to: { file: { categories: 'schema' } } },
              message: 'routes and socket handlers call commands and queries; they do not touch db/schema',
            },
            {
              // Later policies win: tests may read what was stored.
              from: { file: { categories: 'test' } },
              allow: { to: { file: { categories: 'schema' } } },
            },
            {
              from: { element: { type: 'front-end' } },
              disallow: {
                to: {
                  element: {
                    types: {
                      anyOf: ['server', 'transport', 'db', 'engine', 'engine-internal', 'net'],
                    },
                  },
                },
              },
              message: "the dashboard and the widget import protocol/ only (it re-exports the engine's types)",
            },
            {
              from: { element: { types: { anyOf: ['server', 'transport'] } } },
              disallow: { to: { element: { type: 'engine-internal' } } },
              message: 'the server imports engine/<area>/<file> at most, not what lies below an area',
            },
            {
              from: { element: { types: { anyOf: ['engine', 'engine-internal'] } } },
              disallow: {
                to: { element: { types: { anyOf: ['server', 'transport', 'db'] } } },
              },
              message: 'the engine must not import the server or the database',
            },
          ],
        },
      ],
    },
  },
);
