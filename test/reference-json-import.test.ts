import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors';
import { importReferenceJson } from '../src-main/services/workbook/import-reference-json';
import { readFixture } from './support/fixtures';
import { tempDir } from './support/temp-dir';

type Json = ReturnType<typeof readFixture>;
type Rows = Record<string, unknown>[];

function rowsOf(json: Json, table: string): Rows {
  return json.tables[table]?.['rows'] as Rows;
}

function writeMutated(mutate: (json: Json) => void, seed: '002' | '003') {
  const dir = tempDir();
  const json = readFixture(seed);
  mutate(json);
  const source = path.join(dir, 'tables.json');
  fs.writeFileSync(source, JSON.stringify(json));
  return { source, target: path.join(dir, 'out.ysgk') };
}

function importMutated(mutate: (json: Json) => void, seed: '002' | '003' = '002') {
  const { source, target } = writeMutated(mutate, seed);
  return importReferenceJson(source, target);
}

/** Imports a mutated copy of a fixture; returns the error, checking that no file was left behind. */
function importError(mutate: (json: Json) => void): AppError {
  const { source, target } = writeMutated(mutate, '002');
  try {
    importReferenceJson(source, target).close();
  } catch (error) {
    expect(fs.existsSync(target)).toBe(false);
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('the import was expected to fail');
}

describe('importing hostile reference JSON', () => {
  it.each([
    [
      'a duplicate 科目编码',
      (json: Json) => rowsOf(json, 't2').push({ ...rowsOf(json, 't2').at(-1) }),
      '科目编码 2210201 在本表中重复出现',
    ],
    [
      'a 项 without its 款',
      (json: Json) => rowsOf(json, 't3').splice(1, 1),
      '科目 2080109 之前缺少其上级科目 20801',
    ],
    [
      'a 表六 class that is a 款',
      (json: Json) => Object.assign(rowsOf(json, 't6')[1] ?? {}, { class: '基本工资' }),
      '不是部门预算支出经济分类的类级科目',
    ],
    [
      'an unknown 表十 row',
      (json: Json) => Object.assign(rowsOf(json, 't10')[0] ?? {}, { key: 'banquets' }),
      '“banquets”不是表十的行',
    ],
    [
      'a repeated 表十 row',
      (json: Json) => Object.assign(rowsOf(json, 't10')[1] ?? {}, { key: 'abroad' }),
      '“abroad”不是表十的行，或重复出现',
    ],
    [
      'a unit row in a 单位 document’s 表十二',
      (json: Json) => Object.assign(rowsOf(json, 't12')[1] ?? {}, { role: 'unit' }),
      '单位预算公开的表十二只有单位和项目两级',
    ],
    [
      'a malformed amount',
      (json: Json) => Object.assign(rowsOf(json, 't2')[0] ?? {}, { gpb: '617.9.0' }),
      'tables.t2.rows[0].gpb “617.9.0”含有多个小数点',
    ],
    [
      'an amount that is a number',
      (json: Json) => Object.assign(rowsOf(json, 't2')[0] ?? {}, { gpb: 617.9 }),
      '金额应为文本（万元）或 null',
    ],
    [
      'an absurd amount',
      (json: Json) => Object.assign(rowsOf(json, 't2')[0] ?? {}, { gpb: '900000000000' }),
      '不超过 1 万亿元',
    ],
    ['a missing table', (json: Json) => delete json.tables['t9'], 'tables.t9 应为对象'],
    ['a wrong kind', (json: Json) => Object.assign(json, { kind: '集团' }), 'kind 应为“部门”或“单位”'],
  ])('refuses %s with a Chinese message naming where, leaving no file', (_name, mutate, message) => {
    const error = importError(mutate);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain(message);
    expect(error.message).toContain('tables.json');
  });

  it('refuses a unit listed twice in 表十一', () => {
    const error = importError((json) => rowsOf(json, 't11').push({ ...rowsOf(json, 't11')[0] }));
    expect(error.message).toContain('单位“阳城县医疗保障局”在表十一中重复出现');
  });

  it('flags codes the catalogue does not have or names differently', () => {
    const workbook = importMutated((json) => {
      Object.assign(rowsOf(json, 't2')[2] ?? {}, { name: '随便改的名字' });
    });
    const subjects = new Map(workbook.content().subjects.map((subject) => [subject.code, subject]));
    expect(subjects.get('2080109')).toEqual({ code: '2080109', name: '随便改的名字', isUserAdded: true });
    expect(subjects.get('208')?.isUserAdded).toBe(false);
    workbook.close();
  });

  it('keeps a total printed blank over amounts as a visible zero override', () => {
    const workbook = importMutated((json) => {
      Object.assign(rowsOf(json, 't2')[0] ?? {}, { total: null, gpb: null });
    });
    const row = workbook.table('t2').rows.find((candidate) => candidate.key === '208');
    expect(row?.cells['gpb']).toMatchObject({ fen: 0, state: 'overridden', computedFen: 617_900_000 });
    workbook.close();
  });

  it('gives a 部门 without any unit row its own office as a unit', () => {
    const workbook = importMutated((json) => {
      for (const key of ['t11', 't12', 't13']) json.tables[key] = { ...json.tables[key], rows: [] };
    }, '003');
    expect(workbook.content().units.map((unit) => unit.name)).toEqual(['晋城市财政局']);
    workbook.close();
  });
});

describe('表九 through the reference JSON', () => {
  it('imports its income and expenditure halves, and exports them as they came', async () => {
    const { tablesToReferenceJson } = await import('../shared/tables/reference-json');
    const lines = [
      {
        incCode: '10306',
        incName: '国有资本经营收入',
        incAmount: '12.00',
        code: '223',
        name: '国有资本经营预算支出',
        total: '12.00',
        basic: null,
        project: '12.00',
      },
      {
        incCode: null,
        incName: null,
        incAmount: null,
        code: '22301',
        name: '解决历史遗留问题及改革成本支出',
        total: '12.00',
        basic: null,
        project: '12.00',
      },
    ];
    const workbook = importMutated((json) => {
      json.tables['t9'] = { ...json.tables['t9'], rows: lines };
    });
    const t9 = (
      tablesToReferenceJson(workbook.content(), workbook.evaluate()) as {
        tables: Record<string, { rows: unknown; totalRow: unknown; empty: boolean }>;
      }
    ).tables['t9'];
    expect(t9?.rows).toEqual(lines);
    expect(t9?.totalRow).toEqual({ label: '合计', values: ['12.00', '12.00', '12.00'] });
    expect(t9?.empty).toBe(false);
    workbook.close();
  });
});
