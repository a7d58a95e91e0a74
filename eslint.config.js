// Lint rules that enforce DESIGN.md's layering: only electron/app/ imports 'electron'; shared/ is pure;
// the renderer never touches SQL, Node or the services.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'net', 'http', 'https', 'url', 'stream', 'util', 'timers', 'timers/*'];

/** The capability folders of electron/ (DESIGN.md layout); each new capability is added here. */
const CAPABILITIES = ['packs', 'team', 'profiles', 'next-audit', 'templates', 'documents', 'plan', 'exports', 'fieldwork', 'evidence', 'findings', 'closing', 'follow-up', 'nc-documents', 'report', 'signing', 'sampling'];

/** shared/ is pure code anyone may import; a shared folder named like a capability (shared/documents) is not that capability. */
const SHARED_IS_PURE = '!**/shared/**';

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.test-results/**', 'test-results/**', 'playwright-report/**', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      ...restrict(
        ['electron', 'electron/*', 'better-sqlite3', ...nodeBuiltins, '**/electron/**', '**/renderer/**', 'react', 'react-dom'],
        'shared/ is pure TypeScript for both processes: no Electron, Node, SQLite, DOM or React.',
      ),
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/app/**'],
    rules: restrict(
      ['electron', 'electron/*', '**/renderer/**'],
      "Only electron/app/ imports 'electron'; services are plain Node and never import the renderer.",
    ),
  },
  // The core (the engagement file, the merge core, workers, jobs, the platform port) imports no
  // capability, no composition and no transport: capabilities are built on it, never the reverse.
  {
    files: ['electron/store/**/*.ts', 'electron/jobs/**/*.ts', 'electron/platform/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: restrict(
      ['electron', 'electron/*', '**/renderer/**', ...CAPABILITIES.map((c) => `**/${c}/*`), '**/engagement/*', '**/router/*', '**/host/*', '**/app/*', SHARED_IS_PURE],
      'The core imports no capability (DESIGN.md: capabilities use the core, composed in electron/engagement/).',
    ),
  },
  // A capability uses another only through its index.ts, and the main-thread service of the
  // composition only through engagement-service.ts.
  ...CAPABILITIES.map((capability) => ({
    files: [`electron/${capability}/**/*.ts`],
    ignores: ['**/*.test.ts'],
    rules: restrict(
      [
        'electron',
        'electron/*',
        '**/renderer/**',
        ...CAPABILITIES.filter((other) => other !== capability).flatMap((other) => [`**/${other}/*`, `!**/${other}/index.ts`, `!**/${other}/worker.ts`]),
        '**/engagement/*',
        '!**/engagement/engagement-service.ts',
        '**/router/*',
        '**/host/*',
        '**/app/*',
        SHARED_IS_PURE,
      ],
      `A capability imports another only through its index.ts, and the composition only through engagement-service.ts.`,
    ),
  })),
  // The router (transport and handler registration) reaches capabilities only through their index.ts.
  {
    files: ['electron/router/**/*.ts', 'electron/host/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: restrict(
      ['electron', 'electron/*', '**/renderer/**', ...CAPABILITIES.flatMap((c) => [`**/${c}/*`, `!**/${c}/index.ts`, `!**/${c}/worker.ts`]), SHARED_IS_PURE],
      'The router reaches a capability only through its index.ts.',
    ),
  },
  {
    files: ['electron/app/**/*.ts'],
    rules: restrict(['**/renderer/**'], 'The Electron adapter talks to the renderer only over the contract.'),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict(
      ['electron', 'electron/*', 'better-sqlite3', ...nodeBuiltins, '**/electron/**'],
      'The renderer talks only through the contract client: no Node, no SQL, no services.',
    ),
  },
  {
    files: ['**/*.test.ts', 'tests/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
