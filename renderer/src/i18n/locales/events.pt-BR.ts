/**
 * The notification events screen (features/events) and each event's name (`events.items.<event>`).
 * (pt-BR, the reference).
 */
export const eventsPtBR = {
  refused: 'Ligado, mas a Meta recusaria o modelo deste aviso:',
  fixInTemplates: 'Ajustar em Modelos de mensagem',
  refusedCheckFailed: 'Não foi possível conferir se a Meta aceitaria os modelos dos avisos:',
  title: 'Eventos de notificação',
  subtitle: 'Escolha quais eventos de pedido enviam mensagens no WhatsApp',
  masterOff: 'Os envios estão pausados no interruptor geral. Os eventos ligados ficam na fila até você reativar.',
  saved: 'Evento atualizado',
  items: {
    order_placed: {
      label: 'Pedido realizado',
      help: 'Envia a confirmação quando um novo pedido é feito. Inclui número do pedido e total.',
    },
    order_processing: {
      label: 'Pedido em processamento',
      help: 'Avisa quando o pedido passa para processamento. Informa o prazo estimado.',
    },
    shipment_created: {
      label: 'Envio criado',
      help: 'Envia o código de rastreio e a transportadora quando um envio é criado para o pedido.',
    },
    shipment_delivered: {
      label: 'Envio entregue',
      help: 'Confirma a entrega quando o envio é marcado como entregue. Inclui a data da entrega.',
    },
    order_cancelled: {
      label: 'Pedido cancelado',
      help: 'Avisa o cliente quando o pedido é cancelado. Inclui o motivo do cancelamento.',
    },
    refund_issued: {
      label: 'Reembolso emitido',
      help: 'Envia uma notificação quando um reembolso é processado para o pedido.',
    },
  },
};
