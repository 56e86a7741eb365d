import {
  ORDER_FIELDS,
  type Binding,
  type OrderField,
  type TemplateButtonParam,
  type TemplateHeader,
  type TemplateMapping,
  type TemplateParam,
} from '../../../../shared/settings/templates';
import type { TemplateShape } from './template-shape';

/**
 * Keeps an event's mapping in step with the template it names: one row per parameter the
 * template has, keeping the binding the owner already chose for a parameter of the same name.
 */

/** Names a named template often uses, so a new row starts on the field it obviously means. */
const NAME_HINTS: Record<string, OrderField> = {
  first_name: 'customer_first_name',
  nome: 'customer_first_name',
  primeiro_nome: 'customer_first_name',
  name: 'customer_name',
  customer: 'customer_name',
  cliente: 'customer_name',
  order: 'order_number',
  order_id: 'order_number',
  pedido: 'order_number',
  numero_pedido: 'order_number',
  total: 'order_total',
  valor: 'order_total',
  transportadora: 'carrier',
  tracking: 'tracking_number',
  tracking_code: 'tracking_number',
  codigo_rastreio: 'tracking_number',
  rastreio: 'tracking_number',
  link_rastreio: 'tracking_url',
  motivo: 'cancel_reason',
  reason: 'cancel_reason',
  reembolso: 'refund_amount',
  refund: 'refund_amount',
};

/** A new row: the field the name means (named templates), else an empty fixed text to fill in. */
export function defaultBinding(name: string): Binding {
  const field = (ORDER_FIELDS as readonly string[]).includes(name) ? (name as OrderField) : NAME_HINTS[name];
  return field ? { kind: 'field', field } : { kind: 'text', text: '' };
}

function rows(names: readonly string[], previous: readonly TemplateParam[]): TemplateParam[] {
  return names.map((name) => ({ name, value: previous.find((p) => p.name === name)?.value ?? defaultBinding(name) }));
}

function fitHeader(shape: TemplateShape, current: TemplateHeader): TemplateHeader {
  const { header } = shape;
  if (header.kind === 'text' && header.params.length > 0) {
    return { kind: 'text', params: rows(header.params, current.kind === 'text' ? current.params : []) };
  }
  if (header.kind === 'media') {
    const keep = current.kind === 'media' && current.format === header.format;
    return {
      kind: 'media',
      format: header.format,
      link: keep ? current.link : '',
      ...(keep && current.filename ? { filename: current.filename } : {}),
    };
  }
  return { kind: 'none' };
}

function fitButtons(shape: TemplateShape, current: readonly TemplateButtonParam[]): TemplateButtonParam[] {
  return shape.buttons
    .filter((b) => b.dynamic)
    .map((b) => ({
      index: b.index,
      // A URL button has exactly one parameter, its suffix; Meta numbers it {{1}}.
      param: { name: '1', value: current.find((c) => c.index === b.index)?.param.value ?? defaultBinding('1') },
    }));
}

/**
 * The plain text that goes with the template (the screen's preview and the message sent when
 * templates are off): the header as a bold first line, the body, the footer. A positional header
 * parameter shares its number with the body's `{{1}}`, so in this text it shows the body's value.
 */
export function previewTextFor(shape: TemplateShape): string {
  const header = shape.header.kind === 'text' && shape.header.text ? `*${shape.header.text}*` : '';
  return [header, shape.body.text, shape.footer ?? ''].filter((part) => part.trim() !== '').join('\n\n');
}

/** The mapping with exactly the template's parameters; bindings of same-named parameters kept. */
export function fitMapping(mapping: TemplateMapping, shape: TemplateShape, options: { previewText: boolean }): TemplateMapping {
  return {
    ...mapping,
    header: fitHeader(shape, mapping.header),
    body: rows(shape.body.params, mapping.body),
    buttons: fitButtons(shape, mapping.buttons),
    previewText: options.previewText ? previewTextFor(shape) : mapping.previewText,
  };
}

const names = (params: readonly TemplateParam[]) => params.map((p) => p.name).sort().join(',');

/** Whether the mapping has exactly the template's parameters (what `fitMapping` would leave alone). */
export function mappingFitsShape(mapping: TemplateMapping, shape: TemplateShape): boolean {
  const fitted = fitMapping(mapping, shape, { previewText: false });
  const header = (h: TemplateHeader) => (h.kind === 'text' && h.params.length > 0 ? `text:${names(h.params)}` : h.kind === 'media' ? `media:${h.format}` : 'none');
  const buttons = (list: readonly TemplateButtonParam[]) =>
    list
      .map((b) => `${b.index}:${b.param.name}`)
      .sort()
      .join(',');
  return (
    header(fitted.header) === header(mapping.header) &&
    names(fitted.body) === names(mapping.body) &&
    buttons(fitted.buttons) === buttons(mapping.buttons)
  );
}
