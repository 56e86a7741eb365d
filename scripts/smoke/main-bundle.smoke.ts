import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IPC_CHANNEL, METHOD_NAMES } from '../../shared/contract';
import { DEMO } from '../../electron/core/sandbox/demo-world';
import { createElectronStub } from './electron-stub';

const ROOT = resolve(import.meta.dirname, '../..');
const MAIN_BUNDLE = join(ROOT, 'dist/electron/main.cjs');
const userData = mkdtempSync(join(tmpdir(), 'recado-smoke-'));
const logs = join(userData, 'os-logs');
const xdgConfig = join(userData, 'xdg-config');
const electron = createElectronStub({ appPath: ROOT, userData, logs });
// A Linux desktop with a tray, and a private XDG config folder for the autostart entry.
process.env.RECADO_TRAY = '1';
process.env.XDG_CONFIG_HOME = xdgConfig;
const pageUrl = pathToFileURL(join(ROOT, 'dist/renderer/index.html')).href;
/** Waits (up to 2 s) until `probe` holds; the caller then asserts. */
const until = async (probe: () => boolean) => {
  for (let i = 0; i < 100 && !probe(); i++) await new Promise((r) => setTimeout(r, 20));
};

type Invoke = (event: unknown, request: unknown) => Promise<{ ok: boolean; error?: { code: string } }>;
const trustedEvent = () => ({
  senderFrame: { url: `${pageUrl}#/status`, parent: null },
  sender: { once: () => undefined, isDestroyed: () => false, send: () => undefined },
});

beforeAll(async () => {
  expect(existsSync(MAIN_BUNDLE), 'run `npm run build` first').toBe(true);
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = loader._load;
  loader._load = (request, ...rest) => (request === 'electron' ? electron.stub : original(request, ...rest));
  createRequire(import.meta.url)(MAIN_BUNDLE);
  electron.ready();
  // start() runs after whenReady; wait until it has bound the IPC channel.
  for (let i = 0; i < 100 && !electron.handlers.has(IPC_CHANNEL); i++) await new Promise((r) => setTimeout(r, 20));
});

afterAll(async () => {
  // Quit like Electron does: the first before-quit is held while the core closes, then quit() again.
  let prevented = false;
  electron.stub.app.emit('before-quit', { preventDefault: () => (prevented = true) });
  expect(prevented).toBe(true);
  for (let i = 0; i < 200 && electron.stub.app.quits === 0; i++) await new Promise((r) => setTimeout(r, 20));
  expect(electron.stub.app.quits).toBe(1);
  // The lock is released once closed.
  expect(existsSync(join(userData, 'recado.lock'))).toBe(false);
  rmSync(userData, { recursive: true, force: true });
});

