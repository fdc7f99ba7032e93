import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workbook } from '../src-main/services/workbook/workbook';
import { errorOf } from './support/errors';
import { tempDir } from './support/temp-dir';
import { newWorkbook } from './support/workbooks';
import { finalise } from './support/review';

function fenAt(
  workbook: Workbook,
  table: 't1' | 't2' | 't3' | 't4' | 't10' | 't12',
  row: string,
  column: string,
) {
  return workbook.table(table).rows.find((candidate) => candidate.key === row)?.cells[column];
}

describe('editing a workbook', () => {
  it('adds a 项 with its 款 and 类 from the catalogue, and rolls amounts up to the 合计 row and into 表一/表四', () => {
    const workbook = newWorkbook();
    workbook.addSubjectRow({ table: 't2', code: '2101102' });
    workbook.addSubjectRow({ table: 't2', code: '2101101' });
    const rows = workbook.table('t2').rows.map((row) => `${row.labels['code']} ${row.labels['name']}`);
    expect(rows).toEqual([
      '合计 ',
      '210 卫生健康支出',
      '21011 行政事业单位医疗',
      '2101101 行政单位医疗',
      '2101102 事业单位医疗',
    ]);
    workbook.setCell({ table: 't2', row: '2101102', column: 'gpb', text: '25.28', unit: 'wanYuan' });
    workbook.setCell({ table: 't2', row: '2101101', column: 'gpb', text: '533,400', unit: 'yuan' });
    workbook.setCell({ table: 't2', row: '2101101', column: 'carryover', text: '1', unit: 'wanYuan' });

    expect(fenAt(workbook, 't2', '21011', 'gpb')).toEqual({
      fen: 78_620_000,
      state: 'computed',
      isRounded: true,
    });
    expect(fenAt(workbook, 't2', 'total', 'total')?.fen).toBe(78_620_000);
    // Typed in 元 the amount is exact; typed in 万元 to two decimals it is a rounded figure.
    expect(fenAt(workbook, 't2', '2101101', 'gpb')?.isRounded).toBe(false);
    expect(fenAt(workbook, 't2', '2101102', 'gpb')?.isRounded).toBe(true);
    expect(fenAt(workbook, 't1', 'gpb', 'amount')?.fen).toBe(78_620_000);
    expect(fenAt(workbook, 't1', '210', 'current')?.fen).toBe(78_620_000);
    expect(fenAt(workbook, 't1', '210', 'carryover')?.fen).toBe(1_000_000);
    expect(fenAt(workbook, 't1', 'incomeGrandTotal', 'amount')?.fen).toBe(79_620_000);
    expect(fenAt(workbook, 't4', '210', 'gpb')?.fen).toBe(79_620_000);
    expect(fenAt(workbook, 't4', 'carryover.gpb', 'amount')?.fen).toBe(1_000_000);
    workbook.close();
  });

  it('puts a 政府性基金 carry-over in 表四’s 政府性基金预算 column when the working column says so', () => {
    const workbook = newWorkbook();
    workbook.addSubjectRow({ table: 't2', code: '2040202' });
    workbook.setCell({ table: 't2', row: '2040202', column: 'carryover', text: '7.5', unit: 'wanYuan' });
    workbook.setCell({ table: 't2', row: '2040202', column: 'carryoverGfb', text: '7.5', unit: 'wanYuan' });
    expect(fenAt(workbook, 't4', '204', 'gfb')?.fen).toBe(7_500_000);
    expect(fenAt(workbook, 't4', '204', 'gpb')?.fen).toBe(0);
    expect(fenAt(workbook, 't4', 'carryover.gfb', 'amount')?.fen).toBe(7_500_000);
    workbook.close();
  });

  it('refuses a malformed amount with a message naming table, row and column, and writes nothing', () => {
    const workbook = newWorkbook();
    workbook.addSubjectRow({ table: 't2', code: '2101102' });
    workbook.setCell({ table: 't2', row: '2101102', column: 'gpb', text: '1', unit: 'wanYuan' });
    for (const text of ['12.3.4', 'abc', '1,2,3', '1e5']) {
      const error = errorOf(() =>
        workbook.setCell({ table: 't2', row: '2101102', column: 'gpb', text, unit: 'wanYuan' }),
      );
      expect(error.code).toBe('INVALID_AMOUNT');
      expect(error.message).toContain('表二 第4行（2101102 事业单位医疗）“一般公共预算”列');
      expect(error.message).toContain(text);
      expect(error.details).toMatchObject({ table: '表二', row: '2101102', column: 'gpb' });
    }
    expect(fenAt(workbook, 't2', '2101102', 'gpb')?.fen).toBe(1_000_000);
    expect(workbook.undo()).toContain('2101102'); // the last step is still the valid edit
    workbook.close();
  });

  it('refuses typing over a computed cell unless overridden explicitly, and keeps the override visible', () => {
    const workbook = newWorkbook();
    workbook.addSubjectRow({ table: 't3', code: '2080109' });
    workbook.setCell({ table: 't3', row: '2080109', column: 'basic', text: '464.46', unit: 'wanYuan' });
    workbook.setCell({ table: 't3', row: '2080109', column: 'project', text: '26.10', unit: 'wanYuan' });
    const refused = errorOf(() =>
      workbook.setCell({ table: 't3', row: '208', column: 'total', text: '490.57', unit: 'wanYuan' }),
    );
    expect(refused.code).toBe('COMPUTED_CELL');
    expect(refused.message).toContain('表三 第2行（208 社会保障和就业支出）“合计”列');

    workbook.setCell({
      table: 't3',
      row: '208',
      column: 'total',
      text: '490.57',
      unit: 'wanYuan',
      override: true,
    });
    expect(fenAt(workbook, 't3', '208', 'total')).toEqual({
      fen: 490_570_000,
      state: 'overridden',
      computedFen: 490_560_000,
      isRounded: true,
    });
    // What reads the cell reads the overridden figure.
    const x4 = workbook
      .findings()
      .find((finding) => finding.ruleId === 'X4' && finding.cells[0]?.row === '208');
    expect(x4?.sides?.left).toBe(490_570_000);
    workbook.clearOverride({ table: 't3', row: '208', column: 'total' });
    expect(fenAt(workbook, 't3', '208', 'total')).toEqual({
      fen: 490_560_000,
      state: 'computed',
      isRounded: true,
    });
    workbook.close();
  });

  it('pastes a block copied from Excel all or nothing', () => {
    const workbook = newWorkbook();
    for (const code of ['2101101', '2101102', '2101103']) workbook.addSubjectRow({ table: 't2', code });
    const bad = errorOf(() =>
      workbook.pasteBlock({
        table: 't2',
        row: '2101101',
        column: 'gpb',
        unit: 'wanYuan',
        values: [
          ['53.34', ''],
          ['25.28', 'x'],
          ['13.21', '1.2.3'],
        ],
      }),
    );
    expect(bad.code).toBe('INVALID_AMOUNT');
    expect(bad.details.problems).toHaveLength(2);
    expect(bad.message).toContain('表二 第5行（2101102 事业单位医疗）“政府性基金”列');
    expect(fenAt(workbook, 't2', '2101101', 'gpb')?.fen).toBeNull();

    const intoComputed = errorOf(() =>
      workbook.pasteBlock({ table: 't2', row: '21011', column: 'gpb', unit: 'wanYuan', values: [['1']] }),
    );
    expect(intoComputed.message).toContain('是计算值');

    workbook.pasteBlock({
      table: 't2',
      row: '2101101',
      column: 'gpb',
      unit: 'wanYuan',
      values: [
        ['53.34', ''],
        ['25.28', ''],
        ['13.21', '0.3'],
      ],
    });
    expect(fenAt(workbook, 't2', '21011', 'total')?.fen).toBe(92_130_000);
    expect(workbook.undo()).toBe('粘贴到表二');
    expect(fenAt(workbook, 't2', '21011', 'total')?.fen).toBeNull();
    expect(workbook.redo()).toBe('粘贴到表二');
    expect(fenAt(workbook, 't2', '21011', 'total')?.fen).toBe(92_130_000);
    workbook.close();
  });

  it('undoes and redoes structure and amounts, across close and reopen', () => {
    const file = path.join(tempDir(), 'history.ysgk');
    const workbook = Workbook.create(file, {
      name: '某部门',
      code: null,
      year: 2024,
      scope: '部门',
      unitType: '行政',
      supervisingDepartment: null,
    });
    const centre = workbook.addUnit({ name: '某中心', unitType: '事业' });
    const project = workbook.addProject({ unitId: centre, kind: 'current', name: '评审工作经费' });
    workbook.setCell({
      table: 't12',
      row: `project:${project}`,
      column: 'gpb',
      text: '12.95',
      unit: 'wanYuan',
    });
    expect(fenAt(workbook, 't12', `unit:${centre}`, 'total')?.fen).toBe(12_950_000);
    workbook.close();

    const reopened = Workbook.open(file);
    expect(reopened.undo()).toContain('表十二');
    expect(reopened.undo()).toBe('添加项目 评审工作经费');
    expect(reopened.table('t12').rows.map((row) => row.key)).toEqual(['total']);
    expect(reopened.undo()).toBe('添加单位 某中心');
    expect(reopened.content().units.map((unit) => unit.name)).toEqual(['某部门']);
    expect(reopened.undo()).toBeNull();
    expect(reopened.redo()).toBe('添加单位 某中心');
    expect(reopened.redo()).toBe('添加项目 评审工作经费');
    expect(reopened.redo()).toContain('表十二');
    expect(fenAt(reopened, 't12', 'total', 'total')?.fen).toBe(12_950_000);
    expect(reopened.redo()).toBeNull();
    // A new edit clears what could be redone.
    reopened.undo();
    reopened.setCell({ table: 't10', row: 'reception', column: 'gpb', text: '0.29', unit: 'wanYuan' });
    expect(reopened.redo()).toBeNull();
    reopened.close();
  });

  it('flags a code missing from the catalogue as user-added and requires its name', () => {
    const workbook = newWorkbook();
    const missingName = errorOf(() => workbook.addSubjectRow({ table: 't2', code: '2101188' }));
    expect(missingName.message).toContain('不在 2025 年科目目录中');
    workbook.addSubjectRow({ table: 't2', code: '2101188', name: '自定义医疗支出' });
    const subjects = new Map(workbook.content().subjects.map((subject) => [subject.code, subject]));
    expect(subjects.get('2101188')).toEqual({ code: '2101188', name: '自定义医疗支出', isUserAdded: true });
    expect(subjects.get('21011')?.isUserAdded).toBe(false);
    expect(errorOf(() => workbook.addSubjectRow({ table: 't2', code: '21-01' })).code).toBe('INVALID_ROW');
    workbook.close();
  });

  it('moves the amounts of a row down to its first child, so nothing typed is lost', () => {
    const workbook = newWorkbook();
    workbook.addSubjectRow({ table: 't5', code: '21011' });
    workbook.setCell({ table: 't5', row: '21011', column: 'basic', text: '41.84', unit: 'wanYuan' });
    workbook.addSubjectRow({ table: 't5', code: '2101101' });
    const rows = workbook.table('t5').rows;
    expect(rows.find((row) => row.key === '2101101')?.cells['basic']).toEqual({
      fen: 41_840_000,
      state: 'input',
      isRounded: true,
    });
    expect(rows.find((row) => row.key === '21011')?.cells['basic']).toEqual({
      fen: 41_840_000,
      state: 'computed',
      isRounded: true,
    });
    workbook.close();
  });

  it('lays out 表十二 with three levels for a 部门 and two for a 单位', () => {
    const unitBook = newWorkbook('单位');
    const unitId = unitBook.content().units[0]?.id ?? 0;
    unitBook.addProject({ unitId, kind: 'current', name: '网络维护费' });
    unitBook.addProject({ unitId, kind: 'carryover', name: '结转项目' });
    expect(unitBook.table('t12').rows.map((row) => [row.kind, row.level, row.labels['name']])).toEqual([
      ['total', 0, '测试县医疗保障局'],
      ['project', 1, '网络维护费'],
    ]);
    unitBook.updateProfile({ supervisingDepartment: '测试县人民政府' });
    expect(unitBook.table('t13').rows.map((row) => [row.kind, row.level, row.labels['name']])).toEqual([
      ['total', 0, '测试县人民政府'],
      ['unit', 1, '测试县医疗保障局'],
      ['project', 2, '结转项目'],
    ]);
    unitBook.close();
  });
});

