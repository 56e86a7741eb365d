import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DISPATCH_PAUSE_REASONS, DISPATCH_REASONS } from '../../../shared/domain/dispatch-reasons';
import { en } from './locales/en';
import { ptBR } from './locales/pt-BR';

const coreDir = (name: string) => join(import.meta.dirname, '../../../electron/core', name);
const sources = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => readFileSync(join(dir, f), 'utf8'));

describe('dispatch reasons in words', () => {
  it('every reason a notification row can carry has a sentence in pt-BR and in English', () => {
    for (const reason of DISPATCH_REASONS) {
      expect(ptBR.dispatch.reason[reason]?.trim(), `pt-BR ${reason}`).toBeTruthy();
      expect(en.dispatch.reason[reason]?.trim(), `en ${reason}`).toBeTruthy();
      expect(en.dispatch.reason[reason], reason).not.toBe(ptBR.dispatch.reason[reason]);
    }
    expect(Object.keys(ptBR.dispatch.reason).sort()).toEqual([...DISPATCH_REASONS].sort());
  });

  it('every reason the dispatcher can pause for has its sentence (the desktop notification texts, reused)', () => {
    for (const reason of DISPATCH_PAUSE_REASONS.filter((r) => r !== 'user')) {
      expect(ptBR.notify.dispatchPaused[reason], reason).toBeTruthy();
      expect(en.notify.dispatchPaused[reason], reason).toBeTruthy();
    }
  });

  // The compiler already holds the dispatcher to the list (DispatchReason); this catches a literal cast around it.
  it('the list names every reason literal the dispatcher and the classifier write', () => {
    const written = new Set<string>();
    for (const text of sources(coreDir('dispatcher'))) {
      for (const m of text.matchAll(/\bskip\('(\w+)'/g)) written.add(m[1]!);
      for (const m of text.matchAll(/\breason: '(\w+)'/g)) written.add(m[1]!);
    }
    for (const text of sources(coreDir('whatsapp'))) {
      for (const m of text.matchAll(/\bc\('\w+', '(\w+)'/g)) written.add(m[1]!);
      for (const m of text.matchAll(/\breason: '(\w+)'/g)) written.add(m[1]!);
    }
    // Pause-only reasons are not row reasons.
    written.delete('user');
    written.delete('not_configured');
    written.delete('run_failed');
    expect(written.size).toBeGreaterThan(25);
    expect([...written].filter((r) => !(DISPATCH_REASONS as readonly string[]).includes(r))).toEqual([]);
  });
});
