/**
 * A notice whose template Meta moved from Utilidade to Marketing (`template_category_update`): held
 * in the queue until the owner chooses a way out. Shown on Status, Eventos and Modelos. Spread into
 * `pt-BR.ts`; `marketing-hold.en.ts` has the same keys.
 */
export const marketingHoldPtBR = {
  marketingHold: {
    title: 'Aviso “{{event}}” parado: o modelo virou Marketing',
    why: 'A Meta mudou a categoria deste modelo de {{previous}} para {{category}}. O Recado parou de enviar este aviso para não pagar, sem você saber, o preço de Marketing: no Brasil uma mensagem de Marketing custa cerca de 9 vezes uma de Utilidade, e a Meta limita quantas o cliente recebe. Os outros avisos continuam saindo normalmente.',
    template: 'Modelo',
    waiting_one: '{{count, number}} notificação espera na fila; nenhuma foi perdida.',
    waiting_other: '{{count, number}} notificações esperam na fila; nenhuma foi perdida.',
    waysOut: 'Para voltar a enviar, escolha uma saída:',
    fix: 'Escolher outro modelo ou reenviar este como Utilidade',
    fixHelp: 'Em Modelos de mensagem, associe a este aviso um modelo de Utilidade, ou edite o texto do modelo na Meta (sem promoções) e envie de novo como Utilidade; depois clique em Sincronizar modelos.',
    accept: 'Aceitar Marketing para este aviso',
    acceptConfirmTitle: 'Enviar “{{event}}” como Marketing?',
    acceptConfirm: 'Cada mensagem deste aviso passa a custar cerca de 9 vezes o preço de Utilidade no Brasil, e a Meta pode deixar de entregá-la a clientes que recusaram mensagens de Marketing. As notificações na fila saem em seguida.',
    acceptConfirmButton: 'Aceitar e enviar',
    accepted: 'Marketing aceito para “{{event}}”: as notificações na fila vão sair.',
    acceptedNote: 'O modelo deste aviso é de Marketing (antes: {{previous}}). Você aceitou enviar como Marketing em {{when}}.',
    undo: 'Desfazer aceite',
    undone: 'Aceite desfeito: o aviso “{{event}}” volta a ficar parado.',
    notMarketing: 'O modelo deste aviso não é de Marketing: não há o que aceitar.',
    previous: 'antes: {{category}}',
    unknownCategory: 'outra categoria',
  },
};
