import { describe, expect, it } from 'vitest';
import { trayView } from './tray';

describe('tray', () => {
  it('says whether Recado is sending, how many wait, and offers the action that fits', () => {
    expect(trayView({ state: 'running', queueSize: 3 }, 'pt-BR')).toEqual({
      tooltip: 'Recado — enviando · 3 mensagens pendentes',
      toggle: { action: 'pause', label: 'Pausar envios' },
      sendNow: 'Enviar agora',
    });
    expect(trayView({ state: 'paused', queueSize: 1 }, 'pt-BR')).toEqual({
      tooltip: 'Recado — envios pausados · 1 mensagem pendente',
      toggle: { action: 'resume', label: 'Retomar envios' },
      sendNow: null,
    });
    expect(trayView({ state: 'disabled', queueSize: 0 }, 'en')).toEqual({ tooltip: 'Recado — sending switched off', toggle: null, sendNow: null });
    expect(trayView(null, 'en')).toEqual({ tooltip: 'Recado', toggle: null, sendNow: null });
  });
});
