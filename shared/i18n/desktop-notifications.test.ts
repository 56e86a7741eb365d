import { describe, expect, it } from 'vitest';
import { DISPATCH_PAUSE_REASONS } from '../domain/dispatch-reasons';
import { desktopNotificationText, notifyEn, notifyPtBR } from './desktop-notifications';

describe('desktop notification texts', () => {
  it('name every reason the dispatcher can pause for by itself, in both languages', () => {
    for (const reason of DISPATCH_PAUSE_REASONS.filter((r) => r !== 'user')) {
      expect(notifyPtBR.dispatchPaused[reason], reason).toBeTruthy();
      expect(notifyEn.dispatchPaused[reason], reason).toBeTruthy();
    }
  });

  it('resolve keys as the dispatcher emits them, falling back for unknown reasons', () => {
    expect(desktopNotificationText('pt-BR', 'notify.dispatchPaused.title')).toBe('Recado pausou os envios');
    expect(desktopNotificationText('en', 'notify.dispatchPaused.auth')).toContain('access token');
    expect(desktopNotificationText('pt-BR', 'notify.dispatchPaused.something_new')).toBe(notifyPtBR.dispatchPaused.fallback);
  });

  it('word a held event (template moved to Marketing) by its name in the owner\'s language, with the template', () => {
    const params = { template: 'pedido_confirmado', event: 'order_placed' };
    expect(desktopNotificationText('pt-BR', 'notify.marketingHold.title')).toBe('Recado segurou um tipo de aviso');
    const pt = desktopNotificationText('pt-BR', 'notify.marketingHold.order_placed', params);
    expect(pt).toContain('“Pedido realizado”');
    expect(pt).toContain('pedido_confirmado');
    expect(pt).toContain('de Utilidade para Marketing');
    expect(pt).not.toContain('order_placed');
    expect(desktopNotificationText('en', 'notify.marketingHold.refund_issued', params)).toContain('“Refund issued”');
  });
});