describe('editing structure keeps every amount', () => {
  it('moves amounts typed on a 类 to a 项 added two levels below it in one step', () => {
    const workbook = newWorkbook();
    workbook.addSubjectRow({ table: 't2', code: '210' });
    workbook.setCell({ table: 't2', row: '210', column: 'gpb', text: '100', unit: 'wanYuan' });
    workbook.addSubjectRow({ table: 't2', code: '2101102' });
    expect(fenAt(workbook, 't2', '2101102', 'gpb')).toMatchObject({ fen: 100_000_000, state: 'input' });
    expect(fenAt(workbook, 't2', 'total', 'gpb')?.fen).toBe(100_000_000);
    expect(fenAt(workbook, 't1', '210', 'current')?.fen).toBe(100_000_000);
    workbook.close();
  });

  it('removes a unit with the overrides on its own rows, so a later unit does not inherit them', () => {
    const workbook = newWorkbook('部门');
    const centre = workbook.addUnit({ name: '中心甲', unitType: '事业' });
    workbook.addProject({ unitId: centre, kind: 'current', name: '项目甲' });
    workbook.setCell({
      table: 't12',
      row: `unit:${centre}`,
      column: 'gpb',
      text: '10.01',
      unit: 'wanYuan',
      override: true,
    });
    workbook.removeUnit(centre);
    const next = workbook.addUnit({ name: '中心乙', unitType: '事业' });
    workbook.addProject({ unitId: next, kind: 'current', name: '项目乙' });
    expect(fenAt(workbook, 't12', `unit:${next}`, 'gpb')).toMatchObject({ fen: null, state: 'computed' });
    expect(workbook.content().cells.filter((cell) => cell.table === 't12')).toEqual([]);
    workbook.close();
  });
});

