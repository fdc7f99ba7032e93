import { SEAL_MAX_BYTES } from '../../../shared/review/seal-png';

export interface SealFile {
  readonly name: string;
  readonly bytes: number;
  /** The PNG as base64, as the contract carries it. */
  readonly base64: string;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Reads a seal image chosen in the browser. Size and PNG signature are checked here to answer
 * at once; the main process checks the image itself again.
 */
export async function readSealFile(file: File): Promise<SealFile> {
  if (file.size > SEAL_MAX_BYTES) {
    throw new Error(
      `印章图片“${file.name}”有 ${Math.ceil(file.size / 1024)} KB，超过 ${SEAL_MAX_BYTES / 1024} KB 的上限`,
    );
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (PNG_SIGNATURE.some((byte, index) => bytes[index] !== byte)) {
    throw new Error(`印章图片“${file.name}”不是 PNG 图片；请使用 PNG 格式的印章图片`);
  }
  let binary = '';
  const chunk = 0x8000;
  for (let start = 0; start < bytes.length; start += chunk) {
    binary += String.fromCharCode(...bytes.subarray(start, start + chunk));
  }
  return { name: file.name, bytes: bytes.length, base64: btoa(binary) };
}

export function sealDataUrl(base64: string): string {
  return `data:image/png;base64,${base64}`;
}
