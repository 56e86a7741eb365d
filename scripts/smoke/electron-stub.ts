import { EventEmitter } from 'node:events';

/**
 * A stand-in for the `electron` module, faithful to the parts Recado's main process uses, so
 * the real bundle can start under plain Node (no Electron binary can be downloaded here).
 */
export interface StubMenuItem {
  label?: string;
  type?: string;
  click?: () => void;
}

export function createElectronStub(options: { appPath: string; userData: string; logs: string; backend?: string }) {
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  const windows: StubWindow[] = [];
  /** Trays the main process made, with their tooltip and menu (Menu.buildFromTemplate returns the template). */
  const trays: { tooltip: string; menu: StubMenuItem[]; image: string }[] = [];
  /** Notifications shown, and login items set. */
  const notifications: { title?: string; body?: string }[] = [];
  const loginItems: { openAtLogin: boolean; args?: string[] }[] = [];
  const appEvents = new EventEmitter();
  let ready!: () => void;
  const whenReady = new Promise<void>((resolve) => (ready = resolve));

  class StubWebContents extends EventEmitter {
    windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
    permissionHandler: unknown = null;
    session = { setPermissionRequestHandler: (handler: unknown) => (this.permissionHandler = handler) };
    sent: unknown[][] = [];
    /** Scripts the main process ran in the page (it switches screens this way). */
    scripts: string[] = [];
    executeJavaScript(code: string) {
      this.scripts.push(code);
      return Promise.resolve(undefined);
    }
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      this.windowOpenHandler = handler;
    }
    send(...args: unknown[]) {
      this.sent.push(args);
    }
    isDestroyed() {
      return false;
    }
  }

  class StubWindow extends EventEmitter {
    webContents = new StubWebContents();
    loaded: string | null = null;
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      super();
      windows.push(this);
    }
    loadFile(file: string) {
      this.loaded = file;
      return Promise.resolve();
    }
    show() {}
    hidden = 0;
    hide() {
      this.hidden++;
    }
    minimize() {}
    focus() {}
    restore() {}
    isMinimized() {
      return false;
    }
  }

  const stub = {
    app: Object.assign(appEvents, {
      requestSingleInstanceLock: () => true,
      whenReady: () => whenReady,
      getAppPath: () => options.appPath,
      getPath: (name: string) => (name === 'logs' ? options.logs : options.userData),
      getName: () => 'Recado',
      getVersion: () => '0.0.0-smoke',
      isPackaged: false,
      enableSandbox: () => undefined,
      setLoginItemSettings: (settings: { openAtLogin: boolean; args?: string[] }) => void loginItems.push(settings),
      getLoginItemSettings: () => ({ openAtLogin: false, wasOpenedAtLogin: false }),
      quits: 0,
      quit(this: { quits: number }) {
        this.quits++;
      },
      exit: (code: number) => {
        throw new Error(`app.exit(${code})`);
      },
    }),
    BrowserWindow: StubWindow,
    ipcMain: {
      handle: (channel: string, handler: (...args: unknown[]) => unknown) => handlers.set(channel, handler),
      removeHandler: (channel: string) => handlers.delete(channel),
      on: () => undefined,
    },
    safeStorage: {
      // The asynchronous API Recado uses (Electron ≥ 36); `backend` is switchable to play a Linux
      // desktop without a keyring ('basic_text').
      backend: options.backend ?? 'gnome_libsecret',
      isAsyncEncryptionAvailable: () => Promise.resolve(true),
      getSelectedStorageBackend(this: { backend: string }) {
        return this.backend;
      },
      // Reversible but not plaintext, like the real thing from the outside.
      // (TypedArray#map returns a plain Uint8Array, so wrap it back into a Buffer like Electron's.)
      encryptStringAsync: (plain: string) => Promise.resolve(Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a))),
      decryptStringAsync: (data: Buffer) => Promise.resolve({ result: Buffer.from(data.map((b) => b ^ 0x5a)).toString('utf8'), shouldReEncrypt: false }),
    },
    Tray: class extends EventEmitter {
      tooltip = '';
      menu: StubMenuItem[] = [];
      image = '';
      constructor(image: { path: string }) {
        super();
        this.image = image.path;
        trays.push(this);
      }
      setImage(image: { path: string }) {
        this.image = image.path;
      }
      setToolTip(text: string) {
        this.tooltip = text;
      }
      setContextMenu(menu: StubMenuItem[]) {
        this.menu = menu;
      }
    },
    Menu: { buildFromTemplate: (template: unknown) => template },
    nativeImage: { createFromPath: (path: string) => ({ path }) },
    shell: { openExternal: () => Promise.resolve() },
    dialog: {
      errors: [] as { title: string; content: string }[],
      showErrorBox(title: string, content: string) {
        this.errors.push({ title, content });
      },
    },
    Notification: Object.assign(
      class extends EventEmitter {
        constructor(readonly options: { title?: string; body?: string }) {
          super();
        }
        show() {
          notifications.push(this.options);
        }
      },
      { isSupported: () => true },
    ),
  };

  return { stub, handlers, windows, trays, notifications, loginItems, ready };
}
