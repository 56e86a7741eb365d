import { describe, expect, it } from 'vitest';
import type { DispatchState } from '../contract/methods/dispatch';
import { trayView, type TrayInput } from './tray';

const at1405 = Date.UTC(2026, 11, 3, 14, 5);
const dispatch = (over: Partial<DispatchState>): TrayInput['dispatch'] => ({
  state: 'running',
  queueSize: 0,
  pause: null,
  nextDispatchAt: null,
  failure: null,
  ...over,
});
const metaPause = { kind: 'account_blocked', reason: 'policy', code: 368, message: 'Temporarily blocked', at: 1 } as const;

describe('tray', () => {
  it('says whether Recado is sending, how many wait, when the next send goes, and offers the action that fits', () => {
    expect(trayView({ dispatch: dispatch({ queueSize: 3, nextDispatchAt: at1405 }), tunnel: { state: 'online' } }, 'pt-BR', 'UTC')).toEqual({
      icon: 'sending',
      tooltip: 'Recado — enviando · 3 mensagens pendentes · próximo envio às 14:05',
      toggle: { action: 'pause', label: 'Pausar envios' },
      sendNow: 'Enviar agora',
    });
    expect(trayView({ dispatch: dispatch({ state: 'paused', queueSize: 1, pause: { ...metaPause, kind: 'user', reason: 'user' } }), tunnel: null }, 'pt-BR')).toEqual({
      icon: 'paused',
      tooltip: 'Recado — envios pausados · 1 mensagem pendente',
      toggle: { action: 'resume', label: 'Retomar envios' },
      sendNow: null,
    });
    expect(trayView({ dispatch: dispatch({ state: 'disabled' }), tunnel: null }, 'en')).toMatchObject({ icon: 'paused', tooltip: 'Recado — sending switched off', toggle: null });
    expect(trayView({ dispatch: null, tunnel: null }, 'en')).toEqual({ icon: 'paused', tooltip: 'Recado', toggle: null, sendNow: null });
  });

  it('needs attention for a pause Meta caused, the tunnel offline, or a failed run — not for the owner’s own pause', () => {
    const paused = trayView({ dispatch: dispatch({ state: 'paused', pause: metaPause }), tunnel: { state: 'online' } }, 'pt-BR');
    expect(paused.icon).toBe('attention');
    expect(paused.tooltip).toContain('\nPrecisa de atenção: a Meta fez os envios pararem');
    const offline = trayView({ dispatch: dispatch({}), tunnel: { state: 'offline' } }, 'en');
    expect(offline).toMatchObject({ icon: 'attention', sendNow: 'Send now' });
    expect(offline.tooltip).toContain('the tunnel is offline');
    const failed = trayView({ dispatch: dispatch({ failure: { at: 1, message: 'SQLITE_FULL' } }), tunnel: { state: 'online' } }, 'en');
    expect(failed.icon).toBe('attention');
    expect(failed.tooltip).toContain('automatic sending failed');
    // A run that failed in Recado pauses too; the tray must not blame Meta for it.
    const runPause = { kind: 'error', reason: 'run_failed', code: null, message: 'disk I/O error', at: 1 } as const;
    const runFailed = trayView({ dispatch: dispatch({ state: 'paused', pause: runPause }), tunnel: { state: 'online' } }, 'pt-BR');
    expect(runFailed.tooltip).toContain('o envio automático falhou');
    expect(runFailed.tooltip).not.toContain('a Meta');
    // Sandbox mode has no tunnel (stopped): that is not a problem.
    expect(trayView({ dispatch: dispatch({}), tunnel: { state: 'stopped' } }, 'en').icon).toBe('sending');
  });
});
