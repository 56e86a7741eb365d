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

  it('flags events held because their template became Marketing, in both languages, and offers the Templates screen', () => {
    const held = trayView({ dispatch: dispatch({ queueSize: 4 }), tunnel: { state: 'online' }, heldEvents: 2 }, 'pt-BR');
    expect(held).toMatchObject({ icon: 'attention', openTemplates: 'Ver avisos parados em Modelos de mensagem', sendNow: 'Enviar agora' });
    expect(held.tooltip).toBe('Recado — enviando · 4 mensagens pendentes\nPrecisa de atenção: 2 avisos parados (os modelos viraram Marketing)');
    const one = trayView({ dispatch: dispatch({ state: 'paused', pause: { ...metaPause, kind: 'user', reason: 'user' } }), tunnel: null, heldEvents: 1 }, 'en');
    expect(one).toMatchObject({ icon: 'attention', openTemplates: 'See held notices in Message templates', toggle: { action: 'resume', label: 'Resume sending' } });
    expect(one.tooltip).toBe('Recado — sending paused\nNeeds attention: 1 notice held (its template became Marketing)');
    // Another reason to look comes first; the held line still shows.
    const both = trayView({ dispatch: dispatch({}), tunnel: { state: 'offline' }, heldEvents: 3 }, 'en');
    expect(both.tooltip.split('\n').slice(1)).toEqual(['Needs attention: the tunnel is offline (Meta cannot reach Recado)', 'Needs attention: 3 notices held (their templates became Marketing)']);
    // Before the dispatcher's state is known, the hold is already worth a look.
    expect(trayView({ dispatch: null, tunnel: null, heldEvents: 1 }, 'pt-BR')).toMatchObject({ icon: 'attention', tooltip: 'Recado\nPrecisa de atenção: 1 aviso parado (o modelo virou Marketing)', openTemplates: 'Ver avisos parados em Modelos de mensagem' });
    // None held (or accepted as Marketing): no line, no menu item.
    const none = trayView({ dispatch: dispatch({}), tunnel: { state: 'online' }, heldEvents: 0 }, 'pt-BR');
    expect(none).toEqual({ icon: 'sending', tooltip: 'Recado — enviando', toggle: { action: 'pause', label: 'Pausar envios' }, sendNow: 'Enviar agora' });
    expect('openTemplates' in none).toBe(false);
  });
});
