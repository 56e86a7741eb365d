/**
 * Portuguese (Brazil): the app's first language and the reference for every key, assembled from
 * one file per feature (`<feature>.pt-BR.ts`, whose block has the feature's name). `en.ts` must
 * have exactly the same keys (the compiler and `locales.test.ts` check it).
 */
import { notifyPtBR } from '../../../../shared/i18n/desktop-notifications';
import { blacklistPtBR } from './blacklist.pt-BR';
import { credentialsPtBR } from './credentials.pt-BR';
import { csvPtBR } from './csv.pt-BR';
import { dispatchPtBR } from './dispatch.pt-BR';
import { doctorPtBR } from './doctor.pt-BR';
import { eventsPtBR } from './events.pt-BR';
import { logPtBR } from './log.pt-BR';
import { metaPtBR } from './meta.pt-BR';
import { ordersPtBR } from './orders.pt-BR';
import { shellPtBR } from './shell.pt-BR';
import { statusPtBR } from './status.pt-BR';
import { templatesPtBR } from './templates.pt-BR';
import { toolsPtBR } from './tools.pt-BR';
import { trackingPtBR } from './tracking.pt-BR';
import { validationPtBR } from './validation.pt-BR';
import { webhookPtBR } from './webhook.pt-BR';
import { wizardPtBR } from './wizard.pt-BR';
import { wooPtBR } from './woo.pt-BR';

export const ptBR = {
  /** The shell's words (app, nav, unsaved, common, preferences, errors). */
  ...shellPtBR,
  /** Meta's vocabulary shown on several screens (meta, metaValue, pricing, graphVersion). */
  ...metaPtBR,
  validation: validationPtBR,
  status: statusPtBR,
  credentials: credentialsPtBR,
  events: eventsPtBR,
  templates: templatesPtBR,
  dispatch: dispatchPtBR,
  webhook: webhookPtBR,
  tracking: trackingPtBR,
  log: logPtBR,
  blacklist: blacklistPtBR,
  orders: ordersPtBR,
  woo: wooPtBR,
  csv: csvPtBR,
  tools: toolsPtBR,
  doctor: doctorPtBR,
  wizard: wizardPtBR,
  /** The desktop notifications' texts (the main process shows them), written once in shared/. */
  notify: notifyPtBR,
};

export type Translation = typeof ptBR;
