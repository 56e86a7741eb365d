import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { decodePathPart } from './decode-path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/**
 * A file of the built renderer as a Response, for the web host's `GET *` route. `urlPath` is the
 * request path as sent (still percent-encoded): a bad escape is 400, a path that leaves `root`
 * after decoding (`/..%2F..`) is 404, an unknown path gets `index.html` (the renderer routes by
 * hash, so this only catches typos and reloads), and no renderer at all is 503 in words.
 * Our own code rather than `@hono/node-server/serve-static`, which would change the content
 * types, drop the cache policy and not fall back to `index.html`.
 */
export async function staticFileResponse(root: string, urlPath: string): Promise<Response> {
  const decoded = decodePathPart(urlPath);
  if (decoded === null) return text(400, 'Malformed percent-encoding.');
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  let file = join(root, relative);
  if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) return new Response(null, { status: 404 });
  if (!(await isFile(file))) file = join(root, 'index.html');
  if (!(await isFile(file))) return text(503, 'Renderer not built: run `npm run build`.');
  const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
  // Hashed asset names change with every build; index.html must always be fresh.
  const cache = file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-store';
  return new Response(await readFile(file), { status: 200, headers: { 'content-type': type, 'cache-control': cache } });
}

function text(status: number, body: string): Response {
  return new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
