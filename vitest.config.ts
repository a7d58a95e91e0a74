import { defineConfig } from 'vitest/config';

// One `vitest run`, two projects, one JSON report (.test-results/vitest.json, counted by CI):
// - node: the services, shared/ and the integration/lint suites, in forked Node processes (tests of
//   shared/ rules that need Node — a crypto oracle, files on disk — live in tests/rules/, shared/ stays pure);
// - renderer: the renderer's unit tests (stores, hooks, components) in happy-dom.
export default defineConfig({
  test: {
    // Vitest's default is one worker less than the cores: on CI's two cores that ran the suite in one
    // process (11 min); two forks take 7.5 min and npm test must stay under 30.
    maxWorkers: 2,
    reporters: ['default', ['json', { outputFile: '.test-results/vitest.json' }]],
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['electron/**/*.test.ts', 'shared/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/lint/**/*.test.ts', 'tests/rules/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'renderer',
          include: ['renderer/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['renderer/test/setup.ts'],
          // Vitest's 5 s default failed a property test that takes 2 s on a quiet machine when CI's
          // other fork was busy: a limit for a hung test, not a speed check (speed is `npm run bench`).
          testTimeout: 30_000,
        },
      },
    ],
  },
});
