import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EconomicSubject } from '../shared/catalogue/economic-subjects';
import {
  DEPARTMENT_ECONOMIC_SUBJECTS,
  ECONOMIC_PAIRINGS,
  GOVERNMENT_ECONOMIC_SUBJECTS,
} from '../shared/catalogue/economic-subjects';
import { FUNCTIONAL_SUBJECTS } from '../shared/catalogue/functional-subjects';
import {
  departmentEconomicClassOf,
  findDepartmentEconomicSubject,
  findFunctionalSubject,
  findGovernmentEconomicSubject,
  functionalLevel,
  functionalSubjectsForYear,
  normaliseSubjectName,
  parentFunctionalCode,
} from '../shared/catalogue/lookup';

/** The parts of a seed's NNN-tables.json these tests read (tables-spec.md §7). */
interface SeedTables {
  readonly year: number;
  readonly tables: Readonly<Record<string, { readonly rows?: readonly Record<string, unknown>[] }>>;
}
interface EconomicRow {
  readonly deptEcon: string;
  readonly govEcon: string | null;
  readonly isClass: boolean;
  readonly class: string;
}

const SEEDS = ['002', '003', '004'].map((id) => ({
  id,
  data: JSON.parse(
    readFileSync(new URL(`./fixtures/seed-data/${id}-tables.json`, import.meta.url), 'utf8'),
  ) as SeedTables,
}));

function codedRows(seed: SeedTables, table: string): { code: string; name: string }[] {
  return (seed.tables[table]?.rows ?? []).map((row) => ({
    code: String(row['code']),
    name: String(row['name']),
  }));
}

function economicRows(seed: SeedTables): EconomicRow[] {
  return (seed.tables['t6']?.rows ?? []) as unknown as EconomicRow[];
}

function expectUniqueSortedCodes(subjects: readonly { readonly code: string }[]) {
  const codes = subjects.map((subject) => subject.code);
  expect(new Set(codes).size).toBe(codes.length);
  expect(codes).toEqual([...codes].sort());
}

/** tables-spec.md §2.2: the 30 类 of 表一 and 表四, in print order. */
const THIRTY_CLASSES = [
  ['201', '一般公共服务支出'],
  ['202', '外交支出'],
  ['203', '国防支出'],
  ['204', '公共安全支出'],
  ['205', '教育支出'],
  ['206', '科学技术支出'],
  ['207', '文化旅游体育与传媒支出'],
  ['208', '社会保障和就业支出'],
  ['209', '社会保险基金支出'],
  ['210', '卫生健康支出'],
  ['211', '节能环保支出'],
  ['212', '城乡社区支出'],
  ['213', '农林水支出'],
  ['214', '交通运输支出'],
  ['215', '资源勘探工业信息等支出'],
  ['216', '商业服务业等支出'],
  ['217', '金融支出'],
  ['219', '援助其他地区支出'],
  ['220', '自然资源海洋气象等支出'],
  ['221', '住房保障支出'],
  ['222', '粮油物资储备支出'],
  ['223', '国有资本经营预算支出'],
  ['224', '灾害防治及应急管理支出'],
  ['227', '预备费'],
  ['229', '其他支出'],
  ['230', '转移性支出'],
  ['231', '债务还本支出'],
  ['232', '债务付息支出'],
  ['233', '债务发行费用支出'],
  ['234', '抗疫特别国债安排的支出'],
] as const;

