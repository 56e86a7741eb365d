import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { OPT_OUT_REASON } from '../../../../shared/domain/opt-out';
import { resources } from '../../i18n';
import { blacklistReasonText } from './blacklist-reason';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ resources, lng: 'pt-BR', interpolation: { escapeValue: false } });
});

describe('blacklist reasons on screen', () => {
  it('automatic entries in the owner’s language; typed reasons as typed', async () => {
    const t = i18n.t.bind(i18n);
    expect(blacklistReasonText(OPT_OUT_REASON, t)).toBe('O cliente pediu para sair (respondeu com uma palavra de descadastro).');
    expect(blacklistReasonText('131026: Message undeliverable', t)).toBe(
      'Bloqueado pela Meta (erro 131026): Este número não tem WhatsApp (ou o aplicativo do cliente está desatualizado).',
    );
    // A code without a sentence of ours keeps Meta's title.
    expect(blacklistReasonText('131021: Recipient cannot be sender', t)).toBe('Bloqueado pela Meta (erro 131021): Recipient cannot be sender');
    expect(blacklistReasonText('Cliente pediu por telefone', t)).toBe('Cliente pediu por telefone');
    await i18n.changeLanguage('en');
    expect(blacklistReasonText(OPT_OUT_REASON, t)).toBe('The customer asked to stop (replied with an opt-out word).');
  });
});
