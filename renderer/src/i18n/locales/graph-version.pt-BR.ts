/** The Status notice about the configured Graph API version's end date. Spread into `pt-BR.ts`. */
export const graphVersionPtBR = {
  graphVersion: {
    expiringTitle: 'A versão da API da Meta vai parar de funcionar',
    expiring: 'A Meta deixa de atender a versão {{version}} da Graph API em {{date, datetime(day: 2-digit; month: 2-digit; year: numeric; timeZone: UTC)}}. Antes disso, mude para a {{newest}} em Credenciais da API (ou use a correção do Diagnóstico); senão os envios param.',
    expiredTitle: 'A versão da API da Meta não funciona mais',
    expired: 'A Meta deixou de atender a versão {{version}} da Graph API em {{date, datetime(day: 2-digit; month: 2-digit; year: numeric; timeZone: UTC)}}. Mude para a {{newest}} em Credenciais da API (ou use a correção do Diagnóstico).',
    retired: 'A Meta não atende mais a versão {{version}} da Graph API. Mude para a {{newest}} em Credenciais da API (ou use a correção do Diagnóstico).',
    openCredentials: 'Abrir Credenciais da API',
  },
};
