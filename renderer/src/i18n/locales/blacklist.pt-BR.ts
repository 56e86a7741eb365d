/**
 * The blacklist screen (features/blacklist); the core emits `blacklist.alreadyBlocked` and
 * `blacklist.notFound`. (pt-BR, the reference).
 */
export const blacklistPtBR = {
  auto: {
    optedOut: 'O cliente pediu para sair (respondeu com uma palavra de descadastro).',
    meta: 'Bloqueado pela Meta (erro {{code}}): {{sentence}}',
  },
  title: 'Lista de bloqueio',
  count: '{{formatted}} números bloqueados',
  count_zero: 'Nenhum número bloqueado',
  count_one: '{{formatted}} número bloqueado',
  count_other: '{{formatted}} números bloqueados',
  explanation: 'Os números entram aqui automaticamente quando a API devolve um erro permanente (número inválido, cliente bloqueou, etc.) ou quando o cliente pede para sair. Você também pode adicionar números à mão para que nunca recebam notificações.',
  phone: 'Número',
  reason: 'Motivo',
  reasonPlaceholder: 'Ex.: cliente pediu para não receber mensagens',
  date: 'Data',
  add: 'Bloquear número',
  added: '{{phone}} foi bloqueado.',
  search: 'Buscar por número ou motivo',
  empty: 'Nenhum número bloqueado.',
  noMatch: 'Nenhum número encontrado com essa busca.',
  remove: 'Desbloquear',
  removeLabel: 'Desbloquear {{phone}}',
  removed: '{{phone}} voltará a receber notificações.',
  confirmTitle: 'Desbloquear número?',
  confirmText: '{{phone}} voltará a receber as notificações dos pedidos. Se o cliente pediu para sair, mantenha-o bloqueado.',
  alreadyBlocked: 'Este número já está na lista de bloqueio ({{reason}}).',
  notFound: 'Este número não está mais na lista. Recarregue a página.',
  matchedBy: 'Identificado por',
  phoneUnknown: 'Ainda desconhecido: bloqueia assim que a Meta informar o número',
  match: {
    phone: 'Número de telefone',
    bsuid: 'ID do cliente na Meta (a mensagem veio sem o número)',
    username: 'Nome de usuário {{username}} (a mensagem veio sem o número)',
    bsuidLabel: 'ID na Meta:',
  },
};
