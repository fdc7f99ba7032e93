/**
 * Run-time shapes of the 内部审核, last-year and consolidation requests (issues 8 and 9).
 */
import { z } from 'zod';
import { type CommentTarget, STAMP_OPINIONS } from '../review/model';
import { SEAL_MAX_BYTES } from '../review/seal-png';
import { filePath, rowId, shortText } from './schemas';

/** A version by its number, or the workbook's content as it is now. */
export const versionRef = z.union([rowId, z.literal('current')]);

export const commentTarget: z.ZodType<CommentTarget> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('cell'), table: shortText, row: shortText, column: shortText }).strict(),
  z.object({ kind: z.literal('row'), table: shortText, row: shortText }).strict(),
  z.object({ kind: z.literal('goalSheet'), projectId: rowId.nullable() }).strict(),
  z.object({ kind: z.literal('section'), sectionNo: z.string().min(1).max(10) }).strict(),
]);

/**
 * A seal PNG as base64: its length bounds the decoded size by SEAL_MAX_BYTES, so an oversized
 * image is refused before it is decoded; the service then checks it really is a PNG.
 */
export const sealPngBase64 = z
  .string()
  .min(4)
  .max(Math.ceil(SEAL_MAX_BYTES / 3) * 4, `印章图片不能超过 ${SEAL_MAX_BYTES / 1024} KB`)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, '印章图片应为 base64 编码的 PNG');

export const stampOpinion = z.enum(STAMP_OPINIONS);

/** Units' workbooks a 部门 consolidates, chosen one by one in the app. */
export const unitFiles = z.array(filePath).min(1).max(500);
