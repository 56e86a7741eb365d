/**
 * Graph cursor paging: `limit`, `after`, `before`; cursors are opaque base64 strings and `next`
 * is a full URL (absent on the last page).
 */
export function page<T>(items: T[], query: URLSearchParams, selfUrl: URL, defaultLimit = 25) {
  const limit = Math.min(Math.max(Number(query.get('limit') ?? defaultLimit) || defaultLimit, 1), 1000);
  const decode = (cursor: string | null) => (cursor === null ? null : Number(Buffer.from(cursor, 'base64').toString('utf8')));
  const encode = (index: number) => Buffer.from(String(index)).toString('base64');
  const after = decode(query.get('after'));
  const before = decode(query.get('before'));
  let start = after !== null && Number.isFinite(after) ? after + 1 : 0;
  if (before !== null && Number.isFinite(before)) start = Math.max(0, before - limit);
  const slice = items.slice(start, start + limit);
  const paging: { cursors: { before: string; after: string }; next?: string; previous?: string } = {
    cursors: { before: encode(start), after: encode(start + Math.max(slice.length, 1) - 1) },
  };
  if (start + limit < items.length) {
    const next = new URL(selfUrl);
    next.searchParams.delete('before');
    next.searchParams.set('limit', String(limit));
    next.searchParams.set('after', paging.cursors.after);
    paging.next = next.toString();
  }
  if (start > 0) {
    const previous = new URL(selfUrl);
    previous.searchParams.delete('after');
    previous.searchParams.set('limit', String(limit));
    previous.searchParams.set('before', paging.cursors.before);
    paging.previous = previous.toString();
  }
  return { data: slice, paging };
}

/** Keeps only the requested `fields=` (plus `id`), as Graph does. */
export function pickFields(object: Record<string, unknown>, fields: string | null, defaults?: string[]): Record<string, unknown> {
  const wanted = fields ? fields.split(',').map((f) => f.trim()) : defaults;
  if (!wanted) return object;
  const out: Record<string, unknown> = {};
  for (const field of wanted) if (object[field] !== undefined) out[field] = object[field];
  if (object.id !== undefined) out.id = object.id;
  return out;
}