describe('the bundled main process under Node with a stub electron', () => {
  it('opens the database with every migration applied (a new install starts in Sandbox mode)', () => {
    const file = join(userData, 'recado-sandbox.sqlite');
    expect(existsSync(file)).toBe(true);
    const db = new Database(file, { readonly: true });
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[]).map((t) => t.name);
    db.close();
    expect(tables).toEqual(expect.arrayContaining(['notifications', 'blacklist', 'orders', 'order_events', 'message_templates', '__drizzle_migrations']));
  });

  it('holds the data folder lock for its life (one Recado per folder)', () => {
    const lock = JSON.parse(readFileSync(join(userData, 'recado.lock'), 'utf8')) as { pid: number; host: string };
    expect(lock).toMatchObject({ pid: process.pid, host: 'desktop app' });
    expect(electron.stub.dialog.errors).toEqual([]);
  });

  it('registers one IPC channel that serves every contract method', async () => {
    const invoke = electron.handlers.get(IPC_CHANNEL) as Invoke | undefined;
    expect(invoke).toBeDefined();
    for (const method of METHOD_NAMES) {
      const answer = await invoke!(trustedEvent(), { method, input: {} });
      expect(answer.ok ? 'ok' : answer.error?.code, method).not.toMatch(/unknown_method|internal|unauthorized/);
    }
  });

  it('starts the webhook server, which the Sandbox (playing Meta) verifies with the GET handshake', async () => {
    const invoke = electron.handlers.get(IPC_CHANNEL) as Invoke;
    let status: { ok: boolean; value?: { running: boolean; lastVerifiedAt: number | null } } = { ok: false };
    for (let i = 0; i < 100 && !status.value?.lastVerifiedAt; i++) {
      status = (await invoke(trustedEvent(), { method: 'webhook.status', input: {} })) as typeof status;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(status.value).toMatchObject({ running: true, lastVerifiedAt: expect.any(Number) });
  });

  it('the tray says whether Recado is sending and pauses, resumes through the contract', async () => {
    const invoke = electron.handlers.get(IPC_CHANNEL) as Invoke;
    expect(electron.trays).toHaveLength(1);
    const tray = electron.trays[0]!;
    const item = (label: string) => tray.menu.find((m) => m.label === label);
    const state = async () => ((await invoke(trustedEvent(), { method: 'dispatch.state', input: {} })) as unknown as { value: { state: string } }).value.state;
    await until(() => tray.tooltip.startsWith('Recado — enviando'));
    expect(tray.tooltip).toMatch(/^Recado — enviando/);
    expect(tray.image).toBe(join(ROOT, 'build', 'tray-sending.png'));
    expect(existsSync(tray.image)).toBe(true);
    expect(tray.menu.map((m) => m.label ?? m.type)).toEqual(['Abrir o Recado', 'separator', 'Pausar envios', 'Enviar agora', 'separator', 'Sair']);
    item('Pausar envios')!.click!();
    await until(() => tray.tooltip.includes('pausados'));
    expect(await state()).toBe('paused');
    expect(tray.tooltip).toMatch(/^Recado — envios pausados/);
    expect(tray.image).toBe(join(ROOT, 'build', 'tray-paused.png'));
    expect(item('Enviar agora')).toBeUndefined();
    item('Retomar envios')!.click!();
    await until(() => tray.tooltip.startsWith('Recado — enviando'));
    expect(await state()).toBe('running');
  });

  it('the tray flags a notice held as Marketing and opens the Templates screen', async () => {
    const invoke = electron.handlers.get(IPC_CHANNEL) as Invoke;
    const tray = electron.trays[0]!;
    expect(await invoke(trustedEvent(), { method: 'templates.sync', input: {} })).toMatchObject({ ok: true });
    const sandbox = (await invoke(trustedEvent(), { method: 'sandbox.status', input: {} })) as unknown as { value: { baseUrl: string } };
    // Meta (the Sandbox) re-files the order confirmation's template as MARKETING and tells the webhook.
    const recategorise = (category: string) =>
      fetch(`${sandbox.value.baseUrl}/_sandbox/templates/category`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'pedido_confirmado', language: DEMO.language, category }),
      });
    expect((await recategorise('MARKETING')).status).toBe(200);
    await until(() => tray.tooltip.includes('aviso parado'));
    expect(tray.tooltip).toMatch(/^Recado — enviando.*\nPrecisa de atenção: 1 aviso parado \(o modelo virou Marketing\)$/s);
    expect(tray.image).toBe(join(ROOT, 'build', 'tray-attention.png'));
    expect(tray.menu.map((m) => m.label ?? m.type)).toEqual(['Abrir o Recado', 'Ver avisos parados em Modelos de mensagem', 'separator', 'Pausar envios', 'Enviar agora', 'separator', 'Sair']);
    tray.menu.find((m) => m.label === 'Ver avisos parados em Modelos de mensagem')!.click!();
    expect(electron.windows[0]!.webContents.scripts).toEqual(['window.location.hash = "#/templates"']);
    // Back to UTILITY: nothing held, the line and the item go.
    expect((await recategorise('UTILITY')).status).toBe(200);
    await until(() => !tray.tooltip.includes('aviso parado'));
    expect(tray.tooltip).not.toContain('aviso parado');
    expect(tray.menu.map((m) => m.label ?? m.type)).not.toContain('Ver avisos parados em Modelos de mensagem');
  });

  it('closing the window hides it to the tray and says so once', () => {
    const win = electron.windows[0]!;
    const close = () => {
      let prevented = false;
      win.emit('close', { preventDefault: () => (prevented = true) });
      return prevented;
    };
    expect(close()).toBe(true);
    expect(close()).toBe(true);
    expect(win.hidden).toBe(2);
    const notices = electron.notifications.filter((n) => n.title === 'O Recado continua enviando');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.body).toContain('“Sair”');
    expect(JSON.parse(readFileSync(join(userData, 'settings.json'), 'utf8'))).toMatchObject({ desktop: { closedNoticeShown: true } });
  });

  it('start at login: off by default; the wizard’s contract method writes and removes the XDG autostart entry', async () => {
    const invoke = electron.handlers.get(IPC_CHANNEL) as Invoke;
    const entry = join(xdgConfig, 'autostart', 'recado.desktop');
    expect(existsSync(entry)).toBe(false);
    expect(await invoke(trustedEvent(), { method: 'app.setStartAtLogin', input: { enabled: true } })).toMatchObject({ ok: true, value: { enabled: true, appliesHere: true } });
    expect(readFileSync(entry, 'utf8')).toMatch(/^Exec=.+ --hidden$/m);
    expect(await invoke(trustedEvent(), { method: 'app.setStartAtLogin', input: { enabled: false } })).toMatchObject({ ok: true });
    expect(existsSync(entry)).toBe(false);
  });

  it('logs through electron-log to the OS log folder, with secrets redacted', async () => {
    const invoke = electron.handlers.get(IPC_CHANNEL) as Invoke;
    const info = (await invoke(trustedEvent(), { method: 'app.info', input: {} })) as unknown as { value: { secretStorage: unknown } };
    expect(info.value.secretStorage).toEqual({ scheme: 'keyring', keyringMissing: false });
    let text = '';
    for (let i = 0; i < 100 && !text.includes('core started'); i++) {
      await new Promise((r) => setTimeout(r, 20));
      text = existsSync(join(logs, 'recado.log')) ? readFileSync(join(logs, 'recado.log'), 'utf8') : '';
    }
    expect(text).toContain('core started');
  });

  it('refuses calls from a frame that is not our page', async () => {
    const invoke = electron.handlers.get(IPC_CHANNEL) as Invoke;
    const evil = { ...trustedEvent(), senderFrame: { url: 'https://evil.example/', parent: null } };
    await expect(invoke(evil, { method: 'app.info', input: {} })).resolves.toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const child = { ...trustedEvent(), senderFrame: { url: pageUrl, parent: {} } };
    await expect(invoke(child, { method: 'app.info', input: {} })).resolves.toMatchObject({ ok: false });
  });

  it('opens one hardened window on the built renderer with the built preload', () => {
    expect(electron.windows).toHaveLength(1);
    const win = electron.windows[0]!;
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(existsSync(String(win.options.webPreferences.preload))).toBe(true);
    expect(win.loaded && existsSync(win.loaded)).toBe(true);
    expect(win.webContents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('stores secrets through safeStorage, never in clear', async () => {
    const invoke = electron.handlers.get(IPC_CHANNEL) as Invoke;
    const token = 'EAAGsmokeTestTokenValue1234567890abcdefWXYZ';
    const saved = await invoke(trustedEvent(), {
      method: 'credentials.save',
      input: { accessToken: token, phoneNumberId: '', appId: '', businessAccountId: '', apiVersion: 'v23.0' },
    });
    expect(saved).toMatchObject({ ok: true });
    // Written in the background (the keyring API is asynchronous).
    for (let i = 0; i < 100 && !readFileSync(join(userData, 'settings.json'), 'utf8').includes('safeStorage.v1:'); i++) await new Promise((r) => setTimeout(r, 20));
    const settings = readFileSync(join(userData, 'settings.json'), 'utf8');
    expect(settings).toContain('safeStorage.v1:');
    expect(settings).not.toContain(token);
    // And they read back: the masked view shows the last 4 characters.
    const view = await invoke(trustedEvent(), { method: 'credentials.get', input: {} });
    expect(view).toMatchObject({ ok: true, value: { accessToken: { set: true, last4: 'WXYZ' } } });
    // Never logged.
    expect(readFileSync(join(logs, 'recado.log'), 'utf8')).not.toContain(token);
  });
});
