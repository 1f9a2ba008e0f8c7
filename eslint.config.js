// Type-aware lint: the rules that catch real bugs (floating promises, misused promises), not taste.
import js from '@eslint/js';
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
    },
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
);
