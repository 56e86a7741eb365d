/** Meta's charge for a message and the Status cost card's rates per country. Spread into `pt-BR.ts`. */
export const pricingPtBR = {
  pricing: {
    charge: {
      charged: 'cobrada pela Meta',
      charged_in_window: 'cobrada pela Meta (desde 01/10/2026 a Meta cobra também dentro da janela de atendimento de 24 h)',
      free_customer_service: 'gratuita: dentro da janela de atendimento de 24 h',
      free_entry_point: 'gratuita: janela de entrada gratuita (o cliente chegou por anúncio ou botão do WhatsApp)',
      free: 'gratuita: a Meta informou que não é cobrada',
    },
    region: { BR: 'Brasil (+55)', other: 'Outros países' },
    country: 'País',
    free: 'Gratuitas',
    converted: 'Em reais: {{amount}} (cotação sua: {{rate}} por US$ 1)',
    ratesHint: 'Valores de tabela da Meta para o Brasil (jan/2026), em dólar. A Meta muda os valores a cada trimestre: ajuste aos da sua fatura.',
    conversion: 'Cotação do dólar (R$ por US$ 1)',
    conversionHelp: 'Opcional. Se preencher, o custo aparece também em reais.',
  },
};
