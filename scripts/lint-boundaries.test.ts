import { ESLint } from 'eslint';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: resolve(import.meta.dirname, '..') });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  const boundaryRules = ['no-restricted-imports', 'recado/import-boundaries'];
  return (result?.messages ?? []).filter((m) => boundaryRules.includes(m.ruleId ?? '')).map((m) => m.message);
}

/** The runtime boundaries of README.md's architecture table, proven on probe files at each folder's path. */
describe('runtime boundaries are lint errors', () => {
  it.each([
    ['electron/core/probe.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['electron/web/probe.ts', "import { ipcMain } from 'electron';\nexport const x = ipcMain;\n"],
    ['electron/core/probe.ts', "import Store from 'electron-store';\nexport const x = Store;\n"],
    ['shared/probe.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['shared/probe.ts', "import { join } from 'path';\nexport const x = join;\n"],
    ['renderer/src/probe.ts', "import { createCore } from '../../electron/core/create-core';\nexport const x = createCore;\n"],
    ['renderer/src/probe.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n"],
    ['renderer/src/probe.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    // The holes issue 15 found: each passed lint and tsc before the allow-lists.
    ['electron/core/probe.ts', "import { createSafeStorageCipher } from '../desktop/safe-storage-cipher';\nexport const x = createSafeStorageCipher;\n"],
    ['electron/core/orders/probe.ts', "import { startWebHost } from '../../web/web-host';\nexport const x = startWebHost;\n"],
    ['electron/core/probe.ts', "import { app } from 'electron/main';\nexport const x = app;\n"],
    ['electron/core/probe.ts', "import { useState } from 'react';\nexport const x = useState;\n"],
    ['electron/core/probe.ts', "import { Button } from '@mantine/core';\nexport const x = Button;\n"],
    ['electron/core/probe.test.ts', "import { app } from 'electron/main';\nexport const x = app;\n"],
    ['electron/core/probe.test.ts', "import { createSafeStorageCipher } from '../desktop/safe-storage-cipher';\nexport const x = createSafeStorageCipher;\n"],
    ['shared/probe.ts', "import Database from 'better-sqlite3';\nexport const x = Database;\n"],
    ['shared/probe.ts', "import { Hono } from 'hono';\nexport const x = Hono;\n"],
    ['shared/probe.ts', "import { eq } from 'drizzle-orm';\nexport const x = eq;\n"],
    ['shared/probe.ts', "export { eq } from 'drizzle-orm';\n"],
    ['shared/probe.ts', "export const x = import('hono');\n"],
    ['shared/probe.ts', "import { ipcRenderer } from 'electron/renderer';\nexport const x = ipcRenderer;\n"],
    ['renderer/src/probe.ts', "import Database from 'better-sqlite3';\nexport const x = Database;\n"],
    ['renderer/src/probe.ts', "import { Hono } from 'hono';\nexport const x = Hono;\n"],
    ['renderer/src/probe.ts', "import { eq } from 'drizzle-orm/sqlite-core';\nexport const x = eq;\n"],
    ['renderer/src/probe.ts', "import { ipcRenderer } from 'electron/renderer';\nexport const x = ipcRenderer;\n"],
    ['renderer/src/probe.ts', "import log from 'electron-log/renderer';\nexport const x = log;\n"],
  ])('%s may not run: %s', async (filePath, code) => {
    expect(await restrictedImports(filePath, code)).not.toEqual([]);
  });

  it.each([
    ['electron/desktop/probe.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['electron/core/probe.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['shared/probe.ts', "import { events } from './contract/events';\nexport const x = events;\n"],
    ['renderer/src/probe.ts', "import { contract } from '../../shared/contract';\nexport const x = contract;\n"],
    ['shared/probe.ts', "import { parsePhoneNumberFromString } from 'libphonenumber-js';\nexport const x = parsePhoneNumberFromString;\n"],
    ['electron/core/probe.ts', "import Database from 'better-sqlite3';\nexport const x = Database;\n"],
    ['electron/core/probe.ts', "import { eq } from 'drizzle-orm';\nexport const x = eq;\n"],
    ['electron/web/probe.ts', "import { createCore } from '../core/create-core';\nexport const x = createCore;\n"],
    ['renderer/src/probe.ts', "import { Button } from '@mantine/core';\nexport const x = Button;\n"],
    ['electron/core/probe.test.ts', "import fc from 'fast-check';\nexport const x = fc;\n"],
  ])('%s may: %s', async (filePath, code) => {
    expect(await restrictedImports(filePath, code)).toEqual([]);
  });
});
