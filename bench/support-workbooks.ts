import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tablesToReferenceJson } from '../shared/tables/reference-json';
import { evaluateWorkbook } from '../shared/workbook/evaluate';
import { importGoalsJson } from '../src-main/services/goal-sheets/import-goals-json';
import { importReferenceJson } from '../src-main/services/workbook/import-reference-json';
import type { Workbook } from '../src-main/services/workbook/workbook';
import { generateDepartment } from './support-generate';

/** A seed's parsed fixture, e.g. 002-tables.json. */
export function seedFixture(name: string): string {
  return fileURLToPath(new URL(`../test/fixtures/seed-data/${name}`, import.meta.url));
}

/**
 * A generated 部门 as a workbook file in `folder`, with a 项目支出绩效目标表 on each of its first
 * `goalSheets` current-year projects (seed 002's sheets, each re-attached to a generated project).
 */
export function generatedDepartmentWithGoalSheets(
  folder: string,
  size: { readonly units: number; readonly projects: number; readonly goalSheets: number },
): Workbook {
  const department = generateDepartment(size.units, size.projects);
  const json = path.join(folder, 'department.json');
  fs.writeFileSync(json, JSON.stringify(tablesToReferenceJson(department, evaluateWorkbook(department))));
  const workbook = importReferenceJson(json, path.join(folder, 'department.ysgk'));
  const seed = importReferenceJson(seedFixture('002-tables.json'), path.join(folder, 'goals-002.ysgk'));
  importGoalsJson(seed, seedFixture('002-goals.json'));
  const templates = seed.goalSheets();
  seed.close();
  const projects = department.projects.filter((project) => project.kind === 'current');
  for (let index = 0; index < size.goalSheets; index++) {
    const template = templates[index % templates.length];
    const project = projects[index];
    if (template && project) workbook.setGoalSheet({ ...template, projectId: project.id });
  }
  return workbook;
}
