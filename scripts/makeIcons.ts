/**
 * Draws the add-in's icon, a three-lamp traffic light (red, yellow, green: the three colours of
 * the chart), and writes assets/icon-{16,32,64,80,128}.png. Run it after changing the drawing:
 *   npx ts-node --transpile-only scripts/makeIcons.ts
 * The PNG encoder is the smallest one that is correct: RGBA, 8 bits, no interlace, filter 0.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

type RGBA = readonly [number, number, number, number];

const HOUSING: RGBA = [0x2f, 0x3b, 0x4a, 255];
const LAMPS: readonly RGBA[] = [
  [0xe0, 0x3c, 0x31, 255], // red: 严重滞后
  [0xf5, 0xb8, 0x00, 255], // yellow: 滞后
  [0x2e, 0xa0, 0x4f, 255], // green: 正常
];

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), Buffer.from(data)]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

/** Encodes RGBA pixels (row by row, 4 bytes each) as a PNG file. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // no interlace
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter type None
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(
      raw,
      y * (width * 4 + 1) + 1,
    );
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** Which colour covers point (x, y) of the unit square, or null for transparent. */
function shapeAt(x: number, y: number): RGBA | null {
  for (let i = 0; i < 3; i++) {
    const cy = 0.2 + i * 0.3;
    if ((x - 0.5) ** 2 + (y - cy) ** 2 <= 0.115 ** 2) return LAMPS[i] as RGBA;
  }
  // The housing: a rounded rectangle a little wider than the lamps.
  const left = 0.27;
  const right = 0.73;
  const top = 0.03;
  const bottom = 0.97;
  const r = 0.12;
  if (x < left || x > right || y < top || y > bottom) return null;
  const cx = Math.min(Math.max(x, left + r), right - r);
  const cy = Math.min(Math.max(y, top + r), bottom - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r ? HOUSING : null;
}

/** Draws the icon at `size` pixels, 4×4 samples a pixel so small sizes stay smooth. */
export function drawIcon(size: number): Uint8Array {
  const px = new Uint8Array(size * size * 4);
  const n = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = shapeAt((x + (sx + 0.5) / n) / size, (y + (sy + 0.5) / n) / size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += c[3];
        }
      }
      const covered = a / 255;
      const i = (y * size + x) * 4;
      px[i] = covered ? Math.round(r / covered) : 0;
      px[i + 1] = covered ? Math.round(g / covered) : 0;
      px[i + 2] = covered ? Math.round(b / covered) : 0;
      px[i + 3] = Math.round(a / (n * n));
    }
  }
  return px;
}

if (require.main === module) {
  const dir = join(__dirname, '..', 'assets');
  for (const size of ICON_SIZES) {
    const file = join(dir, `icon-${size}.png`);
    writeFileSync(file, encodePng(size, size, drawIcon(size)));
    console.log(`wrote ${file}`);
  }
}
