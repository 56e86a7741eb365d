import { ESLint } from 'eslint';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: resolve(import.meta.dirname, '..') });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

/** The runtime boundaries of style.md rule 1, proven on probe files at each folder's path. */
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
  ])('%s may not run: %s', async (filePath, code) => {
    expect(await restrictedImports(filePath, code)).not.toEqual([]);
  });

  it.each([
    ['electron/desktop/probe.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['electron/core/probe.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['shared/probe.ts', "import { events } from './contract/events';\nexport const x = events;\n"],
    ['renderer/src/probe.ts', "import { contract } from '../../shared/contract';\nexport const x = contract;\n"],
  ])('%s may: %s', async (filePath, code) => {
    expect(await restrictedImports(filePath, code)).toEqual([]);
  });
});
