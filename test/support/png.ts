import { encodePng } from '../../scripts/icons/formats';

/**
 * A real PNG (RGBA, 8 bits) of a red ring on transparent ground, as a scanned 公章 looks:
 * written by the packaging icons' encoder (Node's zlib and CRC), independently of the
 * product's PNG check.
 */
export function sealPng(size = 96): Buffer {
  const rgba = new Uint8Array(size * size * 4);
  const radius = size / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const distance = Math.hypot(x - size / 2, y - size / 2);
      if (distance < radius - 1 && distance > radius * 0.8) rgba.set([200, 20, 20, 255], (y * size + x) * 4);
    }
  }
  return encodePng({ size, rgba });
}
