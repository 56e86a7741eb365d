import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSV_FILE_PROBLEMS, CSV_ROW_PROBLEMS } from '../../../shared/contract/methods/csv';
import { META_PROBLEMS } from '../../../shared/domain/meta-problems';
import { PHONE_REASONS } from '../../../shared/domain/phone';
import { WOO_CONNECTION_ERRORS } from '../../../shared/settings/woocommerce';
import { en } from './locales/en';
import { ptBR } from './locales/pt-BR';

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value as object, `${prefix}${key}.`),
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    // `*.type-test.ts` holds wrong keys on purpose (compile-time probes).
    return /\.tsx?$/.test(entry.name) && !/\.(type-)?test\.ts$/.test(entry.name) ? [path] : [];
  });
}

const ptKeys = new Set(keys(ptBR));
const enKeys = new Set(keys(en));

describe('translations', () => {
  it('have the same keys in pt-BR and English, none empty', () => {
    expect([...enKeys].sort()).toEqual([...ptKeys].sort());
    for (const tree of [ptBR, en]) {
      for (const key of keys(tree)) {
        const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree);
        expect(String(value).trim(), key).not.toBe('');
      }
    }
  });

  it('cover every literal key the screens ask for', () => {
    const root = join(import.meta.dirname, '..');
    const missing: string[] = [];
    for (const file of sourceFiles(root)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) {
        // A counted text exists as its plural forms (`key_one`, `key_other`).
        if (!ptKeys.has(match[1]!) && !ptKeys.has(`${match[1]}_other`)) missing.push(`${file}: ${match[1]}`);
      }
      // `t(\`nav.${id}\`)` style keys: the prefix must exist as a group.
      for (const match of text.matchAll(/\bt\(\s*`([a-zA-Z0-9_.]+)\.\$\{/g)) {
        if (![...ptKeys].some((key) => key.startsWith(`${match[1]}.`))) missing.push(`${file}: ${match[1]}.*`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('translate every message key the backend and the shared schemas can return', () => {
    const used = new Set<string>();
    for (const root of ['../../../shared', '../../../electron/core']) {
      for (const file of sourceFiles(join(import.meta.dirname, root))) {
        const text = readFileSync(file, 'utf8');
        for (const match of text.matchAll(/'(validation\.[a-zA-Z]+)'/g)) used.add(match[1]!);
        for (const match of text.matchAll(/\bkey: '([a-z]+\.[\w.]+)'/g)) used.add(match[1]!);
        for (const match of text.matchAll(/'(csv\.(?:file|mapping|row)\.\w+)'/g)) used.add(match[1]!);
      }
    }
    for (const reason of PHONE_REASONS) used.add(`validation.phone.${reason}`);
    for (const problem of CSV_FILE_PROBLEMS) used.add(`csv.file.${problem}`);
    for (const problem of CSV_ROW_PROBLEMS) used.add(`csv.row.${problem}`);
    for (const code of WOO_CONNECTION_ERRORS) used.add(`woo.test.${code}`);
    for (const problem of META_PROBLEMS) used.add(`meta.problem.${problem}`);
    expect(used.size).toBeGreaterThan(20);
    const missing = [...used].filter((key) => !ptKeys.has(key) || !enKeys.has(key));
    expect(missing).toEqual([]);
  });

  it('cover every screen in the menu and every contract error code', () => {
    for (const screen of ['status', 'credentials', 'events', 'templates', 'dispatch', 'webhook', 'tracking', 'log', 'blacklist', 'orders', 'tools']) {
      expect(ptKeys.has(`nav.${screen}`), screen).toBe(true);
    }
    for (const code of ['validation', 'unknown_method', 'not_found', 'conflict', 'unavailable', 'meta_error', 'unauthorized', 'internal']) {
      expect(ptKeys.has(`errors.${code}`), code).toBe(true);
    }
  });
});
