import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { toFieldIssues } from '../../../shared/contract';
import { webhookSettingsSchema } from '../../../shared/settings/webhook';
import { createOrderSchema } from '../../../shared/contract/methods/orders';
import { en } from '../i18n/locales/en';
import { ptBR } from '../i18n/locales/pt-BR';
import { fieldErrors, translateIssue } from './contract-form';

beforeAll(async () => {
  await i18next.init({ resources: { 'pt-BR': { translation: ptBR }, en: { translation: en } }, lng: 'pt-BR', interpolation: { escapeValue: false } });
});

const errorsOf = (schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, values: Record<string, unknown>) => {
  const result = schema.safeParse(values);
  if (result.success) return {};
  return fieldErrors(toFieldIssues(result.error as Parameters<typeof toFieldIssues>[0]), values, i18next.t);
};

describe('form errors at the field the owner sees', () => {
  it('an opt-out word that is too long shows at the words field, naming the word', () => {
    const long = 'x'.repeat(61);
    const errors = errorsOf(webhookSettingsSchema, { port: 0, optOutKeywords: ['parar', long], optOutButtonPayloads: [] });
    expect(Object.keys(errors)).toEqual(['optOutKeywords']);
    expect(errors.optOutKeywords).toContain('“xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…”');
    expect(errors.optOutKeywords).toContain('(máximo 60 caracteres)');
  });

  it('limits read as numbers in the language, and amounts in centavos as money', async () => {
    expect(translateIssue({ path: 'n', key: 'validation.too_big', params: { maximum: 1_000_000_000_000 } }, i18next.t)).toBe('Valor muito grande (máximo 1.000.000.000.000).');
    expect(errorsOf(createOrderSchema, { number: '1', customerName: 'Ana', phone: '', totalMinor: 20_000_000_000 }).totalMinor).toBe('Valor alto demais para um pedido (máximo R$\u00a0100.000.000,00). Confira os zeros e a vírgula.');
    await i18next.changeLanguage('en');
    expect(translateIssue({ path: 'n', key: 'validation.too_big', params: { maximum: 1_000_000_000_000 } }, i18next.t)).toBe('Value too large (maximum 1,000,000,000,000).');
    await i18next.changeLanguage('pt-BR');
  });

  it('a negative total is refused in words', () => {
    expect(errorsOf(createOrderSchema, { number: '1', customerName: 'Ana', phone: '', totalMinor: -1000 }).totalMinor).toBe('O valor não pode ser negativo.');
  });
});
