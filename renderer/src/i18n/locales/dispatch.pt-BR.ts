import type { DispatchReason } from '../../../../shared/domain/dispatch-reasons';

/** Why a notification was not sent or failed, one sentence per reason the core can store. */
const reasons: Record<DispatchReason, string> = {
  superseded: 'Não enviada: já havia um aviso mais recente deste pedido.',
  outside_lookback: 'O evento é mais antigo que a janela de busca (Envio e anti-bloqueio).',
  event_disabled: 'Este tipo de aviso está desligado em Eventos de notificação.',
  order_missing: 'O pedido não existe mais no Recado.',
  no_phone: 'O pedido não tem o telefone do cliente.',
  invalid_phone: 'O telefone do pedido não é um celular válido para o WhatsApp.',
  blacklisted: 'Número na lista de bloqueio.',
  no_template: 'Nenhum modelo associado e nenhum texto para enviar. Configure em Modelos de mensagem.',
  window_closed_no_template: 'Fora da janela de 24 horas e sem modelo mapeado. Associe um modelo aprovado a este evento em Modelos de mensagem.',
  invalid_currency: 'A moeda do pedido não é um código de moeda válido (ex.: BRL, USD), então o valor não pode ser escrito. Corrija o pedido e use Reenviar.',
  render_failed: 'Não foi possível montar a mensagem deste pedido. Os outros pedidos seguiram normalmente; corrija o pedido e use Reenviar.',
  retries_exhausted: 'A Meta ficou instável em todas as tentativas. Use Reenviar quando ela normalizar.',
  timeout: 'A Meta não respondeu a tempo. A mensagem pode ter chegado: confira com o cliente antes de reenviar.',
  invalid_response: 'A Meta respondeu de um jeito inesperado. A mensagem pode ter chegado: confira antes de reenviar.',
  internal_error: 'Erro interno do Recado durante o envio. A mensagem pode ter chegado; os detalhes estão no arquivo de log.',
  interrupted: 'O Recado foi fechado durante o envio. A mensagem pode ter chegado: confira antes de reenviar.',
  held_marketing: 'Retida: o modelo deste evento virou Marketing na Meta. Escolha outro modelo ou aceite Marketing em Modelos de mensagem.',
  auth: 'O token de acesso expirou ou é inválido. Salve um token permanente em Credenciais da API.',
  permission: 'O token não tem permissão para esta conta do WhatsApp. Ajuste as permissões do Usuário do Sistema.',
  invalid_request: 'A Meta recusou a mensagem como inválida. Confira o modelo e as credenciais.',
  template: 'O modelo não existe, não foi aprovado ou os parâmetros não batem. Confira em Modelos de mensagem.',
  registration: 'O número da loja não está registrado na API. Use Ferramentas → Registrar telefone.',
  test_number: 'Número de teste da Meta: o cliente não está na lista de números permitidos.',
  rate_limit: 'A Meta pediu para diminuir o ritmo. O Recado tenta de novo sozinho.',
  server: 'A Meta está instável. O Recado tenta de novo sozinho.',
  not_on_whatsapp: 'Este número não tem WhatsApp (ou o aplicativo do cliente está desatualizado).',
  recipient_blocked: 'O cliente bloqueou as mensagens da loja.',
  recipient_id_refused: 'A Meta recusou o identificador do cliente (ID de usuário da empresa) para este tipo de mensagem (erro 131062). O número não foi bloqueado.',
  marketing_opt_out: 'O cliente parou de receber mensagens de marketing.',
  marketing_cap: 'A Meta limitou as mensagens de marketing para este cliente. Nova tentativa em 24 horas.',
  outside_window: 'Fora da janela de 24 horas: só um modelo aprovado pode ser enviado.',
  experiment: 'A Meta não entregou por causa de um teste interno dela.',
  policy: 'Bloqueado por política da Meta. Veja os avisos no Gerenciador do WhatsApp.',
  account_locked: 'A conta do WhatsApp Business está bloqueada. Veja o Gerenciador do WhatsApp.',
  payment: 'Há um problema com a forma de pagamento da conta na Meta.',
  quality: 'A qualidade do número caiu e a Meta limitou os envios.',
  unknown: 'A Meta recusou por um motivo desconhecido. Veja a mensagem da Meta nos detalhes.',
};

