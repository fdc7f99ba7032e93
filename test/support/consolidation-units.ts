import path from 'node:path';
import { importGoalsJson } from '../../src-main/services/goal-sheets/import-goals-json';
import { importReferenceJson } from '../../src-main/services/workbook/import-reference-json';
import { Workbook } from '../../src-main/services/workbook/workbook';
import { fixturePath } from './fixtures';
import { tempDir } from './temp-dir';

export interface Units {
  readonly dir: string;
  /** 阳城县医疗保障局 (seed 002, with its goal sheets). */
  readonly bureau: string;
  /** 山西省肿瘤医院 (seed 004): no 机关运行经费. */
  readonly hospital: string;
  /** Seed 002 again as 阳城县医疗保险服务中心, a 事业单位. */
  readonly centre: string;
  readonly department: string;
}

/** Three unit workbooks from the seeds and an empty 部门 of the same year, in one folder. */
export function unitsAndDepartment(): Units {
  const dir = tempDir();
  const bureau = path.join(dir, '阳城县医疗保障局.ysgk');
  const withGoals = importReferenceJson(fixturePath('002'), bureau);
  importGoalsJson(withGoals, fixturePath('002').replace('-tables.json', '-goals.json'));
  withGoals.close();
  const hospital = path.join(dir, '山西省肿瘤医院.ysgk');
  importReferenceJson(fixturePath('004'), hospital).close();
  const centre = path.join(dir, '阳城县医疗保险服务中心.ysgk');
  const renamed = importReferenceJson(fixturePath('002'), centre);
  renamed.updateProfile({ name: '阳城县医疗保险服务中心', unitType: '事业' });
  renamed.close();
  const department = path.join(dir, '阳城县卫生健康局.ysgk');
  Workbook.create(department, {
    name: '阳城县卫生健康局',
    code: null,
    year: 2025,
    scope: '部门',
    unitType: '行政',
    supervisingDepartment: null,
  }).close();
  return { dir, bureau, hospital, centre, department };
}

/** Opens a workbook file for `use`, and closes it. */
export function read<T>(file: string, use: (workbook: Workbook) => T): T {
  const workbook = Workbook.open(file);
  try {
    return use(workbook);
  } finally {
    workbook.close();
  }
}
