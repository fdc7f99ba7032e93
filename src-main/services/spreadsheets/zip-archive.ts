import zlib from 'node:zlib';

/**
 * Just enough of the zip format to size up an xlsx before a parser inflates it: the central
 * directory (names, methods, declared sizes) and a bounded inflate of one entry. Anything this
 * reader does not understand is reported, never guessed at.
 */

export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated; xlsx uses nothing else. */
  readonly method: number;
  readonly isEncrypted: boolean;
  readonly compressedBytes: number;
  readonly declaredBytes: number;
  readonly localHeaderOffset: number;
}

/** The archive cannot be read; `reason` is Chinese, for the user. */
export class ZipFormatError extends Error {}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const END_RECORD_BYTES = 22;
const MAX_COMMENT_BYTES = 0xffff;
/** ZIP64 marks its sizes and counts with these in the classic fields; no xlsx needs ZIP64. */
const ZIP64_COUNT = 0xffff;
const ZIP64_SIZE = 0xffffffff;

function findEndOfDirectory(archive: Buffer): number {
  const earliest = Math.max(0, archive.length - END_RECORD_BYTES - MAX_COMMENT_BYTES);
  for (let offset = archive.length - END_RECORD_BYTES; offset >= earliest; offset--) {
    if (archive.readUInt32LE(offset) === END_OF_DIRECTORY) return offset;
  }
  throw new ZipFormatError('找不到 zip 目录，文件不完整或已损坏');
}

function within(archive: Buffer, offset: number, length: number): void {
  if (offset < 0 || length < 0 || offset + length > archive.length) {
    throw new ZipFormatError('zip 目录指向文件之外，文件不完整或已损坏');
  }
}

/** The entries of the central directory, without inflating anything. */
export function listZipEntries(archive: Buffer): ZipEntry[] {
  if (archive.length < END_RECORD_BYTES) throw new ZipFormatError('文件太短，不是完整的 zip 文件');
  const end = findEndOfDirectory(archive);
  const count = archive.readUInt16LE(end + 10);
  const directoryBytes = archive.readUInt32LE(end + 12);
  const directoryOffset = archive.readUInt32LE(end + 16);
  if (count === ZIP64_COUNT || directoryBytes === ZIP64_SIZE || directoryOffset === ZIP64_SIZE) {
    throw new ZipFormatError('文件使用 ZIP64 格式（超大文件），不支持');
  }
  within(archive, directoryOffset, directoryBytes);
  const entries: ZipEntry[] = [];
  let offset = directoryOffset;
  for (let index = 0; index < count; index++) {
    within(archive, offset, 46);
    if (archive.readUInt32LE(offset) !== DIRECTORY_ENTRY) throw new ZipFormatError('zip 目录已损坏');
    const nameBytes = archive.readUInt16LE(offset + 28);
    const extraBytes = archive.readUInt16LE(offset + 30);
    const commentBytes = archive.readUInt16LE(offset + 32);
    within(archive, offset + 46, nameBytes);
    const compressedBytes = archive.readUInt32LE(offset + 20);
    const declaredBytes = archive.readUInt32LE(offset + 24);
    if (compressedBytes === ZIP64_SIZE || declaredBytes === ZIP64_SIZE) {
      throw new ZipFormatError('文件使用 ZIP64 格式（超大文件），不支持');
    }
    entries.push({
      name: archive.toString('utf8', offset + 46, offset + 46 + nameBytes),
      method: archive.readUInt16LE(offset + 10),
      isEncrypted: (archive.readUInt16LE(offset + 8) & 0x1) !== 0,
      compressedBytes,
      declaredBytes,
      localHeaderOffset: archive.readUInt32LE(offset + 42),
    });
    offset += 46 + nameBytes + extraBytes + commentBytes;
  }
  return entries;
}

/**
 * The entry's bytes, refusing to produce more than it declares: a zip bomb that lies about its
 * size is stopped by zlib after `declaredBytes + 1` bytes, not after it has filled the memory.
 */
export function inflateEntry(archive: Buffer, entry: ZipEntry): Buffer {
  within(archive, entry.localHeaderOffset, 30);
  if (archive.readUInt32LE(entry.localHeaderOffset) !== LOCAL_HEADER) {
    throw new ZipFormatError(`zip 条目“${entry.name}”已损坏`);
  }
  const dataOffset =
    entry.localHeaderOffset +
    30 +
    archive.readUInt16LE(entry.localHeaderOffset + 26) +
    archive.readUInt16LE(entry.localHeaderOffset + 28);
  within(archive, dataOffset, entry.compressedBytes);
  const data = archive.subarray(dataOffset, dataOffset + entry.compressedBytes);
  let content: Buffer;
  if (entry.method === 0) {
    content = data;
  } else if (entry.method === 8) {
    try {
      content = zlib.inflateRawSync(data, { maxOutputLength: entry.declaredBytes + 1 });
    } catch (error) {
      if (error instanceof RangeError) {
        throw new ZipFormatError(`zip 条目“${entry.name}”解压后比声明的更大（疑似压缩炸弹）`);
      }
      throw new ZipFormatError(`zip 条目“${entry.name}”无法解压，文件已损坏`);
    }
  } else {
    throw new ZipFormatError(`zip 条目“${entry.name}”使用了不支持的压缩方式（${entry.method}）`);
  }
  if (content.length !== entry.declaredBytes) {
    throw new ZipFormatError(`zip 条目“${entry.name}”的大小与目录不符，文件已损坏`);
  }
  return content;
}
