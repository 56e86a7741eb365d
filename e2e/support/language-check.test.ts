import { describe, expect, it } from 'vitest';
import { englishOnlyFragments, languageProblems } from './language-check';

/** The checker of e2e/language.spec.ts must catch what issue 11 saw on screen, and nothing a Portuguese screen rightly shows. */
describe('languageProblems', () => {
  const fragments = englishOnlyFragments();

  it('takes the English bundle\'s own words, not the ones Portuguese shares', () => {
    expect(fragments).toContain('Message log');
    expect(fragments).not.toContain('Webhook');
    expect(fragments).not.toContain('WhatsApp');
  });

  it.each([
    ['Categoria: referral_conversion', 'snake_case'],
    ['CONNECTED', 'ALL_CAPS'],
    ['SYSTEM_USER', 'ALL_CAPS'],
    ['shipment_delivered', 'snake_case'],
    ['Modelo “pedido_enviado” · idioma pt_BR', 'snake_case'],
    ['Olá {{name}}', '"{{"'],
    ['Total: {{ total }}', '"}}"'],
    ['Total: undefined', '"undefined"'],
    ['R$ NaN', '"NaN"'],
    ['[object Object]', '"[object"'],
    ['0.75', 'pt-BR form'],
    ['Message log', 'English'],
    ['1 entries', 'English'],
  ])('flags %s', (text, kind) => {
    const problems = languageProblems([text], fragments);
    expect(problems.join('\n')).toContain(kind);
  });

  it.each([
    'Registro de mensagens',
    'R$ 1.234,56',
    '+55 11 98765-4321',
    'Responda PARAR para sair',
    'Exportar CSV',
    'Versão da API v23.0',
    'http://127.0.0.1:4010/webhook/whatsapp',
    'WooCommerce → Configurações → Avançado → API REST',
    'Olá {{1}}, seu pedido #{{2}} foi confirmado!',
  ])('lets %s through', (text) => {
    expect(languageProblems([text], fragments)).toEqual([]);
  });

  it('lets names the owner gave at Meta through, when they are named as such', () => {
    expect(languageProblems(['Modelo “pedido_enviado”'], fragments, ['pedido_enviado'])).toEqual([]);
  });
});
