/**
 * Reads the thirteen tables from the reference JSON shape (tables-spec.md §7) into a draft
 * workbook: its structure, and the value every published cell shows. 表一 and 表四 are
 * derived from the other tables, so only their input cells (年终结转) are taken.
 */
import { findDepartmentEconomicSubject, findFunctionalSubject } from '../catalogue/lookup';
import { AppError } from '../errors';
import { type Fen, parseAmount } from '../money';
import type {
  EconomicRow,
  Project,
  SubjectName,
  Unit,
  WorkbookContent,
  WorkbookProfile,
} from '../workbook/content';
import { rowKey } from '../workbook/content';
import { cellId } from '../workbook/evaluate';
import { TABLE_KEYS, type Scope, type TableKey } from './types';
import { THREE_PUBLIC_EXPENSE_ROWS } from './vocabulary';

/** A workbook's structure plus the value every published cell shows. */
export interface WorkbookDraft extends Omit<WorkbookContent, 'cells'> {
  /** Cell id → the value the published table shows; absent cells are not published. */
  readonly expected: ReadonlyMap<string, Fen | null>;
  /** Tables whose computed cells keep the published figure as an override when they differ. */
  readonly reconciledTables: readonly TableKey[];
}

type JsonRecord = Record<string, unknown>;

class JsonReader {
  constructor(private readonly source: string) {}

  fail(path: string, problem: string): never {
    throw new AppError('INVALID_INPUT', `${this.source}：${path} ${problem}`, { file: this.source });
  }
  object(value: unknown, path: string): JsonRecord {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(path, '应为对象');
    return value as JsonRecord;
  }
  array(value: unknown, path: string): unknown[] {
    if (!Array.isArray(value)) this.fail(path, '应为数组');
    return value;
  }
  string(value: unknown, path: string): string {
    if (typeof value !== 'string' || value.trim() === '') this.fail(path, '应为非空文本');
    return value;
  }
  amount(value: unknown, path: string): Fen | null {
    if (value === null || value === undefined) return null;
    if (typeof value !== 'string') this.fail(path, '金额应为文本（万元）或 null');
    const parsed = parseAmount(value, 'wanYuan');
    if (!parsed.ok) this.fail(path, parsed.reason);
    return parsed.fen;
  }
}

const SUBJECT_TABLES = ['t2', 't3', 't5', 't7', 't8'] as const;
const AMOUNT_KEYS: Readonly<Partial<Record<TableKey, readonly string[]>>> = {
  t2: ['total', 'gpb', 'gfb', 'socb', 'special', 'unitFunds', 'carryover'],
  t3: ['total', 'basic', 'project'],
  t5: ['total', 'basic', 'project'],
  t6: ['total', 'personnel', 'public'],
  t7: ['amount'],
  t8: ['total', 'basic', 'project'],
  t10: ['total', 'gpb', 'gfb', 'socb'],
  t11: ['total', 'gpb', 'gfb', 'socb'],
  t12: ['total', 'gpb', 'gfb', 'socb', 'special', 'unitFunds'],
  t13: ['total', 'gpb', 'gfb', 'socb'],
};

