import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { resources } from './index';

/** A real i18next with the app's bundles and options, as the renderer starts it. */
async function translator(language: 'pt-BR' | 'en') {
  const instance = i18next.createInstance();
  await instance.init({ resources, lng: language, fallbackLng: 'pt-BR', interpolation: { escapeValue: false }, returnNull: false });
  return instance.t;
}

describe('words on screen', () => {
  it('says one in the singular and many in the plural, with numbers through Intl', async () => {
    const t = await translator('pt-BR');
    expect(t('log.showing', { count: 1, from: '1', to: '1', total: '1' })).toBe('Mostrando 1–1 de 1 registro');
    expect(t('log.showing', { count: 1234, from: '1', to: '50', total: '1.234' })).toBe('Mostrando 1–50 de 1.234 registros');
    expect(t('templates.sync.count', { count: 1 })).toBe('1 modelo recebido da Meta.');
    expect(t('orders.refused.times', { count: 1200 })).toBe('Recebido 1.200 vezes');
    expect((await translator('en'))('log.showing', { count: 1234, from: '1', to: '50', total: '1,234' })).toBe('Showing 1–50 of 1,234 entries');
  });
});
