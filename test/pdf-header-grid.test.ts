import { describe, expect, it } from 'vitest';
import { headerGrid } from '../src-main/services/export-pdf/header-grid';

describe('the merged column header of a printed table', () => {
  it('spans a group over its columns and a short path down to the last header row (表二)', () => {
    const grid = headerGrid([
      ['项目', '科目编码'],
      ['项目', '科目名称'],
      ['本年收入', '合计'],
      ['本年收入', '一般公共预算'],
      ['上年结转'],
    ]);
    expect(grid.rowCount).toBe(2);
    expect(grid.cells).toEqual([
      { text: '项目', row: 0, column: 0, colSpan: 2, rowSpan: 1 },
      { text: '本年收入', row: 0, column: 2, colSpan: 2, rowSpan: 1 },
      { text: '上年结转', row: 0, column: 4, colSpan: 1, rowSpan: 2 },
      { text: '科目编码', row: 1, column: 0, colSpan: 1, rowSpan: 1 },
      { text: '科目名称', row: 1, column: 1, colSpan: 1, rowSpan: 1 },
      { text: '合计', row: 1, column: 2, colSpan: 1, rowSpan: 1 },
      { text: '一般公共预算', row: 1, column: 3, colSpan: 1, rowSpan: 1 },
    ]);
  });

  it('builds three header rows for 表四, where 支出 / 金额 groups the four fund columns', () => {
    const grid = headerGrid([
      ['收入', '项目'],
      ['收入', '金额'],
      ['支出', '项目'],
      ['支出', '金额', '小计'],
      ['支出', '金额', '一般公共预算'],
    ]);
    expect(grid.rowCount).toBe(3);
    const at = (row: number, column: number) =>
      grid.cells.find((cell) => cell.row === row && cell.column === column);
    expect(at(0, 0)).toMatchObject({ text: '收入', colSpan: 2 });
    expect(at(0, 2)).toMatchObject({ text: '支出', colSpan: 3 });
    expect(at(1, 0)).toMatchObject({ text: '项目', rowSpan: 2 });
    expect(at(1, 2)).toMatchObject({ text: '项目', rowSpan: 2 });
    expect(at(1, 3)).toMatchObject({ text: '金额', colSpan: 2, rowSpan: 1 });
    expect(at(2, 3)).toMatchObject({ text: '小计', rowSpan: 1 });
    expect(grid.cells).toHaveLength(8);
  });

  it('never merges two leaves that happen to read the same', () => {
    const grid = headerGrid([['项目'], ['项目']]);
    expect(grid.cells.map((cell) => cell.colSpan)).toEqual([1, 1]);
  });
});
