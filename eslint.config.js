// ESLint: the recommended rules of ESLint, typescript-eslint and eslint-plugin-astro, with no
// style rules (formatting is Prettier's job: `npm run format`). `npm run lint` allows no warnings.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';

export default tseslint.config(
  {
    // Built output, caches, and the deliberately broken pages the gates must catch.
    ignores: ['dist/', '.astro/', 'node_modules/', 'test-results/', 'playwright-report/', 'tests/fixtures/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Code that runs in the reader's browser.
    files: ['src/client/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
