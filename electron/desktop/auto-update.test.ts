import { describe, expect, it } from 'vitest';
import { startAutoUpdate, updateFeed, type UpdaterApi } from './auto-update';

describe('auto-update', () => {
  it('is off by default, needs an https feed, and never runs unpackaged', () => {
    expect(updateFeed({ autoUpdate: false, updateFeedUrl: 'https://updates.recado.app/' }, true)).toBeNull();
    expect(updateFeed({ autoUpdate: true, updateFeedUrl: '' }, true)).toBeNull();
    expect(updateFeed({ autoUpdate: true, updateFeedUrl: 'http://updates.recado.app/' }, true)).toBeNull();
    expect(updateFeed({ autoUpdate: true, updateFeedUrl: 'https://updates.recado.app/' }, false)).toBeNull();
    expect(updateFeed({ autoUpdate: true, updateFeedUrl: 'https://updates.recado.app/' }, true)).toEqual({ provider: 'generic', url: 'https://updates.recado.app/' });
  });

  it('points electron-updater at the feed, downloads in the background and installs on quit', async () => {
    const calls: string[] = [];
    const updater: UpdaterApi = {
      autoDownload: false,
      autoInstallOnAppQuit: false,
      setFeedURL: (feed) => void calls.push(`feed ${feed.url}`),
      checkForUpdatesAndNotify: async () => {
        calls.push('check');
        throw new Error('offline');
      },
    };
    const errors: unknown[] = [];
    const stop = startAutoUpdate(updater, { provider: 'generic', url: 'https://updates.recado.app/' }, (e) => errors.push(e));
    await new Promise((r) => setTimeout(r, 0));
    stop();
    expect(calls).toEqual(['feed https://updates.recado.app/', 'check']);
    expect(updater).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: true });
    expect(errors).toHaveLength(1);
  });
});
