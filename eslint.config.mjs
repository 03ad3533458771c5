import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';

/** LiênThông's own subgraphs, from their one registry. */
const SUBGRAPHS = JSON.parse(readFileSync(fileURLToPath(import.meta.resolve('./subgraphs/registry.json')), 'utf8')).map((entry) => entry.name);

/** Import rules of ARCHITECTURE.md, enforced: who may import whom. */
const boundaries = [
  ...SUBGRAPHS.map((name) => ({
    target: `./subgraphs/${name}`,
    from: ['./subgraphs', './gateway', './schema', './bin'],
    except: [`./${name}`],
    message: 'A subgraph imports lib/ and itself only: never a sibling subgraph or the gateway.',
  })),
  { target: './gateway', from: ['./subgraphs', './schema/compose.ts', './bin'], message: 'The gateway talks to subgraphs over HTTP only.' },
  { target: './lib', from: ['./gateway', './subgraphs', './schema', './bin'], message: 'lib/ is shared by everyone and depends on no process.' },
  { target: ['./lib', './gateway', './subgraphs', './schema', './bin'], from: ['./tests', './bench'], message: 'Nothing imports tests/ or bench/.' },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.data/', 'coverage/', 'bench/peers/', 'bench/results/', 'gateway/playground/assets/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: boundaries }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ignores: ['gateway/pages/client/**'],
    languageOptions: { globals: { module: 'writable', require: 'readonly', process: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The pages' own scripts run in the browser, as classic scripts that share window.LT.
    files: ['gateway/pages/client/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: Object.fromEntries(
        ['window', 'document', 'fetch', 'URL', 'URLSearchParams', 'Blob', 'TextDecoder', 'Intl', 'setTimeout'].map((name) => [name, 'readonly']),
      ),
    },
    rules: { '@typescript-eslint/no-unused-vars': ['error', { caughtErrors: 'none' }] },
  },
);
