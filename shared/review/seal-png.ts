/**
 * A reviewer's seal image is stored in the workbook and drawn into PDFs, so it must really be
 * a PNG of sensible size: checked by its signature and its IHDR chunk (length, type, CRC,
 * dimensions, bit depth and colour type), never by a file name.
 */
import { AppError } from '../errors';

export const SEAL_MAX_BYTES = 512 * 1024;
export const SEAL_MAX_SIDE = 1024;

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const IHDR_LENGTH = 13;
/** Allowed bit depths of each PNG colour type (PNG spec §11.2.2). */
const BIT_DEPTHS: Readonly<Record<number, readonly number[]>> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};

export interface SealImage {
  readonly width: number;
  readonly height: number;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, index) => {
  let crc = index;
  for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  return crc >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function uint32(bytes: Uint8Array, offset: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset + offset, 4).getUint32(0);
}

function refuse(name: string, problem: string): never {
  throw new AppError('INVALID_SEAL', `印章图片“${name}”${problem}`, { file: name });
}

/** Checks the seal image; returns its size in pixels, or throws a Chinese error naming the problem. */
export function validateSealPng(bytes: Uint8Array, name: string): SealImage {
  if (bytes.length > SEAL_MAX_BYTES) {
    refuse(name, `有 ${Math.ceil(bytes.length / 1024)} KB，超过 ${SEAL_MAX_BYTES / 1024} KB 的上限`);
  }
  if (
    bytes.length < SIGNATURE.length + 8 + IHDR_LENGTH + 4 ||
    SIGNATURE.some((byte, index) => bytes[index] !== byte)
  ) {
    refuse(name, '不是 PNG 图片（文件头不符）；请使用 PNG 格式的印章图片');
  }
  const headerStart = SIGNATURE.length;
  const type = String.fromCharCode(...bytes.subarray(headerStart + 4, headerStart + 8));
  if (uint32(bytes, headerStart) !== IHDR_LENGTH || type !== 'IHDR') {
    refuse(name, '已损坏：PNG 文件头之后缺少图像信息块（IHDR）');
  }
  const data = bytes.subarray(headerStart + 8, headerStart + 8 + IHDR_LENGTH);
  const storedCrc = uint32(bytes, headerStart + 8 + IHDR_LENGTH);
  if (crc32(bytes.subarray(headerStart + 4, headerStart + 8 + IHDR_LENGTH)) !== storedCrc) {
    refuse(name, '已损坏：图像信息块（IHDR）的校验值不符');
  }
  const width = uint32(data, 0);
  const height = uint32(data, 4);
  const [bitDepth = 0, colourType = 0, compression, filter, interlace] = data.subarray(8);
  if (width === 0 || height === 0) refuse(name, '的宽或高为 0');
  if (width > SEAL_MAX_SIDE || height > SEAL_MAX_SIDE) {
    refuse(name, `为 ${width}×${height} 像素，超过 ${SEAL_MAX_SIDE}×${SEAL_MAX_SIDE} 像素的上限`);
  }
  if (
    !(BIT_DEPTHS[colourType] ?? []).includes(bitDepth) ||
    compression !== 0 ||
    filter !== 0 ||
    (interlace ?? 2) > 1
  ) {
    refuse(name, '已损坏：图像信息块（IHDR）中的位深、颜色类型或压缩方式无效');
  }
  return { width, height };
}
