/** Which column holds which order field: guessed from the header's wording, checked before import. */
import { CSV_FIELDS, REQUIRED_CSV_FIELDS, type CsvField } from '../../../../shared/domain/csv-fields';
import { normalizeWord } from './csv-values';

const SYNONYMS: Record<CsvField, string[]> = {
  number: ['pedido', 'numero', 'n pedido', 'no pedido', 'numero do pedido', 'numero pedido', 'n do pedido', 'id do pedido', 'order', 'order number', 'order id', '#'],
  customerName: ['cliente', 'nome', 'nome do cliente', 'nome cliente', 'comprador', 'destinatario', 'customer', 'customer name', 'name'],
  phone: ['telefone', 'celular', 'whatsapp', 'fone', 'tel', 'contato', 'telefone celular', 'phone', 'mobile'],
  total: ['total', 'valor', 'valor total', 'total do pedido', 'preco', 'amount', 'order total'],
  currency: ['moeda', 'currency'],
  status: ['status', 'situacao', 'estado', 'status do pedido', 'order status'],
  createdAt: ['data', 'data do pedido', 'data pedido', 'data da compra', 'criado em', 'date', 'created', 'created at', 'order date'],
  carrier: ['transportadora', 'forma de envio', 'carrier', 'shipping carrier'],
  trackingNumber: ['rastreio', 'codigo de rastreio', 'codigo rastreio', 'rastreamento', 'codigo de rastreamento', 'tracking', 'tracking number', 'tracking code'],
  trackingUrl: ['link de rastreio', 'link rastreio', 'url de rastreio', 'url rastreio', 'tracking url', 'tracking link'],
  shippedAt: ['data de envio', 'data envio', 'enviado em', 'shipped at', 'ship date'],
  deliveredAt: ['data de entrega', 'data entrega', 'entregue em', 'delivered at', 'delivery date'],
  cancelReason: ['motivo do cancelamento', 'motivo cancelamento', 'motivo', 'cancel reason'],
};

const headerKey = (h: string) => normalizeWord(h).replace(/[^a-z0-9#]+/g, ' ').trim();

/** Field → column from the header's wording: exact synonyms first, then the longest contained one. */
export function guessMapping(columns: readonly string[]): Partial<Record<CsvField, string>> {
  const taken = new Set<string>();
  const mapping: Partial<Record<CsvField, string>> = {};
  for (const exact of [true, false]) {
    for (const field of CSV_FIELDS) {
      if (mapping[field]) continue;
      let best: { column: string; score: number } | null = null;
      for (const column of columns) {
        if (taken.has(column)) continue;
        const key = headerKey(column);
        for (const word of SYNONYMS[field]) {
          const hit = exact ? key === word : word.length >= 4 && key.includes(word);
          if (hit && (!best || word.length > best.score)) best = { column, score: word.length };
        }
      }
      if (best) {
        mapping[field] = best.column;
        taken.add(best.column);
      }
    }
  }
  return mapping;
}

/** Required fields the mapping leaves without a column. */
export function missingRequired(mapping: Partial<Record<CsvField, string>>): CsvField[] {
  return REQUIRED_CSV_FIELDS.filter((field) => !mapping[field]);
}
