import type { EconomicSubject } from './economic-subjects';
import { DEPARTMENT_ECONOMIC_SUBJECTS, GOVERNMENT_ECONOMIC_SUBJECTS } from './economic-subjects';
import type { FunctionalSubject } from './functional-subjects';
import { FUNCTIONAL_SUBJECTS } from './functional-subjects';

const functionalByCode: ReadonlyMap<string, FunctionalSubject> = new Map(
  FUNCTIONAL_SUBJECTS.map((subject) => [subject.code, subject]),
);

function isValidIn(subject: FunctionalSubject, year: number): boolean {
  return (
    (subject.sinceYear === undefined || year >= subject.sinceYear) &&
    (subject.untilYear === undefined || year <= subject.untilYear)
  );
}

/** The functional subjects of the catalogue that exist in the given budget year. */
export function functionalSubjectsForYear(year: number): readonly FunctionalSubject[] {
  return FUNCTIONAL_SUBJECTS.filter((subject) => isValidIn(subject, year));
}

export function findFunctionalSubject(code: string, year: number): FunctionalSubject | undefined {
  const subject = functionalByCode.get(code);
  return subject !== undefined && isValidIn(subject, year) ? subject : undefined;
}

/** The level a 功能科目编码 has by its length (3/5/7 digits); undefined for anything else. */
export function functionalLevel(code: string): '类' | '款' | '项' | undefined {
  if (!/^\d+$/.test(code)) return undefined;
  switch (code.length) {
    case 3:
      return '类';
    case 5:
      return '款';
    case 7:
      return '项';
    default:
      return undefined;
  }
}

/** '2101102' → '21011', '21011' → '210', '210' → undefined. */
export function parentFunctionalCode(code: string): string | undefined {
  switch (functionalLevel(code)) {
    case '项':
      return code.slice(0, 5);
    case '款':
      return code.slice(0, 3);
    default:
      return undefined;
  }
}

/**
 * The form names are compared in: PDF extraction and typing leave stray spaces (also U+3000) inside
 * names, and the same disclosure writes 维修(护)费 and 维修（护）费.
 */
export function normaliseSubjectName(name: string): string {
  return name.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
}

/** Keys are normalised codes, names and aliases; the catalogue keeps them unique within a list. */
function indexEconomic(subjects: readonly EconomicSubject[]): ReadonlyMap<string, EconomicSubject> {
  const index = new Map<string, EconomicSubject>();
  for (const subject of subjects) {
    for (const key of [subject.code, subject.name, ...(subject.aliases ?? [])]) {
      index.set(normaliseSubjectName(key), subject);
    }
  }
  return index;
}

const departmentIndex = indexEconomic(DEPARTMENT_ECONOMIC_SUBJECTS);
const governmentIndex = indexEconomic(GOVERNMENT_ECONOMIC_SUBJECTS);

/** A 部门预算支出经济分类 类 or 款, by code, name or alias. */
export function findDepartmentEconomicSubject(nameOrCode: string): EconomicSubject | undefined {
  return departmentIndex.get(normaliseSubjectName(nameOrCode));
}

/** A 政府预算支出经济分类 类 or 款, by code, name or alias. */
export function findGovernmentEconomicSubject(nameOrCode: string): EconomicSubject | undefined {
  return governmentIndex.get(normaliseSubjectName(nameOrCode));
}

/** The 部门经济分类 类 a catalogued code belongs to: '30101' → 301 工资福利支出, '301' → itself. */
export function departmentEconomicClassOf(code: string): EconomicSubject | undefined {
  if (!/^\d{3}(\d{2})?$/.test(code) || !departmentIndex.has(code)) return undefined;
  return departmentIndex.get(code.slice(0, 3));
}
