import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without type declarations
import { parseIcon, renderIcon, TRAY_STATES } from './make-icons.mjs';

type Render = (shapes: unknown, size: number, state: string | null) => Buffer;

/** RGBA of pixel (x, y) of a PNG written by make-icons (filter 0 on every row). */
function pixel(png: Buffer, size: number, x: number, y: number): number[] {
  const idat = png.subarray(png.indexOf('IDAT') + 4, png.indexOf('IEND') - 8);
  const raw = inflateSync(idat);
  const at = y * (1 + size * 4) + 1 + x * 4;
  return [...raw.subarray(at, at + 4)];
}

describe('icons rendered from build/icon.svg', () => {
  const shapes = parseIcon(readFileSync('build/icon.svg', 'utf8'));
  const render = renderIcon as Render;

  it('gives each tray state its own badge over the same bubble', () => {
    expect(TRAY_STATES).toEqual(['sending', 'paused', 'attention']);
    const [sending, paused, attention] = (TRAY_STATES as string[]).map((state) => render(shapes, 64, state));
    // The bubble is white in all three; the badge corner is teal, grey, orange.
    for (const icon of [sending, paused, attention]) expect(pixel(icon!, 64, 32, 29)).toEqual([255, 255, 255, 255]);
    expect(pixel(sending!, 64, 48, 52)).toEqual([18, 184, 134, 255]);
    expect(pixel(paused!, 64, 48, 52)).toEqual([134, 142, 150, 255]);
    expect(pixel(attention!, 64, 48, 52)).toEqual([232, 89, 12, 255]);
  });

  it('leaves the corners outside the rounded square transparent', () => {
    expect(pixel(render(shapes, 32, 'sending'), 32, 0, 0)[3]).toBe(0);
  });
});