/**
 * Dispatch: its settings screen, the Status screen's dispatch card (`dispatch.card`), and why a
 * message was not sent (`dispatch.reason.<DispatchReason>`, `dispatch.reasonDetail`, also emitted
 * by the core). The pause texts of the desktop notifications live in shared/i18n/desktop-
 * notifications.ts. (pt-BR, the reference).
 */
export const dispatchPtBR = {
  title: 'Envio e anti-bloqueio',
  subtitle: 'Configure o ritmo da fila de mensagens para evitar limites de envio',
  warning: 'O WhatsApp impõe limites de envio. Mandar muitas mensagens rápido demais pode causar bloqueios temporários ou permanentes. O atraso aleatório entre mensagens ajuda a seguir as políticas antispam da Meta.',
  fields: {
    pollingIntervalSeconds: {
      label: 'Intervalo de verificação (segundos)',
      help: 'A cada quanto tempo o Recado procura novas notificações',
      hint: 'Padrão: 300 s (5 minutos). Faixa: 60 s – 3600 s',
    },
    minDelaySeconds: {
      label: 'Atraso mínimo entre envios (s)',
      help: 'Menor atraso aleatório entre mensagens',
    },
    maxDelaySeconds: {
      label: 'Atraso máximo entre envios (s)',
      help: 'Maior atraso aleatório entre mensagens',
    },
    delayHint: 'Cada mensagem espera um tempo aleatório entre o mínimo e o máximo',
    maxPerBatch: {
      label: 'Máximo de mensagens por lote',
      help: 'Limite por execução agendada',
    },
    lookbackDays: {
      label: 'Janela de busca (dias)',
      help: 'Até quantos dias atrás procurar notificações não enviadas',
    },
    enabled: {
      label: 'Ativar envios',
      help: 'Liga e desliga todas as notificações',
    },
  },
  active: 'Ativo — as mensagens estão sendo enviadas',
  paused: 'Pausado — nenhuma mensagem será enviada; a fila é mantida',
  card: {
    title: 'Envios',
    state: {
      running: 'Enviando',
      paused: 'Pausado por você',
      errorPaused: 'Pausado: erro no Recado',
      metaPaused: 'Pausado: a Meta recusou os envios',
      disabled: 'Desligado no interruptor geral',
      stopped: 'Parado',
    },
    hint: {
      running: 'As mensagens saem no ritmo definido em Envio e anti-bloqueio.',
      paused: 'Nenhuma mensagem sai até você clicar em Retomar. A fila é mantida.',
      errorPaused: 'Depois de resolver, clique em Retomar para tentar de novo. A fila é mantida.',
      metaPaused: 'Depois de corrigir, clique em Retomar. A fila é mantida.',
      disabled: 'Ligue “Ativar envios” em Envio e anti-bloqueio para voltar a enviar. A fila é mantida.',
      stopped: 'O envio ainda não começou.',
    },
    errorDetail: 'Detalhe técnico: {{text}}',
    oldest: 'A mais antiga espera há {{time}}',
    metaCode: 'Código da Meta: {{code}}',
    pausedAt: 'Pausado {{when}}',
    queue: 'Na fila: {{count, number}}',
    nextDispatch: 'Próximo envio em {{time}}',
    nextDispatchSoon: 'Próximo envio em instantes',
    working: 'Verificando pedidos e enviando…',
    countdown: {
      hours: '{{h}} h {{m}} min',
      minutes: '{{m}} min {{s}} s',
      seconds: '{{s}} s',
    },
    pause: 'Pausar',
    resume: 'Retomar',
    sendNow: 'Enviar agora',
    sendNowHint: 'Procura pedidos novos e envia a fila agora, sem esperar o próximo horário.',
    pausedDone: 'Envios pausados. A fila é mantida.',
    resumedDone: 'Envios retomados.',
    sendNowDone: 'Verificando pedidos e enviando a fila agora.',
  },
  reason: reasons,
  /** The detail the dispatcher keeps next to some reasons (`notifications.error` of a skipped row). */
  reasonDetail: {
    blacklisted: 'Motivo do bloqueio: {{text}}',
    superseded: 'Aviso mais recente: {{event}}',
  },
};
