import type { StampStatus } from '../../../shared/review/model';

/** 有效 green, 已失效 amber, 校验失败 red: the same colours wherever a stamp is shown. */
export const STAMP_STATUS_BADGE: Readonly<Record<StampStatus, string>> = {
  有效: 'badge badge--ok',
  已失效: 'badge badge--warning',
  校验失败: 'badge badge--error',
};
