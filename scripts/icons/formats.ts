/** PNG and Windows ICO files from RGBA images, with Node's zlib alone. */
import zlib from 'node:zlib';
import type { Image } from './raster';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An 8-bit RGBA PNG; every row with filter 0 (none), which deflate compresses well enough. */
export function encodePng(image: Image): Buffer {
  const { size, rgba } = image;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(size * (1 + size * 4));
  for (let y = 0; y < size; y++) {
    raw.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (1 + size * 4) + 1);
  }
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', header),
    pngChunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A 32-bit BMP as an ICO entry holds it: BITMAPINFOHEADER with twice the height (colour rows
 * plus the AND mask), BGRA rows bottom to top, then an all-zero AND mask (alpha decides).
 */
function icoBitmap(image: Image): Buffer {
  const { size, rgba } = image;
  const maskRowBytes = Math.ceil(size / 32) * 4;
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8);
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  header.writeUInt32LE(size * size * 4 + maskRowBytes * size, 20);
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4;
      const to = ((size - 1 - y) * size + x) * 4;
      pixels[to] = rgba[from + 2] as number;
      pixels[to + 1] = rgba[from + 1] as number;
      pixels[to + 2] = rgba[from] as number;
      pixels[to + 3] = rgba[from + 3] as number;
    }
  }
  return Buffer.concat([header, pixels, Buffer.alloc(maskRowBytes * size)]);
}

/**
 * An ICO with one entry per image: PNG-compressed at 256 px (as Windows Vista and later read
 * it), uncompressed 32-bit bitmaps below, which every reader of ICO files understands.
 */
export function encodeIco(images: readonly Image[]): Buffer {
  const entries = images.map((image) => (image.size >= 256 ? encodePng(image) : icoBitmap(image)));
  const directory = Buffer.alloc(6 + 16 * images.length);
  directory.writeUInt16LE(0, 0);
  directory.writeUInt16LE(1, 2);
  directory.writeUInt16LE(images.length, 4);
  let offset = directory.length;
  images.forEach((image, index) => {
    if (image.size > 256) throw new Error(`an ICO entry is at most 256 px, not ${image.size}`);
    const at = 6 + index * 16;
    const data = entries[index] as Buffer;
    // 0 stands for 256 in the one-byte width and height.
    directory.writeUInt8(image.size % 256, at);
    directory.writeUInt8(image.size % 256, at + 1);
    directory.writeUInt16LE(1, at + 4);
    directory.writeUInt16LE(32, at + 6);
    directory.writeUInt32LE(data.length, at + 8);
    directory.writeUInt32LE(offset, at + 12);
    offset += data.length;
  });
  return Buffer.concat([directory, ...entries]);
}