describe('functional subjects', () => {
  it.each(SEEDS)('holds every code of t2/t3/t5/t8 in seed $id under the printed name', ({ data }) => {
    const rows = ['t2', 't3', 't5', 't8'].flatMap((table) => codedRows(data, table));
    expect(rows.length).toBeGreaterThan(0);
    for (const { code, name } of rows) expect(findFunctionalSubject(code, data.year)?.name, code).toBe(name);
  });

  it('has exactly the 30 类 of 表一/表四', () => {
    const classes = FUNCTIONAL_SUBJECTS.filter((subject) => subject.code.length === 3);
    expect(classes.map((subject) => [subject.code, subject.name])).toEqual(
      THIRTY_CLASSES.map((entry) => [...entry]),
    );
  });

  it('is sorted by code without duplicates, and every 款/项 has its parent', () => {
    expectUniqueSortedCodes(FUNCTIONAL_SUBJECTS);
    const codes = new Set(FUNCTIONAL_SUBJECTS.map((subject) => subject.code));
    for (const { code, name } of FUNCTIONAL_SUBJECTS) {
      expect(functionalLevel(code), code).toBeDefined();
      expect(name.trim(), code).toBe(name);
      expect(name.length, code).toBeGreaterThan(0);
      const parent = parentFunctionalCode(code);
      if (parent !== undefined) expect(codes.has(parent), code).toBe(true);
    }
  });

  it('keeps names that repeat across codes apart by code', () => {
    expect(findFunctionalSubject('2010601', 2025)?.name).toBe('行政运行');
    expect(findFunctionalSubject('2101501', 2025)?.name).toBe('行政运行');
    expect(findFunctionalSubject('20899', 2025)?.name).toBe('其他社会保障和就业支出');
    expect(findFunctionalSubject('2089999', 2025)?.name).toBe('其他社会保障和就业支出');
  });

  it('filters by budget year', () => {
    expect(findFunctionalSubject('234', 2019)).toBeUndefined();
    expect(findFunctionalSubject('234', 2025)?.name).toBe('抗疫特别国债安排的支出');
    expect(functionalSubjectsForYear(2019).some((subject) => subject.code === '234')).toBe(false);
    expect(functionalSubjectsForYear(2025)).toHaveLength(FUNCTIONAL_SUBJECTS.length);
    expect(findFunctionalSubject('2109999', 2025)).toBeUndefined();
  });

  it.each([
    ['210', '类'],
    ['21011', '款'],
    ['2101102', '项'],
    ['2101', undefined],
    ['21011020', undefined],
    ['21O11', undefined],
    ['', undefined],
    [' 210', undefined],
  ] as const)('gives %j the level %s', (code, level) => {
    expect(functionalLevel(code)).toBe(level);
  });

  it.each([
    ['2101102', '21011'],
    ['21011', '210'],
    ['210', undefined],
    ['2101', undefined],
    ['abc', undefined],
  ] as const)('gives %s the parent %s', (code, parent) => {
    expect(parentFunctionalCode(code)).toBe(parent);
  });
});

describe('normaliseSubjectName', () => {
  it.each([
    ['维修（护）费', '维修(护)费'],
    [' 维修(护)费 ', '维修(护)费'],
    ['因公出国\u3000（境） 费用', '因公出国(境)费用'],
    ['基本\t工资\n', '基本工资'],
  ])('reads %j as %j', (name, normalised) => {
    expect(normaliseSubjectName(name)).toBe(normalised);
  });
});

