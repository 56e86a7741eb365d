// Validates electron-builder.yml by really packing the app (linux --dir) against a dummy Electron
// folder: no Electron zip can be downloaded here, but the config schema, the `files` globs and
// the unpacking of better-sqlite3 are all exercised (toolchain.md). Prints one line per check.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const asar = require('@electron/asar');

const work = mkdtempSync(join(tmpdir(), 'recado-pack-'));
const electronDist = join(work, 'electron-dist');
const output = join(work, 'out');
execFileSync('mkdir', ['-p', electronDist]);
// A real Electron binary carries a fuse wire after this sentinel (@electron/fuses): version 1,
// then one byte per fuse. Ours starts with every fuse on, so the check below sees them flipped.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_COUNT = 9;
writeFileSync(
  join(electronDist, 'electron'),
  Buffer.concat([Buffer.from(`#!/bin/sh\necho dummy electron\n#${SENTINEL}`), Buffer.from([1, FUSE_COUNT]), Buffer.alloc(FUSE_COUNT, 0x31)]),
);
chmodSync(join(electronDist, 'electron'), 0o755);
writeFileSync(join(electronDist, 'LICENSE'), 'dummy');

let failed = 0;
const check = (ok, what) => {
  console.log(`${ok ? 'ok' : 'FAILED'} - ${what}`);
  if (!ok) failed++;
};

try {
  execFileSync(
    process.execPath,
    [
      require.resolve('electron-builder/cli.js'),
      '--linux',
      '--dir',
      `-c.electronDist=${electronDist}`,
      '-c.npmRebuild=false',
      `-c.directories.output=${output}`,
      '--publish=never',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ELECTRON_BUILDER_OFFLINE: '1' } },
  );
  const binary = readFileSync(join(output, 'linux-unpacked', 'recado'));
  const wire = binary.subarray(binary.indexOf(SENTINEL) + SENTINEL.length + 2);
  // Fuse order (v1): RunAsNode, CookieEncryption, NodeOptions env, Node CLI inspect, asar integrity, only-asar.
  check(
    wire[0] === 0x30 && wire[1] === 0x31 && wire[2] === 0x30 && wire[3] === 0x30 && wire[4] === 0x31 && wire[5] === 0x31,
    'Electron fuses are flipped (no run-as-node, no NODE_OPTIONS, no inspect, asar only)',
  );
  const resources = join(output, 'linux-unpacked', 'resources');
  const archive = join(resources, 'app.asar');
  check(existsSync(archive), 'app.asar was packed');
  const files = asar.listPackage(archive).map((f) => f.replaceAll('\\', '/'));
  const has = (path) => files.includes(path);
  check(has('/dist/electron/main.cjs') && has('/dist/electron/preload.cjs'), 'main and preload bundles are inside');
  check(has('/dist/renderer/index.html'), 'the renderer is inside');
  check(files.some((f) => f.startsWith('/drizzle/') && f.endsWith('.sql')), 'the migrations are inside');
  check(['sending', 'paused', 'attention'].every((state) => has(`/build/tray-${state}.png`)), 'the three tray icons are inside');
  check(!files.some((f) => f.startsWith('/node_modules/react')), 'renderer packages are not packed twice');
  check(!files.some((f) => f.endsWith('.map')), 'no source maps are shipped');
  const unpacked = join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3');
  check(existsSync(join(unpacked, 'package.json')), 'better-sqlite3 is unpacked from the asar');
} catch (error) {
  check(false, `electron-builder packed the app (${error.message.split('\n')[0]})`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exit(failed === 0 ? 0 : 1);
