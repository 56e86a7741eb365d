/**
 * Meta's enum values in the owner's words (`metaValue.<field>.<VALUE>`, shown by
 * features/common/meta-words.tsx with the code in a tooltip). Spread into `pt-BR.ts`.
 */
export const valuesPtBR = {
  metaValue: {
    unknown: 'Outro valor da Meta',
    status: {
      CONNECTED: 'Conectado',
      PENDING: 'Pendente',
      DISCONNECTED: 'Desconectado',
      FLAGGED: 'Sinalizado pela Meta',
      RESTRICTED: 'Restrito',
      BANNED: 'Banido',
      DELETED: 'Excluído',
      MIGRATED: 'Migrado',
      RATE_LIMITED: 'Limitado por excesso de envios',
      UNVERIFIED: 'Não verificado',
      UNKNOWN: 'Desconhecido',
    },
    quality: { GREEN: 'Alta (verde)', YELLOW: 'Média (amarela)', RED: 'Baixa (vermelha)', UNKNOWN: 'Ainda sem avaliação', NA: 'Ainda sem avaliação' },
    nameStatus: {
      APPROVED: 'Aprovado',
      AVAILABLE_WITHOUT_REVIEW: 'Disponível sem revisão',
      PENDING_REVIEW: 'Em revisão',
      DECLINED: 'Recusado',
      EXPIRED: 'Expirado',
      NON_EXISTS: 'Sem nome de exibição',
      NONE: 'Sem nome de exibição',
    },
    codeVerification: { VERIFIED: 'Verificado', NOT_VERIFIED: 'Não verificado', EXPIRED: 'Verificação expirada' },
    platform: { CLOUD_API: 'API de nuvem da Meta', ON_PREMISE: 'API local (servidor próprio)', NOT_APPLICABLE: 'Não se aplica' },
    throughput: { STANDARD: 'Padrão (até 80 mensagens por segundo)', HIGH: 'Alta (até 1.000 mensagens por segundo)', NOT_APPLICABLE: 'Não se aplica' },
    limit: {
      TIER_50: 'Até 50 clientes por dia',
      TIER_250: 'Até 250 clientes por dia',
      TIER_1K: 'Até 1.000 clientes por dia',
      TIER_2K: 'Até 2.000 clientes por dia',
      TIER_10K: 'Até 10.000 clientes por dia',
      TIER_100K: 'Até 100.000 clientes por dia',
      TIER_UNLIMITED: 'Sem limite diário',
    },
    accountMode: { LIVE: 'Em produção', SANDBOX: 'De teste (desenvolvimento)' },
    tokenType: { SYSTEM_USER: 'Usuário do sistema', USER: 'Usuário pessoal', PAGE: 'Página', APP: 'Aplicativo' },
    scope: {
      whatsapp_business_messaging: 'enviar mensagens',
      whatsapp_business_management: 'gerenciar a conta do WhatsApp Business',
      business_management: 'gerenciar o portfólio empresarial',
      whatsapp_business_manage_events: 'registrar eventos de conversão',
    },
    pricingCategory: {
      utility: 'Utilidade',
      marketing: 'Marketing',
      marketing_lite: 'Marketing (leve)',
      authentication: 'Autenticação',
      authentication_international: 'Autenticação internacional',
      service: 'Atendimento',
      referral_conversion: 'Conversa iniciada por anúncio',
    },
  },
};
