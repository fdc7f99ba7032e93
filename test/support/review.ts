import type { Workbook } from '../../src-main/services/workbook/workbook';

/** Takes a workbook through 内部审核 to 已定稿: submitted, stamped 通过 by one reviewer, approved. */
export function finalise(workbook: Workbook): void {
  workbook.review.submit({ by: '编制人' });
  workbook.review.stamp({ reviewer: '审核人', role: '科室负责人', opinion: '通过', opinionText: '' });
  workbook.review.approve({ by: '分管领导' });
}
