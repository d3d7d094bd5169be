#!/usr/bin/env node
// @ts-check
/**
 * Draws Switchboard's icons — a white telephone handset on a blue rounded
 * square — with signed-distance shapes and 4×4 supersampling, and writes
 * them as PNGs with node:zlib. No image packages: the icons are original
 * work, reproducible from this file (see assets/LICENSES.md).
 *
 *   node scripts/make-icons.mjs        # writes assets/icons/
 *
 * Output: `<n>x<n>.png` for Linux (electron-builder reads the folder),
 * `icon.png` (1024, converted to .icns/.ico by electron-builder), tray icons
 * in colour (`tray.png`, `tray@2x.png`) and as macOS template images
 * (`trayTemplate.png`, `trayTemplate@2x.png`: black + alpha, macOS tints them).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'icons');
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

// ── PNG ───────────────────────────────────────────────────────────────────
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(/** @type {Buffer} */ buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(/** @type {string} */ type, /** @type {Buffer} */ data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
/** RGBA 8-bit, non-interlaced, filter 0 on every row. */
export function encodePng(/** @type {number} */ size, /** @type {Uint8Array} */ rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ── Shapes (unit square, y down) ─────────────────────────────────────────
/** Distance to a rounded square of half-size `h` and corner radius `r`. */
function roundedSquare(/** @type {number} */ x, /** @type {number} */ y, /** @type {number} */ h, /** @type {number} */ r) {
  const qx = Math.abs(x - 0.5) - h + r;
  const qy = Math.abs(y - 0.5) - h + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}
/** Distance to a capsule from (ax,ay) to (bx,by) of radius r. */
function capsule(x, y, ax, ay, bx, by, r) {
  const px = x - ax;
  const py = y - ay;
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * t, py - dy * t) - r;
}
/** Smooth union, so the handset's pieces melt into the handle. */
function smin(/** @type {number} */ a, /** @type {number} */ b, /** @type {number} */ k) {
  const h = Math.max(k - Math.abs(a - b), 0) / k;
  return Math.min(a, b) - (h * h * k) / 4;
}
/** The handset: a curved handle with ear and mouth pieces, tilted 45°. */
function handset(/** @type {number} */ x, /** @type {number} */ y) {
  // Rotate the sample point by +45° around the centre (so the glyph tilts -45°).
  const c = Math.SQRT1_2;
  const u = 0.5 + (x - 0.5) * c - (y - 0.5) * c;
  const v = 0.5 + (x - 0.5) * c + (y - 0.5) * c;
  // Handle: an arc of a circle centred right of the glyph.
  const cx = 0.78;
  const cy = 0.5;
  const radius = 0.4;
  const angle = Math.atan2(v - cy, u - cx);
  const span = 0.62; // radians either side of pointing left
  const fromLeft = Math.atan2(Math.sin(angle - Math.PI), Math.cos(angle - Math.PI));
  const clamped = Math.max(-span, Math.min(span, fromLeft)) + Math.PI;
  const handle =
    Math.hypot(u - (cx + radius * Math.cos(clamped)), v - (cy + radius * Math.sin(clamped))) - 0.07;
  const ear = capsule(u, v, 0.5, 0.2, 0.66, 0.2, 0.085);
  const mouth = capsule(u, v, 0.5, 0.8, 0.66, 0.8, 0.085);
  return smin(smin(handle, ear, 0.08), mouth, 0.08);
}

/**
 * Renders one icon. `style`: 'app' (blue tile + white handset),
 * 'tray' (same, tighter margin), 'template' (black handset only).
 */
export function render(/** @type {number} */ size, /** @type {'app' | 'tray' | 'template'} */ style) {
  const rgba = new Uint8Array(size * size * 4);
  const S = 4;
  const margin = style === 'app' ? 0.06 : 0.0;
  const half = 0.5 - margin;
  const corner = half * 0.42;
  // Glyph scale: shrink it inside the tile.
  const glyphScale = style === 'template' ? 1.0 : 0.72;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let tile = 0;
      let glyph = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const x = (px + (sx + 0.5) / S) / size;
          const y = (py + (sy + 0.5) / S) / size;
          if (style !== 'template' && roundedSquare(x, y, half, corner) <= 0) tile++;
          const gx = 0.5 + (x - 0.5) / glyphScale;
          const gy = 0.5 + (y - 0.5) / glyphScale;
          if (handset(gx, gy) <= 0) glyph++;
        }
      }
      const a = tile / (S * S);
      const g = glyph / (S * S);
      const i = (py * size + px) * 4;
      if (style === 'template') {
        rgba.set([0, 0, 0, Math.round(255 * g)], i);
        continue;
      }
      // Vertical gradient #2F81F7 → #1158C7 under a white glyph.
      const t = py / Math.max(1, size - 1);
      const bg = [0x2f + (0x11 - 0x2f) * t, 0x81 + (0x58 - 0x81) * t, 0xf7 + (0xc7 - 0xf7) * t];
      const gInTile = Math.min(g, a);
      const rgb = bg.map((ch) => Math.round(ch * (1 - gInTile / Math.max(a, 1e-6)) + 255 * (gInTile / Math.max(a, 1e-6))));
      rgba.set([...rgb, Math.round(255 * a)], i);
    }
  }
  return rgba;
}

function main() {
  mkdirSync(OUT, { recursive: true });
  const write = (/** @type {string} */ name, /** @type {number} */ size, /** @type {'app' | 'tray' | 'template'} */ style) => {
    writeFileSync(path.join(OUT, name), encodePng(size, render(size, style)));
    console.log(`wrote assets/icons/${name}`);
  };
  for (const size of SIZES) write(`${size}x${size}.png`, size, 'app');
  write('icon.png', 1024, 'app');
  write('tray.png', 16, 'tray');
  write('tray@2x.png', 32, 'tray');
  write('trayTemplate.png', 16, 'template');
  write('trayTemplate@2x.png', 32, 'template');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
