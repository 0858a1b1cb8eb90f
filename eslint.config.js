// Lint: typescript-eslint's recommended rules; formatting is Prettier's job (`npm run format`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'web/dist/**', 'node_modules/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'warn',
      'no-control-regex': 'off', // parsers match control characters on purpose
      'no-irregular-whitespace': 'off', // Chinese documents carry full-width spaces in literals
    },
  },
  {
    // The web app reaches the server's source only through its package boundary (web/aliases.ts):
    // @duban/domain (types, enums, limits, the API contract), @duban/workflow/*, @duban/assess/*.
    files: ['web/src/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+src/',
              message: 'Import the server source through @duban/domain, @duban/workflow/* or @duban/assess/* (web/aliases.ts).',
            },
            {
              regex: '^@duban/(?!(domain|workflow|assess)(/|$))',
              message: 'The web app may import only @duban/domain, @duban/workflow/* and @duban/assess/*.',
            },
            {
              // The contract's schemas are TypeBox values: the web app takes their types only, so
              // TypeBox stays out of the bundle.
              regex: '^@duban/domain/api(/|$)',
              allowTypeImports: true,
              message: 'Import the API contract with `import type` (its types, not the TypeBox schemas).',
            },
          ],
        },
      ],
    },
  },
);
