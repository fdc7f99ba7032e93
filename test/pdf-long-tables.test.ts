import { describe, expect, it } from 'vitest';
import type { WorkbookContent } from '../shared/workbook/content';
import { generateDepartment } from '../bench/support-generate';
import {
  FINAL,
  layoutPages,
  overlappingWords,
  rawPages,
  renderPagesToPng,
  renderToFile,
  squeezed,
  tableStartPages,
  wordsOnPage,
} from './support/pdf';

const LONG_NAME =
  '县级公立医院综合改革及基层医疗卫生机构基本药物制度补助资金（含乡村医生基本公共卫生服务补助和村卫生室运行经费）';
/** 99,999,999.99 万元: close to the largest amount a cell may hold (1 万亿元). */
const HUGE_FEN = 99_999_999_990_000;

/** A generated 部门 with one more project: a very long name and a huge amount. */
function departmentWithLongProject(): WorkbookContent {
  const content = generateDepartment(3, 300);
  const id = content.projects.length + 1;
  return {
    ...content,
    projects: [...content.projects, { id, unitId: 2, kind: 'current', name: LONG_NAME, position: id }],
    cells: [
      ...content.cells,
      { table: 't12', row: `project:${id}`, column: 'gpb', fen: HUGE_FEN, origin: 'input', isRounded: false },
    ],
  };
}

describe('a table over many pages', () => {
  it('repeats its header and column numbers, indents by level and wraps a long name without cutting it', async () => {
    const file = await renderToFile(departmentWithLongProject(), FINAL);
    const layout = layoutPages(file);
    const raw = rawPages(file).map(squeezed);
    const starts = tableStartPages(layout);
    const first = starts[11] ?? 0;
    const last = (starts[12] ?? 0) - 1;
    expect(last - first).toBeGreaterThanOrEqual(8);
    for (let page = first; page <= last; page++) {
      for (const heading of [
        '项目名称',
        '合计',
        '2025年财政拨款',
        '一般公共预算',
        '财政专户管理资金',
        '单位资金',
        '1234567',
      ]) {
        expect(raw[page - 1], `page ${page}: ${heading}`).toContain(heading);
      }
      expect(overlappingWords(file, page), `page ${page}`).toEqual([]);
    }
    const tableText = raw.slice(first - 1, last).join('');
    expect(tableText).toContain(squeezed(LONG_NAME));
    expect(layout.slice(first - 1, last).join('\n')).toContain('99999999.99');

    const words = wordsOnPage(file, first);
    const left = (text: string) => words.find((word) => word.text === text)?.xMin ?? Number.NaN;
    expect(left('合成测试部门')).toBeLessThan(left('单位1'));
    expect(left('单位1')).toBeLessThan(left('项目1'));
    renderPagesToPng(file, 'department-t12', [first, last]);
  });
});
