import type { DispatchState } from '../contract/methods/dispatch';

/**
 * The tray menu's words (the main process has no i18next, like desktop-notifications.ts) and what
 * the tray shows for the dispatcher's state: the owner checks "is it sending?" and pauses or sends
 * now without opening the window.
 */
export interface TrayTexts {
  open: string;
  quit: string;
  pause: string;
  resume: string;
  sendNow: string;
  state: Record<DispatchState['state'], string>;
  /** Appended to the tooltip while notifications wait. */
  queue: (count: number) => string;
}

export const trayPtBR: TrayTexts = {
  open: 'Abrir o Recado',
  quit: 'Sair',
  pause: 'Pausar envios',
  resume: 'Retomar envios',
  sendNow: 'Enviar agora',
  state: {
    running: 'enviando',
    paused: 'envios pausados',
    disabled: 'envios desligados',
    stopped: 'iniciando',
  },
  queue: (count) => (count === 1 ? '1 mensagem pendente' : `${count} mensagens pendentes`),
};

export const trayEn: TrayTexts = {
  open: 'Open Recado',
  quit: 'Quit',
  pause: 'Pause sending',
  resume: 'Resume sending',
  sendNow: 'Send now',
  state: {
    running: 'sending',
    paused: 'sending paused',
    disabled: 'sending switched off',
    stopped: 'starting',
  },
  queue: (count) => (count === 1 ? '1 message pending' : `${count} messages pending`),
};

export function trayTexts(language: string): TrayTexts {
  return language === 'en' ? trayEn : trayPtBR;
}

export interface TrayView {
  tooltip: string;
  /** The one dispatch action that makes sense now; null while the master switch is off or starting. */
  toggle: { action: 'pause' | 'resume'; label: string } | null;
  /** "Send now" only while sending runs. */
  sendNow: string | null;
}

/** What the tray shows for this dispatcher state, in this language. */
export function trayView(state: Pick<DispatchState, 'state' | 'queueSize'> | null, language: string): TrayView {
  const texts = trayTexts(language);
  if (!state) return { tooltip: 'Recado', toggle: null, sendNow: null };
  const queue = state.queueSize > 0 ? ` · ${texts.queue(state.queueSize)}` : '';
  return {
    tooltip: `Recado — ${texts.state[state.state]}${queue}`,
    toggle: state.state === 'running' ? { action: 'pause', label: texts.pause } : state.state === 'paused' ? { action: 'resume', label: texts.resume } : null,
    sendNow: state.state === 'running' ? texts.sendNow : null,
  };
}
