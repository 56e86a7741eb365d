/**
 * English: the second language, assembled like `pt-BR.ts` from `<feature>.en.ts` files, each typed
 * `SameShape<typeof xPtBR>`, so a missing or extra key fails the compiler (and `locales.test.ts`).
 */
import type { SameShape } from './same-shape';
import type { Translation } from './pt-BR';
import { notifyEn } from '../../../../shared/i18n/desktop-notifications';
import { blacklistEn } from './blacklist.en';
import { credentialsEn } from './credentials.en';
import { csvEn } from './csv.en';
import { dispatchEn } from './dispatch.en';
import { doctorEn } from './doctor.en';
import { eventsEn } from './events.en';
import { logEn } from './log.en';
import { metaEn } from './meta.en';
import { ordersEn } from './orders.en';
import { shellEn } from './shell.en';
import { statusEn } from './status.en';
import { templatesEn } from './templates.en';
import { toolsEn } from './tools.en';
import { trackingEn } from './tracking.en';
import { validationEn } from './validation.en';
import { webhookEn } from './webhook.en';
import { wizardEn } from './wizard.en';
import { wooEn } from './woo.en';

export const en: SameShape<Translation> = {
  /** The shell's words (app, nav, unsaved, common, preferences, errors). */
  ...shellEn,
  /** Meta's vocabulary shown on several screens (meta, metaValue, pricing, graphVersion). */
  ...metaEn,
  validation: validationEn,
  status: statusEn,
  credentials: credentialsEn,
  events: eventsEn,
  templates: templatesEn,
  dispatch: dispatchEn,
  webhook: webhookEn,
  tracking: trackingEn,
  log: logEn,
  blacklist: blacklistEn,
  orders: ordersEn,
  woo: wooEn,
  csv: csvEn,
  tools: toolsEn,
  doctor: doctorEn,
  wizard: wizardEn,
  /** The desktop notifications' texts (the main process shows them), written once in shared/. */
  notify: notifyEn,
};
