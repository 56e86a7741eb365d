import type { TemplateMapping } from '../settings/templates';
import type { KnownTemplate } from './template-check';

/**
 * The dry run's warning that a message would write the order's amount as reais when the order is
 * in another currency: a template whose fixed text says "R$ {{3}}" turns a USD order's 218,90 into
 * "R$ 218,90". Meta would accept it, so it is a warning, not a `TemplateProblem`.
 */
export interface CurrencyWarning {
  kind: 'currency_symbol';
  /** Where the fixed "R$" is: the synced template's header or body, a fixed parameter, or the preview/plain text. */
  where: 'header' | 'body' | 'param' | 'previewText';
  /** The fixed parameter's placeholder name (`3`, `total`), for `param`. */
  param: string | null;
  /** The order's currency (`USD`). */
  currency: string;
}

const SAYS_REAIS = /R\$/;

/**
 * Every fixed text of this send that says "R$" while the order is not in BRL: the synced
 * template's header and body (Meta's fixed text), the mapping's fixed parameters, and the preview
 * text when no synced template is known (it then stands for the template's body). Empty for a BRL
 * order.
 */
export function currencySymbolWarnings(orderCurrency: string, mapping: TemplateMapping, template: KnownTemplate | undefined): CurrencyWarning[] {
  if (orderCurrency === 'BRL') return [];
  const warnings: CurrencyWarning[] = [];
  const warn = (where: CurrencyWarning['where'], param: string | null = null) => warnings.push({ kind: 'currency_symbol', where, param, currency: orderCurrency });
  const fixedText = (type: string) => template?.components.find((c) => c.type.toUpperCase() === type)?.text;
  if (SAYS_REAIS.test(fixedText('HEADER') ?? '')) warn('header');
  if (template) {
    if (SAYS_REAIS.test(fixedText('BODY') ?? '')) warn('body');
  } else if (SAYS_REAIS.test(mapping.previewText)) {
    warn('previewText');
  }
  const params = [...(mapping.header.kind === 'text' ? mapping.header.params : []), ...mapping.body, ...mapping.buttons.map((b) => b.param)];
  for (const p of params) if (p.value.kind === 'text' && SAYS_REAIS.test(p.value.text)) warn('param', p.name);
  return warnings;
}