describe('amounts beyond exact range', () => {
  it('refuses one cell above 1 万亿元, and rolls back an edit whose sums would lose exactness', () => {
    const workbook = newWorkbook();
    const unitId = workbook.content().units[0]?.id ?? 0;
    expect(
      errorOf(() =>
        workbook.setCell({ table: 't10', row: 'abroad', column: 'gpb', text: '100000001', unit: 'wanYuan' }),
      ).message,
    ).toContain('不超过 1 万亿元');
    const projects = Array.from({ length: 91 }, (_, index) =>
      workbook.addProject({ unitId, kind: 'current', name: `大额项目${index + 1}` }),
    );
    projects.slice(0, 90).forEach((id) =>
      workbook.setCell({
        table: 't12',
        row: `project:${id}`,
        column: 'gpb',
        text: '100000000',
        unit: 'wanYuan',
      }),
    );
    const overflow = errorOf(() =>
      workbook.setCell({
        table: 't12',
        row: `project:${projects[90]}`,
        column: 'gpb',
        text: '100000000',
        unit: 'wanYuan',
      }),
    );
    expect(overflow.code).toBe('AMOUNT_OUT_OF_RANGE');
    expect(fenAt(workbook, 't12', `project:${projects[90]}`, 'gpb')?.fen).toBeNull();
    expect(fenAt(workbook, 't12', 'total', 'gpb')?.fen).toBe(90 * 100_000_000_000_000);
    workbook.close();
  });
});

