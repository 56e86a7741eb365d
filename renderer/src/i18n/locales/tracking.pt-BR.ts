/**
 * The tracking URLs screen (features/tracking). (pt-BR, the reference).
 */
export const trackingPtBR = {
  title: 'URLs de rastreio',
  subtitle: 'Configure os links de rastreio enviados aos clientes para cada transportadora',
  defaultUrl: {
    label: 'URL de rastreio padrão',
    help: 'Usada quando a transportadora não está na tabela',
  },
  placeholderHint: 'Use {tracking} no lugar do código de rastreio',
  carriersTitle: 'URLs por transportadora',
  carrier: 'Transportadora',
  pattern: 'Padrão da URL de rastreio',
  actions: 'Ações',
  add: 'Adicionar transportadora',
  remove: 'Remover {{name}}',
  moveUp: 'Subir {{name}}',
  moveDown: 'Descer {{name}}',
  test: 'Testar',
  testHint: 'Abre o link com o código de exemplo {{code}}',
  newCarrier: 'Nova transportadora',
  empty: 'Nenhuma transportadora. Todos os códigos usarão a URL padrão.',
};
