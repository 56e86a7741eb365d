import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive Debian's Chromium against the web host (`dist/electron/web.cjs`), which
 * serves the same renderer and contract the desktop app uses. No browser is downloaded.
 */
export default defineConfig({
  testDir: 'e2e',
  // Only the specs: e2e/support/*.test.ts are Vitest unit tests of the helpers.
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/playwright',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-results.json' }]],
  use: {
    browserName: 'chromium',
    headless: true,
    locale: 'pt-BR',
    viewport: { width: 1280, height: 860 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
});
