// Renders build/icon.svg (the one icon in the repo) into the PNGs the app and the installers use:
// build/icon.png (512 px, no badge) and the three tray icons build/tray-<state>.png (+ @2x), each
// with the badge of its state. Runs at every `npm run build`; no image editor or native package
// needed: the SVG keeps to a small subset (rect with rx, circle, ellipse, polygon; solid fills).
import { readFileSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

export const TRAY_STATES = ['sending', 'paused', 'attention'];

function crc32(buffer) {
  let crc = ~0;
  for (const byte of buffer) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, pixel) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) row.set(pixel(x, y), 1 + x * 4);
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const attrs = (tag) => Object.fromEntries([...tag.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
const hex = (fill) => [1, 3, 5].map((i) => parseInt(fill.slice(i, i + 2), 16));

/** Each shape as an inside-test over viewBox units, in paint order, tagged with its badge group. */
export function parseIcon(svg) {
  const shapes = [];
  let group = null;
  for (const match of svg.replace(/<!--[\s\S]*?-->/g, '').matchAll(/<(\/?)(\w+)([^>]*?)\/?>/g)) {
    const [, closing, name, rest] = match;
    const a = attrs(rest);
    if (name === 'g') group = closing ? null : (a.id ?? null);
    if (closing || !a.fill) continue;
    const n = (k) => Number(a[k] ?? 0);
    let inside;
    if (name === 'rect') {
      const [x, y, w, h, r] = [n('x'), n('y'), n('width'), n('height'), n('rx')];
      inside = (u, v) => {
        if (u < x || u > x + w || v < y || v > y + h) return false;
        const dx = Math.max(x + r - u, 0, u - (x + w - r));
        const dy = Math.max(y + r - v, 0, v - (y + h - r));
        return dx * dx + dy * dy <= r * r;
      };
    } else if (name === 'circle' || name === 'ellipse') {
      const [cx, cy] = [n('cx'), n('cy')];
      const [rx, ry] = name === 'circle' ? [n('r'), n('r')] : [n('rx'), n('ry')];
      inside = (u, v) => ((u - cx) / rx) ** 2 + ((v - cy) / ry) ** 2 <= 1;
    } else if (name === 'polygon') {
      const pts = a.points.trim().split(/\s+/).map((p) => p.split(',').map(Number));
      inside = (u, v) => {
        let odd = false;
        for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
          const [xi, yi] = pts[i];
          const [xj, yj] = pts[j];
          if (yi > v !== yj > v && u < ((xj - xi) * (v - yi)) / (yj - yi) + xi) odd = !odd;
        }
        return odd;
      };
    } else continue;
    shapes.push({ group, rgb: hex(a.fill), inside });
  }
  return shapes;
}

/** Renders the icon at `size` px with the badge of `state` (null: none), 4×4 supersampled. */
export function renderIcon(shapes, size, state) {
  const visible = shapes.filter((s) => s.group === null || s.group === `badge-${state}`);
  const samples = 4;
  return png(size, (x, y) => {
    let [r, g, b, alpha] = [0, 0, 0, 0];
    for (let sy = 0; sy < samples; sy++) {
      for (let sx = 0; sx < samples; sx++) {
        const u = ((x + (sx + 0.5) / samples) / size) * 100;
        const v = ((y + (sy + 0.5) / samples) / size) * 100;
        let color = null;
        for (const shape of visible) if (shape.inside(u, v)) color = shape.rgb;
        if (color) {
          r += color[0];
          g += color[1];
          b += color[2];
          alpha++;
        }
      }
    }
    if (alpha === 0) return [0, 0, 0, 0];
    return [Math.round(r / alpha), Math.round(g / alpha), Math.round(b / alpha), Math.round((alpha / samples ** 2) * 255)];
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const shapes = parseIcon(readFileSync('build/icon.svg', 'utf8'));
  writeFileSync('build/icon.png', renderIcon(shapes, 512, null));
  for (const state of TRAY_STATES) {
    writeFileSync(`build/tray-${state}.png`, renderIcon(shapes, 32, state));
    writeFileSync(`build/tray-${state}@2x.png`, renderIcon(shapes, 64, state));
  }
  console.log(`rendered build/icon.svg into build/icon.png and build/tray-{${TRAY_STATES.join(',')}}.png`);
}
