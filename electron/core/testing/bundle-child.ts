import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Bundles a test's child-process entry (`electron/core/.../testing/*-child.ts`) into one CJS file
 * in `outDir`, the way scripts/build-node.mjs bundles the app (Vite SSR, better-sqlite3 and Node
 * built-ins external), so crash tests kill the real core as the packaged app runs it.
 * Returns the bundle's path.
 */
export async function bundleChild(entry: string, outDir: string): Promise<string> {
  const name = entry.replace(/^.*\//, '').replace(/\.ts$/, '.cjs');
  const external = ['better-sqlite3', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
  await build({
    root: ROOT,
    configFile: false,
    logLevel: 'silent',
    ssr: { noExternal: true, external },
    build: {
      ssr: entry,
      outDir,
      emptyOutDir: false,
      target: 'node24',
      minify: false,
      rolldownOptions: { external, output: { format: 'cjs', entryFileNames: name, codeSplitting: false } },
    },
  });
  return `${outDir}/${name}`;
}
