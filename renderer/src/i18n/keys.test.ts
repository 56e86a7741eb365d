import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { META_PROBLEMS } from '../../../shared/domain/meta-problems';
import { isTranslationKey, textIn, textOfKey } from './keys';
import { en } from './locales/en';
import { ptBR } from './locales/pt-BR';

async function translator(lng: 'pt-BR' | 'en') {
  const instance = i18next.createInstance();
  await instance.init({ resources: { 'pt-BR': { translation: ptBR }, en: { translation: en } }, lng, fallbackLng: 'pt-BR', interpolation: { escapeValue: false } });
  return instance.t;
}

describe('keys that come from outside the compiler', () => {
  it('knows each leaf and the base key of a counted text, and nothing else', () => {
    expect(isTranslationKey('orders.title')).toBe(true);
    expect(isTranslationKey('orders.refused.times_other')).toBe(true);
    expect(isTranslationKey('orders.refused.times')).toBe(true);
    expect(isTranslationKey('orders')).toBe(false);
    expect(isTranslationKey('ordersScreen.title')).toBe(false);
    expect(isTranslationKey('orders.title.extra')).toBe(false);
  });

  it('says a known code in words, with its params, and leaves an unknown one to the caller', async () => {
    const t = await translator('pt-BR');
    expect(textIn(t, 'meta.problem', META_PROBLEMS[0])).toBe(ptBR.meta.problem[META_PROBLEMS[0]]);
    expect(textIn(t, 'meta.problem', 'not_a_problem_meta_has')).toBeUndefined();
    expect(textOfKey(t, 'orders.numberTaken', { number: '1234' })).toBe(ptBR.orders.numberTaken.replace('{{number}}', '1234'));
    expect(textOfKey(t, 'orders.noSuchKey', { number: '1234' })).toBeUndefined();
    expect(textOfKey(t, 'orders.refused.times', { count: 1 })).toBe(ptBR.orders.refused.times_one.replace(/\{\{count[^}]*\}\}/, '1'));
  });

  it('answers in the language in use', async () => {
    const t = await translator('en');
    expect(textOfKey(t, 'woo.test.wrong_keys')).toBe(en.woo.test.wrong_keys);
  });
});
