import { describe, expect, it } from 'vitest';
import type { TemplatePreview, TemplateSummary } from '../../../../shared/contract/methods/templates';
import { checkTemplateSend, type KnownComponent } from '../../../../shared/domain/template-check';
import { renderTemplate, sampleOrder } from '../../../../shared/domain/template-render';
import { DEFAULT_TEMPLATES_SETTINGS, type TemplateMapping } from '../../../../shared/settings/templates';
import { DEFAULT_TRACKING_SETTINGS } from '../../../../shared/settings/tracking';
import { bubbleContent } from './bubble-content';
import { fitMapping, mappingFitsShape, previewTextFor } from './mapping-fit';
import { explainProblem } from './problem-explanation';
import { templateShape } from './template-shape';
import { parseWhatsAppMarkup } from './whatsapp-markup';

const summary = (name: string, components: KnownComponent[], parameterFormat = 'POSITIONAL'): TemplateSummary => ({
  templateId: name,
  name,
  language: 'pt_BR',
  status: 'APPROVED',
  statusReason: null,
  previousCategory: null,
  category: 'UTILITY',
  parameterFormat,
  components,
  updatedAt: 0,
});

const NOTA = summary('nota_fiscal', [
  { type: 'HEADER', format: 'DOCUMENT' },
  { type: 'BODY', text: 'Olá {{1}}, segue a nota do pedido #{{2}}.' },
  { type: 'FOOTER', text: 'Loja Demonstração' },
  { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Parar' }, { type: 'URL', text: 'Ver pedido', url: 'https://loja.example/pedido/{{1}}' }] },
]);
const NAMED = summary('pronto_retirada', [{ type: 'HEADER', format: 'TEXT', text: 'Pedido {{order_number}}' }, { type: 'BODY', text: 'Oi {{first_name}}, retire em {{loja}}.' }], 'NAMED');

const ctx = { order: sampleOrder(Date.UTC(2026, 4, 28, 12)), event: 'order_placed' as const, subId: '', tracking: DEFAULT_TRACKING_SETTINGS, locale: 'pt-BR', timeZone: 'America/Sao_Paulo' };
const base = DEFAULT_TEMPLATES_SETTINGS.events.order_placed;

function previewOf(mapping: TemplateMapping): TemplatePreview {
  const r = renderTemplate(DEFAULT_TEMPLATES_SETTINGS, 'order_placed', ctx, mapping);
  return { event: 'order_placed', templateName: r.name, language: r.language, format: r.format, components: r.components, params: r.params, text: r.text, emptyParams: r.emptyParams, order: null, currency: ctx.order.currency };
}

describe('fitting a mapping to its template', () => {
  it('makes one row per header, body and URL-button parameter, keeping bindings by name', () => {
    const shape = templateShape(NOTA);
    const fitted = fitMapping({ ...base, templateName: 'nota_fiscal' }, shape, { previewText: true });
    expect(fitted.header).toEqual({ kind: 'media', format: 'document', link: '' });
    expect(fitted.body).toEqual(base.body.slice(0, 2));
    expect(fitted.buttons).toEqual([{ index: 1, param: { name: '1', value: { kind: 'text', text: '' } } }]);
    expect(fitted.previewText).toBe('Olá {{1}}, segue a nota do pedido #{{2}}.\n\nLoja Demonstração');
    expect(mappingFitsShape(fitted, shape)).toBe(true);
    expect(mappingFitsShape(base, shape)).toBe(false);
  });

  it('names rows of a named template after the order field they obviously mean', () => {
    const shape = templateShape(NAMED);
    const fitted = fitMapping(base, shape, { previewText: true });
    expect(fitted.header).toEqual({ kind: 'text', params: [{ name: 'order_number', value: { kind: 'field', field: 'order_number' } }] });
    expect(fitted.body.map((p) => [p.name, p.value])).toEqual([
      ['first_name', { kind: 'field', field: 'customer_first_name' }],
      ['loja', { kind: 'text', text: '' }],
    ]);
    expect(previewTextFor(shape)).toBe('*Pedido {{order_number}}*\n\nOi {{first_name}}, retire em {{loja}}.');
  });

  it('a fitted mapping passes the same check Meta applies; the unfitted one does not', () => {
    const shape = templateShape(NOTA);
    const fitted = fitMapping({ ...base, templateName: 'nota_fiscal' }, shape, { previewText: true });
    const withLink: TemplateMapping = { ...fitted, header: { kind: 'media', format: 'document', link: 'https://loja.example/n.pdf' } };
    const known = { ...NOTA, components: NOTA.components! };
    const check = (m: TemplateMapping) => checkTemplateSend(renderTemplate(DEFAULT_TEMPLATES_SETTINGS, 'order_placed', ctx, m), known);
    expect(check(withLink)).toEqual([]);
    expect(check({ ...base, templateName: 'nota_fiscal' }).map((p) => p.code)).toEqual([132012, 132000, 132000]);
  });
});

describe('the bubble', () => {
  it('shows the template filled with the rendered values; a missing value keeps its placeholder', () => {
    const shape = templateShape(NOTA);
    const mapping: TemplateMapping = { ...fitMapping({ ...base, templateName: 'nota_fiscal' }, shape, { previewText: true }), header: { kind: 'media', format: 'document', link: 'https://loja.example/n.pdf' } };
    const content = bubbleContent(previewOf(mapping), shape);
    expect(content).toEqual({
      header: { kind: 'media', format: 'document', link: 'https://loja.example/n.pdf' },
      body: 'Olá Maria, segue a nota do pedido #10247.',
      footer: 'Loja Demonstração',
      buttons: [{ type: 'QUICK_REPLY', text: 'Parar' }, { type: 'URL', text: 'Ver pedido' }],
    });
    expect(bubbleContent(previewOf({ ...mapping, body: mapping.body.slice(0, 1) }), shape).body).toBe('Olá Maria, segue a nota do pedido #{{2}}.');
  });

  it('without a synced template shows the preview text', () => {
    expect(bubbleContent(previewOf(base), null)).toMatchObject({ header: null, body: expect.stringContaining('💰 Total: R$ 1.234,56') as string });
  });
});

describe('WhatsApp markup', () => {
  it('parses bold, italic, strike and monospace, nested, at word edges only', () => {
    expect(parseWhatsAppMarkup('*Olá* _você_ ~não~ ```x = 1```')).toEqual([
      { kind: 'bold', children: [{ kind: 'text', text: 'Olá' }] },
      { kind: 'text', text: ' ' },
      { kind: 'italic', children: [{ kind: 'text', text: 'você' }] },
      { kind: 'text', text: ' ' },
      { kind: 'strike', children: [{ kind: 'text', text: 'não' }] },
      { kind: 'text', text: ' ' },
      { kind: 'mono', children: [{ kind: 'text', text: 'x = 1' }] },
    ]);
    expect(parseWhatsAppMarkup('*_tudo_*')).toEqual([{ kind: 'bold', children: [{ kind: 'italic', children: [{ kind: 'text', text: 'tudo' }] }] }]);
    expect(parseWhatsAppMarkup('pedido_numero_1 e 2 * 3 * 4')).toEqual([{ kind: 'text', text: 'pedido_numero_1 e 2 * 3 * 4' }]);
    expect(parseWhatsAppMarkup('*não\nfecha*')).toEqual([{ kind: 'text', text: '*não\nfecha*' }]);
    expect(parseWhatsAppMarkup('<b>x</b>')).toEqual([{ kind: 'text', text: '<b>x</b>' }]);
  });
});

describe('problem explanations', () => {
  it('reads every refusal the check writes', () => {
    const known = { ...NOTA, components: NOTA.components! };
    const send = (m: TemplateMapping, t: typeof known | null = known) => checkTemplateSend(renderTemplate(DEFAULT_TEMPLATES_SETTINGS, 'order_placed', ctx, m), t ?? undefined);
    const keys = [
      ...send({ ...base, templateName: 'nota_fiscal' }),
      ...send({ ...base, templateName: '' }),
      ...send(base, null),
      ...send({ ...base, templateName: 'nota_fiscal' }, { ...known, status: 'PAUSED' }),
      ...send({ ...base, templateName: 'nota_fiscal' }, { ...known, status: 'DISABLED' }),
      ...send({ ...base, templateName: 'pronto_retirada', header: { kind: 'none' }, body: [{ name: 'nome', value: { kind: 'text', text: 'x' } }] }, { ...NAMED, components: NAMED.components! }),
      ...send({ ...base, templateName: 'nota_fiscal', header: { kind: 'media', format: 'document', link: 'https://a.example/b.pdf' }, body: [{ name: 'a', value: { kind: 'text', text: 'x' } }, { name: 'b', value: { kind: 'text', text: 'y' } }], buttons: [{ index: 1, param: { name: '1', value: { kind: 'text', text: 'z' } } }] }),
    ].map((p) => [p.code, explainProblem(p)]);
    expect(keys).toEqual([
      [132012, { key: 'format', params: { part: 'header', expected: 'DOCUMENT', received: 'UNKNOWN' } }],
      [132000, { key: 'count', params: { part: 'body', sent: '4', expected: '2' } }],
      [132000, { key: 'count', params: { part: 'button', sent: '0', expected: '1' } }],
      [132001, { key: 'noTemplate', params: {} }],
      [132001, { key: 'notFound', params: { name: 'pedido_confirmado', language: 'pt_BR' } }],
      [132015, { key: 'paused', params: { name: 'nota_fiscal' } }],
      [132016, { key: 'disabled', params: { name: 'nota_fiscal' } }],
      [132000, { key: 'count', params: { part: 'header', sent: '0', expected: '1' } }],
      [132000, { key: 'count', params: { part: 'body', sent: '1', expected: '2' } }],
      [132000, { key: 'namedToPositional', params: { part: 'body' } }],
    ]);
    expect(explainProblem({ code: 131008, details: 'Parameter of type text is missing a value (body).' })).toEqual({ key: 'emptyValue', params: { part: 'body' } });
    expect(explainProblem({ code: 132000, details: 'body: parameter name (nome) is not in the template' })).toEqual({ key: 'unknownName', params: { part: 'body', name: 'nome' } });
    expect(explainProblem({ code: 132000, details: 'something new' })).toEqual({ key: 'other', params: { code: '132000' } });
  });
});
