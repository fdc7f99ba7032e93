import { TABLE_DEFINITIONS } from '../../shared/tables/definitions';
import { TABLE_KEYS, type TableKey } from '../../shared/tables/types';
import type { Part } from '../state/workbook';

export interface PartEntry {
  readonly part: Part;
  /** What the navigation shows, e.g. 表二 预算收入总表. */
  readonly label: string;
  /** The full name, as a tooltip. */
  readonly title: string;
}

/** 表五 一般公共预算支出预算表: the title without its year and its （不含上年结转） qualifier. */
export function tableNavLabel(key: TableKey): string {
  const definition = TABLE_DEFINITIONS[key];
  const name = definition.title
    .replace('{year}年', '')
    .replace('{year}', '')
    .replace(/（[^）]*）$/, '');
  return `${definition.shortName} ${name}`;
}

export function isTablePart(part: Part): part is TableKey {
  return (TABLE_KEYS as readonly string[]).includes(part);
}

/** The parts of the document, in the order of the published disclosure, then the review and last year's. */
export function documentParts(year: number, scope: '部门' | '单位' = '单位'): readonly PartEntry[] {
  return [
    { part: 'overview', label: '概况', title: '第一部分 概况' },
    ...TABLE_KEYS.map((key) => ({
      part: key,
      label: tableNavLabel(key),
      title: TABLE_DEFINITIONS[key].title.replaceAll('{year}', String(year)),
    })),
    { part: 'goals', label: '绩效目标表', title: '项目支出绩效目标表与整体支出绩效目标申报表' },
    { part: 'narrative', label: '情况说明', title: '第三部分 情况说明' },
    { part: 'checks', label: '审核', title: '审核：表内、表间的勾稽关系' },
    { part: 'review', label: '审核流程', title: '内部审核：提交、签章、定稿，版本与批注' },
    { part: 'lastYear', label: '上年数据', title: '上年数据与同比增减' },
    ...(scope === '部门'
      ? [{ part: 'consolidation', label: '汇总下属单位', title: '由下属单位的工作簿汇总部门表格' } as const]
      : []),
  ];
}
