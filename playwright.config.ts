import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests: the production renderer in Debian's chromium, through the browser host (same
 * router, real services, real SQLite). Each test starts its own host with its own workspace and
 * app-data (tests/e2e/fixtures.ts).
 */
export default defineConfig({
  projects: [
    // The production renderer in Debian's chromium through the browser host.
    { name: 'browser', testDir: 'tests/e2e' },
    // The real Electron app; skips (saying why) where its binary cannot be installed.
    { name: 'electron', testDir: 'tests/electron' },
  ],
  // The demo engagement, built once and copied by every host (tests/e2e/global-setup.ts).
  globalSetup: './tests/e2e/global-setup.ts',
  outputDir: 'test-results/playwright',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  reporter: [['list'], ['json', { outputFile: '.test-results/playwright.json' }]],
  use: {
    browserName: 'chromium',
    viewport: { width: 1366, height: 860 },
    // Without a GPU every animated frame is composited in software: spinners took more CPU than the
    // app itself (opening the demo: 2.6 s of compositing, 0.4 s without motion). The app stops its
    // looping animations for the system's reduced-motion setting, so the suite asks for it.
    reducedMotion: 'reduce',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    screenshot: 'only-on-failure',
    // A trace snapshots the page at every action: it made the journeys ~30% slower on two cores (and
    // CI shows only the printed output). AW_E2E_TRACE=1 records one to keep for a failing test.
    trace: process.env.AW_E2E_TRACE ? 'retain-on-failure' : 'off',
  },
});
