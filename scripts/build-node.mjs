// Bundles the Node-side entry points (Electron main, preload, web host, sandbox CLI) with Vite
// in SSR mode, each as its own single-file CommonJS build: a sandboxed preload cannot require a
// sibling chunk, and SSR mode keeps Node builds of dependencies (see ../shared/docs/toolchain.md).
import { builtinModules } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const ENTRIES = {
  main: 'electron/main.ts',
  preload: 'electron/preload.ts',
  web: 'electron/web/cli.ts',
  sandbox: 'electron/core/sandbox/cli.ts',
};

// Native or Electron-provided: loaded at run time, never bundled.
const external = ['electron', 'better-sqlite3', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const only = process.argv.slice(2);
for (const [name, entry] of Object.entries(ENTRIES)) {
  if (only.length > 0 && !only.includes(name)) continue;
  if (!existsSync(new URL(`../${entry}`, import.meta.url))) continue;
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    define: { __RECADO_VERSION__: JSON.stringify(version) },
    ssr: { noExternal: true, external },
    build: {
      ssr: entry,
      outDir: 'dist/electron',
      emptyOutDir: false,
      target: 'node24',
      sourcemap: true,
      minify: false,
      rolldownOptions: {
        external,
        output: { format: 'cjs', entryFileNames: `${name}.cjs`, codeSplitting: false },
      },
    },
  });
  console.log(`built dist/electron/${name}.cjs`);
}
