import path from 'node:path';
import Database from 'better-sqlite3';
import { WORKBOOK_APPLICATION_ID, migrate } from '../../src-main/db/workbook-file';
import { Workbook } from '../../src-main/services/workbook/workbook';
import { tempDir } from './temp-dir';

/** A new workbook of 测试县医疗保障局, 2025, in a fresh temporary folder. */
export function newWorkbook(scope: '单位' | '部门' = '单位'): Workbook {
  return Workbook.create(path.join(tempDir(), 'test.ysgk'), {
    name: '测试县医疗保障局',
    code: null,
    year: 2025,
    scope,
    unitType: '行政',
    supervisingDepartment: null,
  });
}

/** A workbook file written by an older version: schema `version`, one unit, 表十 公务接待费 0.29 万元. */
export function oldVersionFile(file: string, version: number, name: string): Database.Database {
  const db = new Database(file);
  db.pragma(`application_id = ${WORKBOOK_APPLICATION_ID}`);
  migrate(db, 0, version);
  db.prepare(`INSERT INTO profile (id, name, year, scope) VALUES (1, ?, 2024, '单位')`).run(name);
  db.prepare(`INSERT INTO units (id, name, position) VALUES (1, ?, 1)`).run(name);
  db.prepare(`INSERT INTO cells VALUES ('t10', 'reception', 'gpb', 290000, 'input')`).run();
  return db;
}

/** The text of a 情况说明 sentence of a workbook, as printed. */
export function sentence(workbook: Workbook, id: string): string {
  const found = workbook
    .narrative()
    .flatMap((section) => section.sentences)
    .find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no sentence ${id}`);
  return found.text;
}
