import { test as base, expect, type Page } from '@playwright/test';
import { makeDataDir, startWebHost, type RunningHost } from './web-host';

interface HostFixture {
  dataDir: string;
  host: RunningHost;
  /** Stops the host and starts a new one on the same data folder (new port, new token). */
  restartHost(): Promise<RunningHost>;
}

/** Each test gets its own data folder and web host, so tests never share state. */
export const test = base.extend<{ app: HostFixture }>({
  // Playwright needs the object pattern to see which fixtures this one depends on (none).
  // eslint-disable-next-line no-empty-pattern
  app: async ({}, use) => {
    const data = makeDataDir();
    let host = await startWebHost(data.dir);
    const fixture: HostFixture = {
      dataDir: data.dir,
      get host() {
        return host;
      },
      async restartHost() {
        await host.stop();
        host = await startWebHost(data.dir);
        return host;
      },
    };
    await use(fixture);
    await host.stop();
    data.remove();
  },
});

export { expect };

/** Saves a full-page screenshot as a test artifact (e2e-artifacts/<name>.png). */
export async function snapshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `e2e-artifacts/${name}.png`, fullPage: true });
}
