import type { DispatchState } from '../contract/methods/dispatch';
import type { TunnelState } from '../contract/methods/tunnel';

/**
 * The tray menu's words (the main process has no i18next, like desktop-notifications.ts) and what
 * the tray shows for the core's state: the owner checks "is it sending?" at a glance (three icons)
 * and pauses or sends now without opening the window.
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
  /** Appended while sending runs: when the next batch goes. */
  next: (time: string) => string;
  attention: Record<TrayAttention, string>;
  /** A line of the tooltip while notices are held because Meta moved their template to Marketing. */
  held: (count: number) => string;
  /** The menu item that opens the Templates screen, where the owner lets the held notices go. */
  openTemplates: string;
  /** The notice shown the first time the window is closed. */
  closedNotice: { title: string; body: string };
}

/** Why the tray asks for attention. */
export type TrayAttention = 'meta_pause' | 'tunnel_offline' | 'dispatcher_failure';
/** The three tray icons (build/tray-<icon>.png). */
export type TrayIcon = 'sending' | 'paused' | 'attention';

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
  next: (time) => `próximo envio às ${time}`,
  attention: {
    meta_pause: 'Precisa de atenção: a Meta fez os envios pararem',
    tunnel_offline: 'Precisa de atenção: o túnel está offline (a Meta não alcança o Recado)',
    dispatcher_failure: 'Precisa de atenção: o envio automático falhou',
  },
  held: (count) => (count === 1 ? 'Precisa de atenção: 1 aviso parado (o modelo virou Marketing)' : `Precisa de atenção: ${count} avisos parados (os modelos viraram Marketing)`),
  openTemplates: 'Ver avisos parados em Modelos de mensagem',
  closedNotice: {
    title: 'O Recado continua enviando',
    body: 'A janela foi fechada, mas o Recado segue na bandeja do sistema. Para sair de verdade, clique no ícone da bandeja e escolha “Sair”.',
  },
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
  next: (time) => `next send at ${time}`,
  attention: {
    meta_pause: 'Needs attention: Meta made sending stop',
    tunnel_offline: 'Needs attention: the tunnel is offline (Meta cannot reach Recado)',
    dispatcher_failure: 'Needs attention: automatic sending failed',
  },
  held: (count) => (count === 1 ? 'Needs attention: 1 notice held (its template became Marketing)' : `Needs attention: ${count} notices held (their templates became Marketing)`),
  openTemplates: 'See held notices in Message templates',
  closedNotice: {
    title: 'Recado keeps sending',
    body: 'The window is closed, but Recado goes on in the system tray. To really quit, click the tray icon and choose “Quit”.',
  },
};

export function trayTexts(language: string): TrayTexts {
  return language === 'en' ? trayEn : trayPtBR;
}

/**
 * What the tray is shown from: the dispatcher's and the tunnel's states (null until known), and
 * how many events are held because Meta moved their template to MARKETING (absent: none known).
 */
export interface TrayInput {
  dispatch: Pick<DispatchState, 'state' | 'queueSize' | 'pause' | 'nextDispatchAt' | 'failure'> | null;
  tunnel: Pick<TunnelState, 'state'> | null;
  heldEvents?: number;
}

export interface TrayView {
  icon: TrayIcon;
  tooltip: string;
  /** The one dispatch action that makes sense now; null while the master switch is off or starting. */
  toggle: { action: 'pause' | 'resume'; label: string } | null;
  /** "Send now" only while sending runs. */
  sendNow: string | null;
  /** While events are held: the menu item that opens the Templates screen (absent otherwise). */
  openTemplates?: string;
}

/** The first reason the owner must look, or null: a pause Meta (or missing setup) caused, the tunnel offline, a failed run. */
export function trayAttention(input: TrayInput): TrayAttention | null {
  const dispatch = input.dispatch;
  // A run that failed in Recado itself pauses too (kind `error`): that is not Meta's doing.
  if (dispatch?.state === 'paused' && dispatch.pause?.kind === 'error') return 'dispatcher_failure';
  if (dispatch?.state === 'paused' && dispatch.pause && dispatch.pause.kind !== 'user') return 'meta_pause';
  if (input.tunnel?.state === 'offline') return 'tunnel_offline';
  if (dispatch?.failure) return 'dispatcher_failure';
  return null;
}

/** What the tray shows for this state, in this language; `timeZone` only for tests. */
export function trayView(input: TrayInput, language: string, timeZone?: string): TrayView {
  const texts = trayTexts(language);
  const dispatch = input.dispatch;
  const attention = trayAttention(input);
  const held = input.heldEvents ?? 0;
  // Held notices wait for the owner's choice (Templates screen): the tray asks for attention.
  const heldLine = held > 0 ? `\n${texts.held(held)}` : '';
  const openTemplates = held > 0 ? { openTemplates: texts.openTemplates } : {};
  if (!dispatch) return { icon: attention || held > 0 ? 'attention' : 'paused', tooltip: `Recado${heldLine}`, toggle: null, sendNow: null, ...openTemplates };
  const parts = [`Recado — ${texts.state[dispatch.state]}`];
  if (dispatch.queueSize > 0) parts.push(texts.queue(dispatch.queueSize));
  if (dispatch.state === 'running' && dispatch.nextDispatchAt !== null) {
    const time = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', ...(timeZone ? { timeZone } : {}) }).format(dispatch.nextDispatchAt);
    parts.push(texts.next(time));
  }
  const tooltip = parts.join(' · ') + (attention ? `\n${texts.attention[attention]}` : '') + heldLine;
  return {
    icon: attention || held > 0 ? 'attention' : dispatch.state === 'running' ? 'sending' : 'paused',
    tooltip,
    toggle: dispatch.state === 'running' ? { action: 'pause', label: texts.pause } : dispatch.state === 'paused' ? { action: 'resume', label: texts.resume } : null,
    sendNow: dispatch.state === 'running' ? texts.sendNow : null,
    ...openTemplates,
  };
}
