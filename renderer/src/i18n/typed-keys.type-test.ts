/**
 * Compile-time probes of the typed keys, checked by `tsc -p renderer` and never run: each
 * `@ts-expect-error` line must fail to compile, so if a wrong key were ever accepted again (the
 * i18next augmentation lost, `strictKeyChecks` turned off, the English shape loosened) the unused
 * directive itself fails the type check.
 */
import i18next from 'i18next';
import type { OrderEvent } from '../../../shared/domain/order-events';
import { textIn } from './keys';
import type { SameShape } from './locales/same-shape';
import type { ptBR } from './locales/pt-BR';
import './typed-keys';

export function typedKeyProbes(event: OrderEvent, code: string): unknown[] {
  const { t } = i18next;
  return [
    t('orders.title'),
    t('orders.refused.times', { count: 2 }),
    t(`events.items.${event}.label`),
    textIn(t, 'meta.problem', code),
    // @ts-expect-error a key the locales do not have
    t('orders.noSuchKey'),
    // @ts-expect-error a defaultValue does not excuse a missing key
    t('orders.noSuchKey', { defaultValue: 'x' }),
    // @ts-expect-error an old block name, merged into `orders`
    t('ordersScreen.title'),
    // @ts-expect-error a key built from a typed union is checked for every member
    t(`events.items.${event}.name`),
    // @ts-expect-error a code from outside cannot be pasted into a key: it goes through textIn
    t(`meta.problem.${code}`),
    // @ts-expect-error textIn's group is checked
    textIn(t, 'meta.noSuchGroup', code),
  ];
}

// @ts-expect-error an English tree missing a key of the pt-BR reference fails
export const englishMissingAKey: SameShape<Pick<typeof ptBR, 'app'>> = { app: { name: 'Recado', tagline: 'WhatsApp order notifications' } };
