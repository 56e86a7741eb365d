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

export function createElectronStub(options: { appPath: string; userData: string }) {
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  const windows: StubWindow[] = [];
  /** Trays the main process made, with their tooltip and menu (Menu.buildFromTemplate returns the template). */
  const trays: { tooltip: string; menu: StubMenuItem[] }[] = [];
  const appEvents = new EventEmitter();
  let ready!: () => void;
  const whenReady = new Promise<void>((resolve) => (ready = resolve));

  class StubWebContents extends EventEmitter {
    windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
    permissionHandler: unknown = null;
    session = { setPermissionRequestHandler: (handler: unknown) => (this.permissionHandler = handler) };
    sent: unknown[][] = [];
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
    hide() {}
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
      getPath: (name: string) => (name === 'userData' ? options.userData : options.userData),
      getName: () => 'Recado',
      getVersion: () => '0.0.0-smoke',
      isPackaged: false,
      enableSandbox: () => undefined,
      setLoginItemSettings: () => undefined,
      getLoginItemSettings: () => ({ openAtLogin: false, wasOpenedAtLogin: false }),
      quit: () => undefined,
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
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      // Reversible but not plaintext, like the real thing from the outside.
      // (TypedArray#map returns a plain Uint8Array, so wrap it back into a Buffer like Electron's.)
      encryptString: (plain: string) => Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a)),
      decryptString: (data: Buffer) => Buffer.from(data.map((b) => b ^ 0x5a)).toString('utf8'),
    },
    Tray: class extends EventEmitter {
      tooltip = '';
      menu: StubMenuItem[] = [];
      constructor() {
        super();
        trays.push(this);
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
    Notification: Object.assign(class extends EventEmitter { show() {} }, { isSupported: () => true }),
  };

  return { stub, handlers, windows, trays, ready };
}