describe('where a message says a cell is', () => {
  it('fills the year into headers and numbers 表九 lines as printed, halves side by side', () => {
    const workbook = newWorkbook();
    workbook.addSubjectRow({ table: 't9', code: '10306', name: '国有资本经营收入', side: 'income' });
    workbook.addSubjectRow({ table: 't9', code: '223' });
    const t1 = errorOf(() =>
      workbook.setCell({ table: 't1', row: '210', column: 'total', text: '1', unit: 'yuan' }),
    );
    expect(t1.message).toContain('表一 第10行（十、卫生健康支出）“2025年合计”列');
    const t9 = errorOf(() =>
      workbook.setCell({ table: 't9', row: '223', column: 'basic', text: 'x', unit: 'yuan' }),
    );
    // 合计 on line 1, then income 10306 and expenditure 223 side by side on line 2.
    expect(t9.message).toContain('表九 第2行（223 国有资本经营预算支出）“基本支出”列');
    workbook.close();
  });
});

describe('the export log', () => {
  it('refuses a final export while 错误 findings exist, unless a reason is given and kept', () => {
    const workbook = newWorkbook();
    workbook.addSubjectRow({ table: 't2', code: '2101101' });
    workbook.setCell({ table: 't2', row: '2101101', column: 'gpb', text: '100', unit: 'yuan' });
    finalise(workbook);
    expect(
      workbook.recordExport({ kind: 'draft', format: 'pdf', file: 'draft.pdf' }).errorCount,
    ).toBeGreaterThan(0);
    expect(
      errorOf(() => workbook.recordExport({ kind: 'final', format: 'pdf', file: 'final.pdf' })).code,
    ).toBe('FINAL_EXPORT_BLOCKED');
    workbook.recordExport({
      kind: 'final',
      format: 'pdf',
      file: 'final.pdf',
      overrideReason: '财政局要求先报送',
    });
    expect(workbook.exports().map((record) => [record.kind, record.file, record.overrideReason])).toEqual([
      ['draft', 'draft.pdf', null],
      ['final', 'final.pdf', '财政局要求先报送'],
    ]);
    workbook.close();
  });
});