describe('economic subjects', () => {
  const lists: [string, readonly EconomicSubject[]][] = [
    ['部门', DEPARTMENT_ECONOMIC_SUBJECTS],
    ['政府', GOVERNMENT_ECONOMIC_SUBJECTS],
  ];

  it.each(lists)(
    '%s: sorted by code (catalogue order), no duplicate codes, every 款 under a listed 类',
    (_, subjects) => {
      expectUniqueSortedCodes(subjects);
      const codes = new Set(subjects.map((subject) => subject.code));
      for (const { code } of subjects) {
        expect(code, code).toMatch(/^\d{3}(\d{2})?$/);
        expect(codes.has(code.slice(0, 3)), code).toBe(true);
      }
    },
  );

  it.each(lists)('%s: every name and alias is unique once normalised', (_, subjects) => {
    const keys = subjects.flatMap((subject) =>
      [subject.name, ...(subject.aliases ?? [])].map(normaliseSubjectName),
    );
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('finds subjects by code, name or alias, whatever the brackets and spaces', () => {
    expect(findDepartmentEconomicSubject('30101')?.name).toBe('基本工资');
    expect(findDepartmentEconomicSubject(' 基本工资 ')?.code).toBe('30101');
    expect(findDepartmentEconomicSubject('维修(护)费')?.code).toBe('30213');
    expect(findDepartmentEconomicSubject('维修（护）费')?.code).toBe('30213');
    expect(findDepartmentEconomicSubject('因公出国（境）费用')?.code).toBe('30212');
    expect(findDepartmentEconomicSubject('工资福利支出')?.code).toBe('301');
    expect(findDepartmentEconomicSubject('工资奖金津补贴')).toBeUndefined();
    expect(findGovernmentEconomicSubject('维修(护)费')?.code).toBe('50209');
    expect(findGovernmentEconomicSubject('工资福利支出')?.code).toBe('50501');
    expect(findGovernmentEconomicSubject('资本性支出')?.code).toBe('50601');
    expect(findGovernmentEconomicSubject('50101')?.name).toBe('工资奖金津补贴');
    expect(findGovernmentEconomicSubject('')).toBeUndefined();
  });

  it('gives the 类 of a 部门 code', () => {
    expect(departmentEconomicClassOf('30101')).toEqual({ code: '301', name: '工资福利支出' });
    expect(departmentEconomicClassOf('31002')?.name).toBe('资本性支出');
    expect(departmentEconomicClassOf('301')?.code).toBe('301');
    expect(departmentEconomicClassOf('30198')).toBeUndefined();
    expect(departmentEconomicClassOf('3010')).toBeUndefined();
    expect(departmentEconomicClassOf('基本工资')).toBeUndefined();
  });

  it.each(SEEDS)('resolves every name of t6 in seed $id to one code of the right level', ({ data }) => {
    const rows = economicRows(data);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const classSubject = findDepartmentEconomicSubject(row.class);
      expect(classSubject?.code, row.class).toHaveLength(3);
      const department = findDepartmentEconomicSubject(row.deptEcon);
      if (row.isClass) {
        expect(department, row.deptEcon).toBe(classSubject);
        expect(row.govEcon).toBeNull();
        continue;
      }
      expect(department?.code, row.deptEcon).toHaveLength(5);
      expect(departmentEconomicClassOf(department?.code ?? ''), row.deptEcon).toBe(classSubject);
      expect(row.govEcon, row.deptEcon).not.toBeNull();
      expect(findGovernmentEconomicSubject(row.govEcon ?? '')?.code, row.govEcon ?? '').toHaveLength(5);
    }
  });

  it.each(SEEDS)('pairs every t6 detail row of seed $id as a 机关 or a 事业单位 would', ({ data }) => {
    for (const row of economicRows(data).filter((candidate) => !candidate.isClass)) {
      const department = findDepartmentEconomicSubject(row.deptEcon)?.code;
      const government = findGovernmentEconomicSubject(row.govEcon ?? '')?.code;
      const pairing = ECONOMIC_PAIRINGS.find((candidate) => candidate.departmentCode === department);
      expect(pairing, row.deptEcon).toBeDefined();
      expect(
        [pairing?.agencyGovernmentCode, pairing?.institutionGovernmentCode],
        `${row.deptEcon} | ${row.govEcon}`,
      ).toContain(government);
    }
  });

  it.each(SEEDS)('prints the t6 rows of seed $id in catalogue order', ({ data }) => {
    const positions = economicRows(data).map((row) =>
      DEPARTMENT_ECONOMIC_SUBJECTS.findIndex(
        (subject) => subject.code === findDepartmentEconomicSubject(row.deptEcon)?.code,
      ),
    );
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('pairs each 款 of 301, 302, 303 and 310 exactly once, with 机关 and 事业 items of the right 类', () => {
    const paired = ECONOMIC_PAIRINGS.map((pairing) => pairing.departmentCode);
    const printable = DEPARTMENT_ECONOMIC_SUBJECTS.filter(
      (subject) =>
        subject.code.length === 5 && ['301', '302', '303', '310'].includes(subject.code.slice(0, 3)),
    ).map((subject) => subject.code);
    expect(paired).toEqual(printable);
    for (const pairing of ECONOMIC_PAIRINGS) {
      const agency = findGovernmentEconomicSubject(pairing.agencyGovernmentCode)?.code ?? '';
      const institution = findGovernmentEconomicSubject(pairing.institutionGovernmentCode)?.code ?? '';
      const isTransfer = pairing.departmentCode.startsWith('303');
      expect(['501', '502', '503', '509'], pairing.departmentCode).toContain(agency.slice(0, 3));
      expect(['505', '506', '509'], pairing.departmentCode).toContain(institution.slice(0, 3));
      expect(agency.length === 5 && institution.length === 5, pairing.departmentCode).toBe(true);
      expect(agency === institution, pairing.departmentCode).toBe(isTransfer);
    }
  });
});
