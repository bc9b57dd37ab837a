/*
 * The NSIS installer bitmaps, drawn from resources/icon.png so they follow the app mark: a header (150 × 57) and a
 * sidebar (164 × 314), 24-bit BMP as NSIS needs. Deterministic: the same icon gives the same bytes, so the
 * committed files can be checked (tests/unit/installer-config.test.ts). Run: `npx tsx scripts/installer-graphics.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';

const root = join(__dirname, '..');

/** The brand blue of the app mark (icon.svg), and white. */
const BLUE: Rgb = [0x0f, 0x6c, 0xbd];
const WHITE: Rgb = [0xff, 0xff, 0xff];
type Rgb = [number, number, number];

interface Rgba {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** Decodes an 8-bit RGBA, non-interlaced PNG (what resources/icon.png is); anything else is refused. */
export function decodePng(png: Buffer): Rgba {
  if (png.subarray(1, 4).toString('latin1') !== 'PNG') throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.subarray(offset + 4, offset + 8).toString('latin1');
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const [depth, colour, , , interlace] = data.subarray(8, 13);
      if (depth !== 8 || colour !== 6 || interlace !== 0) throw new Error('icon.png must be 8-bit RGBA, not interlaced');
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const pixels = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= 4 ? pixels[y * stride + x - 4]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const c = x >= 4 && y > 0 ? pixels[(y - 1) * stride + x - 4]! : 0;
      const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter];
      if (predictor === undefined) throw new Error(`unknown PNG filter ${filter}`);
      pixels[y * stride + x] = (line[x]! + predictor) & 0xff;
    }
  }
  return { width, height, pixels };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** A canvas of RGB pixels filled with one colour. */
function canvas(width: number, height: number, fill: Rgb): { width: number; height: number; rgb: Uint8Array } {
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) rgb.set(fill, i * 3);
  return { width, height, rgb };
}

/** Draws `image` scaled to `size` × `size` (area average) at (left, top), blended over the canvas by its alpha. */
function drawScaled(target: ReturnType<typeof canvas>, image: Rgba, size: number, left: number, top: number): void {
  const scale = image.width / size;
  for (let ty = 0; ty < size; ty++) {
    for (let tx = 0; tx < size; tx++) {
      const acc = [0, 0, 0, 0];
      let n = 0;
      for (let sy = Math.floor(ty * scale); sy < Math.floor((ty + 1) * scale); sy++) {
        for (let sx = Math.floor(tx * scale); sx < Math.floor((tx + 1) * scale); sx++) {
          const i = (sy * image.width + sx) * 4;
          const alpha = image.pixels[i + 3]! / 255;
          for (let ch = 0; ch < 3; ch++) acc[ch]! += image.pixels[i + ch]! * alpha;
          acc[3]! += alpha;
          n++;
        }
      }
      const coverage = acc[3]! / n;
      const at = ((top + ty) * target.width + left + tx) * 3;
      for (let ch = 0; ch < 3; ch++) {
        const colour = acc[3]! > 0 ? acc[ch]! / acc[3]! : 0;
        target.rgb[at + ch] = Math.round(colour * coverage + target.rgb[at + ch]! * (1 - coverage));
      }
    }
  }
}

/** A 24-bit bottom-up BMP (BITMAPINFOHEADER), rows padded to four bytes, as NSIS reads it. */
export function encodeBmp(image: { width: number; height: number; rgb: Uint8Array }): Buffer {
  const rowSize = Math.ceil((image.width * 3) / 4) * 4;
  const size = 54 + rowSize * image.height;
  const bmp = Buffer.alloc(size);
  bmp.write('BM', 0, 'latin1');
  bmp.writeUInt32LE(size, 2);
  bmp.writeUInt32LE(54, 10);
  bmp.writeUInt32LE(40, 14);
  bmp.writeInt32LE(image.width, 18);
  bmp.writeInt32LE(image.height, 22);
  bmp.writeUInt16LE(1, 26);
  bmp.writeUInt16LE(24, 28);
  bmp.writeUInt32LE(rowSize * image.height, 34);
  bmp.writeInt32LE(2835, 38);
  bmp.writeInt32LE(2835, 42);
  for (let y = 0; y < image.height; y++) {
    const row = 54 + (image.height - 1 - y) * rowSize;
    for (let x = 0; x < image.width; x++) {
      const i = (y * image.width + x) * 3;
      bmp[row + x * 3] = image.rgb[i + 2]!;
      bmp[row + x * 3 + 1] = image.rgb[i + 1]!;
      bmp[row + x * 3 + 2] = image.rgb[i]!;
    }
  }
  return bmp;
}

/** The two bitmaps, from the icon: file name under resources/installer/ → bytes. */
export function installerGraphics(iconPng: Buffer): Record<'header.bmp' | 'sidebar.bmp', Buffer> {
  const icon = decodePng(iconPng);
  // Header: white, as the NSIS page header is; the mark at the right edge, 48 px.
  const header = canvas(150, 57, WHITE);
  drawScaled(header, icon, 48, 150 - 48 - 6, 5);
  // Sidebar of the welcome and finish pages: brand blue with the mark (128 px) in the upper third.
  const sidebar = canvas(164, 314, BLUE);
  drawScaled(sidebar, icon, 128, 18, 48);
  return { 'header.bmp': encodeBmp(header), 'sidebar.bmp': encodeBmp(sidebar) };
}

if (require.main === module) {
  const files = installerGraphics(readFileSync(join(root, 'resources/icon.png')));
  for (const [name, bytes] of Object.entries(files)) {
    writeFileSync(join(root, 'resources/installer', name), bytes);
    process.stdout.write(`resources/installer/${name}: ${bytes.length} bytes\n`);
  }
}
