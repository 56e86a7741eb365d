import type { MetaErrorReasonKey } from '../domain/meta-error-reasons';
import type { OrderEvent } from '../domain/order-events';

/**
 * Texts of the desktop notifications the Electron host shows (keys `notify.*`, as the core emits
 * them). They live in shared/ because the main process has no i18next; the renderer's locale
 * files spread the same objects, so each sentence is written once.
 */
type PauseTexts = { title: string } & Record<MetaErrorReasonKey | 'not_configured' | 'run_failed' | 'fallback', string>;
/** One event's notifications held because Meta moved its template to MARKETING (`notify.marketingHold.<event>`). */
type MarketingHoldTexts = { title: string; fallback: string } & Record<OrderEvent, string>;

const holdPtBR = (event: string) =>
  `A Meta mudou o modelo {{template}} do aviso “${event}” de Utilidade para Marketing (cerca de 9 vezes mais caro no Brasil). Esses avisos ficam na fila até você escolher outro modelo ou aceitar Marketing; veja em Status.`;
const holdEn = (event: string) =>
  `Meta moved the template {{template}} of the “${event}” notice from Utility to Marketing (about 9 times the price in Brazil). Those notices wait in the queue until you pick another template or accept Marketing; see Status.`;

export const notifyPtBR: { dispatchPaused: PauseTexts; marketingHold: MarketingHoldTexts } = {
  marketingHold: {
    title: 'Recado segurou um tipo de aviso',
    fallback: holdPtBR('deste evento'),
    order_placed: holdPtBR('Pedido realizado'),
    order_processing: holdPtBR('Pedido em processamento'),
    shipment_created: holdPtBR('Envio criado'),
    shipment_delivered: holdPtBR('Envio entregue'),
    order_cancelled: holdPtBR('Pedido cancelado'),
    refund_issued: holdPtBR('Reembolso emitido'),
  },
  dispatchPaused: {
    title: 'Recado pausou os envios',
    fallback: 'A Meta recusou os envios. Abra o Recado para ver o motivo; a fila está guardada.',
    not_configured: 'Falta o ID do número de telefone. Preencha em Credenciais da API; a fila está guardada.',
    run_failed:
      'Um erro no próprio Recado (banco de dados ou configurações) interrompeu os envios. A fila está guardada; veja o detalhe em Status e clique em Retomar para tentar de novo.',
    auth: 'O token de acesso expirou ou é inválido. Salve um token permanente em Credenciais da API; a fila está guardada.',
    permission: 'O token não tem permissão para esta conta. Ajuste as permissões do Usuário do Sistema; a fila está guardada.',
    invalid_request: 'A Meta recusou a mensagem como inválida. Confira os modelos e as credenciais; a fila está guardada.',
    template: 'Um modelo de mensagem não existe, não foi aprovado ou está com parâmetros errados. Confira em Modelos de mensagem.',
    registration: 'O número não está registrado na API. Use Ferramentas → Registrar número.',
    test_number: 'Número de teste: o cliente não está na lista de permitidos da Meta.',
    rate_limit: 'A Meta pediu para diminuir o ritmo. O Recado vai tentar de novo sozinho.',
    server: 'A Meta está instável. O Recado vai tentar de novo sozinho.',
    not_on_whatsapp: 'O número do cliente não tem WhatsApp.',
    recipient_blocked: 'O cliente bloqueou as mensagens da loja.',
    recipient_id_refused: 'A Meta recusou o identificador do cliente para este tipo de mensagem.',
    marketing_opt_out: 'O cliente parou de receber mensagens de marketing.',
    marketing_cap: 'A Meta limitou mensagens de marketing para este cliente por 24 horas.',
    outside_window: 'Fora da janela de 24 horas: é preciso um modelo aprovado.',
    experiment: 'A Meta não entregou por um teste interno dela.',
    policy: 'A conta foi restringida por violação de política. Veja o Gerenciador do WhatsApp.',
    account_locked: 'A conta do WhatsApp Business está bloqueada. Veja o Gerenciador do WhatsApp.',
    payment: 'Há um problema com a forma de pagamento da conta na Meta.',
    quality: 'A qualidade do número caiu e a Meta limitou os envios.',
    unknown: 'A Meta recusou os envios por um motivo desconhecido. Veja o registro do Recado.',
  },
};

export const notifyEn: { dispatchPaused: PauseTexts; marketingHold: MarketingHoldTexts } = {
  marketingHold: {
    title: 'Recado is holding one kind of notice',
    fallback: holdEn('this event'),
    order_placed: holdEn('Order placed'),
    order_processing: holdEn('Order processing'),
    shipment_created: holdEn('Shipment created'),
    shipment_delivered: holdEn('Shipment delivered'),
    order_cancelled: holdEn('Order cancelled'),
    refund_issued: holdEn('Refund issued'),
  },
  dispatchPaused: {
    title: 'Recado paused sending',
    fallback: 'Meta refused the messages. Open Recado to see why; the queue is kept.',
    not_configured: 'The phone number ID is missing. Fill it in under API credentials; the queue is kept.',
    run_failed: 'An error in Recado itself (database or settings) stopped sending. The queue is kept; see the detail on Status and click Resume to try again.',
    auth: 'The access token expired or is invalid. Save a permanent token in API credentials; the queue is kept.',
    permission: 'The token has no permission for this account. Fix the System User’s permissions; the queue is kept.',
    invalid_request: 'Meta refused the message as invalid. Check the templates and credentials; the queue is kept.',
    template: 'A message template does not exist, is not approved or has wrong parameters. Check Message templates.',
    registration: 'The number is not registered with the API. Use Tools → Register number.',
    test_number: 'Test number: the customer is not in Meta’s allowed list.',
    rate_limit: 'Meta asked to slow down. Recado will try again by itself.',
    server: 'Meta is unstable. Recado will try again by itself.',
    not_on_whatsapp: 'The customer’s number has no WhatsApp.',
    recipient_blocked: 'The customer blocked the shop’s messages.',
    recipient_id_refused: 'Meta refused the customer’s identifier for this kind of message.',
    marketing_opt_out: 'The customer stopped marketing messages.',
    marketing_cap: 'Meta capped marketing messages to this customer for 24 hours.',
    outside_window: 'Outside the 24-hour window: an approved template is needed.',
    experiment: 'Meta did not deliver because of an internal experiment.',
    policy: 'The account was restricted for a policy violation. See WhatsApp Manager.',
    account_locked: 'The WhatsApp Business account is locked. See WhatsApp Manager.',
    payment: 'There is a problem with the account’s payment method at Meta.',
    quality: 'The number’s quality dropped and Meta limited sending.',
    unknown: 'Meta refused the messages for an unknown reason. See Recado’s log.',
  },
};

/** Resolves a `notify.*` key with `{{param}}` interpolation; unknown keys fall back per group. */
export function desktopNotificationText(language: string, key: string, params: Record<string, string | number> = {}): string {
  const texts = language === 'en' ? notifyEn : notifyPtBR;
  const [, group, leaf] = key.split('.');
  const groupTexts = group === 'dispatchPaused' ? texts.dispatchPaused : group === 'marketingHold' ? texts.marketingHold : undefined;
  const raw = groupTexts ? ((groupTexts as Record<string, string>)[leaf ?? ''] ?? groupTexts.fallback) : key;
  return raw.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}
