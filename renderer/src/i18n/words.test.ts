import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { CSV_FIELDS } from '../../../shared/domain/csv-fields';
import { resources } from './index';

/** A real i18next with the app's bundles and options, as the renderer starts it. */
async function translator(language: 'pt-BR' | 'en') {
  const instance = i18next.createInstance();
  await instance.init({ resources, lng: language, fallbackLng: 'pt-BR', interpolation: { escapeValue: false }, returnNull: false });
  return instance.t;
}

describe('words on screen', () => {
  it('names a required CSV column in words, never by its code', async () => {
    const t = await translator('pt-BR');
    expect(t('csv.required', { field: 'number' })).toBe('Campo obrigatório vazio: Nº do pedido.');
    for (const field of CSV_FIELDS) {
      expect(t('csv.required', { field })).not.toContain(field);
      expect(t('csv.mappingRequired', { field })).not.toContain(field);
    }
    expect((await translator('en'))('csv.required', { field: 'customerName' })).toBe('Required field is empty: Customer.');
  });

  it('says one in the singular and many in the plural, with numbers through Intl', async () => {
    const t = await translator('pt-BR');
    expect(t('logScreen.showing', { count: 1, from: '1', to: '1', total: '1' })).toBe('Mostrando 1–1 de 1 registro');
    expect(t('logScreen.showing', { count: 1234, from: '1', to: '50', total: '1.234' })).toBe('Mostrando 1–50 de 1.234 registros');
    expect(t('csvImport.importValid', { count: 1 })).toBe('Importar 1 linha válida');
    expect(t('csvImport.importValid', { count: 1234 })).toBe('Importar 1.234 linhas válidas');
    expect(t('templates.sync.count', { count: 1 })).toBe('1 modelo recebido da Meta.');
    expect(t('csvImport.done', { created: 1, updated: 0, errors: 1200 })).toBe('Pedidos criados: 1. Atualizados: 0. Linhas ignoradas por erro: 1.200.');
    expect((await translator('en'))('csvImport.importValid', { count: 1234 })).toBe('Import 1,234 valid rows');
  });
});
