/**
 * What the 内部审核 requests answer: the service's records as plain data (a seal image as
 * base64 instead of bytes).
 */
import type { ReviewStatus, Stamp } from '../review/model';
import type { EditResult } from './views';

export type StampView = Omit<Stamp, 'seal'> & {
  /** The seal PNG as base64, or null without one. */
  readonly sealPngBase64: string | null;
};

export type ReviewStatusView = Omit<ReviewStatus, 'stamps'> & { readonly stamps: readonly StampView[] };

/** A state change closes the edit history, so it answers as an edit does, with the status after it. */
export type ReviewStateResult = EditResult & { readonly status: ReviewStatusView };