export function draftFromReferenceJson(json: unknown, source: string): WorkbookDraft {
  const read: JsonReader = new JsonReader(source);
  const root = read.object(json, '根对象');
  const kind = read.string(root['kind'], 'kind');
  if (kind !== '部门' && kind !== '单位') read.fail('kind', '应为“部门”或“单位”');
  const scope: Scope = kind;
  const name = read.string(root['unitName'], 'unitName').trim();
  const yearValue = root['year'];
  if (typeof yearValue !== 'number' || !Number.isInteger(yearValue)) read.fail('year', '应为整数年份');
  const year: number = yearValue;
  const tables = read.object(root['tables'], 'tables');
  const table = (key: TableKey) => read.object(tables[key], `tables.${key}`);
  for (const key of TABLE_KEYS) table(key);

  const expected = new Map<string, Fen | null>();
  const expect = (tableKey: TableKey, row: string, record: JsonRecord, path: string) => {
    for (const column of AMOUNT_KEYS[tableKey] ?? []) {
      expected.set(
        cellId({ table: tableKey, row, column }),
        read.amount(record[column], `${path}.${column}`),
      );
    }
  };

  const units: Unit[] = [];
  const unitByName = (unitName: string): Unit => {
    const known = units.find((unit) => unit.name === unitName);
    if (known) return known;
    const unit: Unit = {
      id: units.length + 1,
      name: unitName,
      code: null,
      unitType: null,
      position: units.length + 1,
    };
    units.push(unit);
    return unit;
  };
  if (scope === '单位') unitByName(name);

  // 科目 rows of the coded tables; a code keeps the first name it is printed with.
  const subjects = new Map<string, SubjectName>();
  const tableRows: { table: TableKey; row: string }[] = [];
  for (const key of SUBJECT_TABLES) {
    const subjectTable = table(key);
    expect(
      key,
      rowKey.total,
      read.object(subjectTable['totalRow'], `tables.${key}.totalRow`),
      `tables.${key}.totalRow`,
    );
    const listed = new Set<string>();
    read.array(subjectTable['rows'], `tables.${key}.rows`).forEach((value, index) => {
      const path = `tables.${key}.rows[${index}]`;
      const row = read.object(value, path);
      const code = read.string(row['code'], `${path}.code`).trim();
      if (!/^\d{3}(\d{2}){0,3}$/.test(code)) read.fail(`${path}.code`, `“${code}”不是有效的科目编码`);
      if (listed.has(code)) read.fail(`${path}.code`, `科目编码 ${code} 在本表中重复出现`);
      const parent = code.length > 3 ? code.slice(0, -2) : null;
      if (parent !== null && !listed.has(parent)) {
        read.fail(`${path}.code`, `科目 ${code} 之前缺少其上级科目 ${parent}（应按类、款、项顺序列出）`);
      }
      listed.add(code);
      if (!subjects.has(code)) {
        const name = read.string(row['name'], `${path}.name`).trim();
        // A code the catalogue does not know, or names differently, is flagged for the user.
        const isUserAdded = key === 't7' || findFunctionalSubject(code, year)?.name !== name;
        subjects.set(code, { code, name, isUserAdded });
      }
      tableRows.push({ table: key, row: code });
      expect(key, code, row, path);
    });
  }

  // 表九: its income and expenditure halves share printed lines; its 合计 row is their sum.
  const capitalCodes = { income: new Set<string>(), expenditure: new Set<string>() };
  read.array(table('t9')['rows'], 'tables.t9.rows').forEach((value, index) => {
    const path = `tables.t9.rows[${index}]`;
    const row = read.object(value, path);
    for (const side of ['income', 'expenditure'] as const) {
      const [codeKey, nameKey] = side === 'income' ? ['incCode', 'incName'] : ['code', 'name'];
      if (row[codeKey] === null || row[codeKey] === undefined) continue;
      const code = read.string(row[codeKey], `${path}.${codeKey}`).trim();
      const listed = capitalCodes[side];
      if (!/^\d{3}(\d{2}){0,3}$/.test(code) || listed.has(code))
        read.fail(`${path}.${codeKey}`, `“${code}”不是有效或重复的科目编码`);
      listed.add(code);
      const name = read.string(row[nameKey], `${path}.${nameKey}`).trim();
      if (!subjects.has(code))
        subjects.set(code, {
          code,
          name,
          isUserAdded: side === 'income' || findFunctionalSubject(code, year)?.name !== name,
        });
      const key = side === 'income' ? rowKey.capitalIncome(code) : code;
      tableRows.push({ table: 't9', row: key });
      const columns = side === 'income' ? ['incAmount'] : ['total', 'basic', 'project'];
      for (const column of columns)
        expected.set(
          cellId({ table: 't9', row: key, column }),
          read.amount(row[column], `${path}.${column}`),
        );
    }
  });

  // 表六: detail rows under 部门经济科目 类 rows.
  const t6 = table('t6');
  expect('t6', rowKey.total, read.object(t6['totalRow'], 'tables.t6.totalRow'), 'tables.t6.totalRow');
  const economicRows: EconomicRow[] = [];
  read.array(t6['rows'], 'tables.t6.rows').forEach((value, index) => {
    const path = `tables.t6.rows[${index}]`;
    const row = read.object(value, path);
    const className = read.string(row['class'], `${path}.class`);
    const classSubject = findDepartmentEconomicSubject(className);
    if (!classSubject || classSubject.code.length !== 3) {
      read.fail(`${path}.class`, `“${className}”不是部门预算支出经济分类的类级科目`);
    }
    if (row['isClass'] === true) {
      expect('t6', rowKey.economicClass(classSubject.code), row, path);
      return;
    }
    const id = economicRows.length + 1;
    const govEcon = row['govEcon'];
    economicRows.push({
      id,
      classCode: classSubject.code,
      deptName: read.string(row['deptEcon'], `${path}.deptEcon`).trim(),
      govName: typeof govEcon === 'string' && govEcon.trim() !== '' ? govEcon.trim() : null,
      position: id,
    });
    expect('t6', rowKey.economic(id), row, path);
  });

  // 表十: six fixed rows.
  const t10Keys = new Set<string>(THREE_PUBLIC_EXPENSE_ROWS.map((entry) => entry.key));
  read.array(table('t10')['rows'], 'tables.t10.rows').forEach((value, index) => {
    const path = `tables.t10.rows[${index}]`;
    const row = read.object(value, path);
    const key = read.string(row['key'], `${path}.key`);
    if (!t10Keys.delete(key)) read.fail(`${path}.key`, `“${key}”不是表十的行，或重复出现`);
    expect('t10', key, row, path);
  });

  // 表十一: 部门合计 and one row per unit with 机关运行经费.
  const t11 = table('t11');
  expect('t11', rowKey.total, read.object(t11['totalRow'], 'tables.t11.totalRow'), 'tables.t11.totalRow');
  read.array(t11['rows'], 'tables.t11.rows').forEach((value, index) => {
    const path = `tables.t11.rows[${index}]`;
    const row = read.object(value, path);
    const unit = unitByName(read.string(row['unitName'], `${path}.unitName`).trim());
    if (tableRows.some((entry) => entry.table === 't11' && entry.row === rowKey.unit(unit.id))) {
      read.fail(`${path}.unitName`, `单位“${unit.name}”在表十一中重复出现`);
    }
    tableRows.push({ table: 't11', row: rowKey.unit(unit.id) });
    expect('t11', rowKey.unit(unit.id), row, path);
  });

  const projects: Project[] = [];
  let supervisingDepartment: string | null = null;
  for (const [key, kind] of [
    ['t12', 'current'],
    ['t13', 'carryover'],
  ] as const) {
    let currentUnit: Unit | undefined = scope === '单位' ? units[0] : undefined;
    read.array(table(key)['rows'], `tables.${key}.rows`).forEach((value, index) => {
      const path = `tables.${key}.rows[${index}]`;
      const row = read.object(value, path);
      const rowName = read.string(row['name'], `${path}.name`).trim();
      switch (row['role']) {
        case 'total':
          if (key === 't13' && scope === '单位' && rowName !== name) supervisingDepartment = rowName;
          expect(key, rowKey.total, row, path);
          return;
        case 'unit':
          if (key === 't12' && scope === '单位')
            read.fail(`${path}.role`, '单位预算公开的表十二只有单位和项目两级，不应有单位行');
          currentUnit = unitByName(rowName);
          expect(key, rowKey.unit(currentUnit.id), row, path);
          return;
        case 'project': {
          const unit = currentUnit;
          if (!unit) read.fail(path, '项目行之前缺少单位行');
          const id = projects.length + 1;
          projects.push({ id, unitId: unit.id, kind, name: rowName, position: id });
          expect(key, rowKey.project(id), row, path);
          return;
        }
        default:
          read.fail(`${path}.role`, '应为 total、unit 或 project');
      }
    });
  }

  // 年终结转 is the one input of the derived 表一 and 表四.
  const t1Summary = read.object(table('t1')['summary'], 'tables.t1.summary');
  const t1YearEnd = read.object(t1Summary['yearEndCarryover'], 'tables.t1.summary.yearEndCarryover');
  for (const column of ['current', 'carryover']) {
    expected.set(
      cellId({ table: 't1', row: 'yearEndCarryover', column }),
      read.amount(t1YearEnd[column], `tables.t1.summary.yearEndCarryover.${column}`),
    );
  }
  const t4Summary = read.object(table('t4')['summary'], 'tables.t4.summary');
  const t4YearEnd = read.object(t4Summary['yearEndCarryover'], 'tables.t4.summary.yearEndCarryover');
  for (const column of ['gpb', 'gfb', 'socb']) {
    expected.set(
      cellId({ table: 't4', row: 'yearEndCarryover', column }),
      read.amount(t4YearEnd[column], `tables.t4.summary.yearEndCarryover.${column}`),
    );
  }

  // A 部门 always has its own office (局本级), even when no table lists a unit.
  if (units.length === 0) unitByName(name);

  const profile: WorkbookProfile = {
    name,
    code: null,
    year,
    scope,
    unitType: null,
    supervisingDepartment,
  };
  return {
    profile,
    units,
    subjects: [...subjects.values()],
    tableRows,
    economicRows,
    projects,
    expected,
    reconciledTables: ['t2', 't3', 't5', 't6', 't7', 't8', 't9', 't10', 't11', 't12', 't13'],
  };
}
