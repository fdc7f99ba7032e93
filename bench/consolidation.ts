/**
 * 部门 consolidation of 60 generated unit workbooks (≈ 2,000 projects in all): reading the files,
 * the preview, the first consolidation, the 审核 of the result, a second consolidation after one
 * unit changed, and its undo. Target: the whole consolidation of 60 units within 10 s on the
 * 2-core development machine.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { WorkbookContent } from '../shared/workbook/content';
import { consolidateUnits, previewConsolidation } from '../src-main/services/consolidation/consolidate-units';
import { replaceTables } from '../src-main/services/workbook/replace-tables';
import { Workbook } from '../src-main/services/workbook/workbook';
import { generateDepartment } from './support-generate';

const UNITS = 60;
const PROJECTS_PER_UNIT = 33;
const TARGET_MS = 10_000;

/** A 单位 of its own: the generated structure for one unit, its amounts varied by its number. */
function generatedUnit(index: number): WorkbookContent {
  const content = generateDepartment(1, PROJECTS_PER_UNIT);
  const name = `合成测试单位${index}`;
  return {
    ...content,
    profile: { ...content.profile, name, scope: '单位', unitType: index === 1 ? '行政' : '事业' },
    units: content.units.map((unit) => ({ ...unit, name })),
    projects: content.projects.map((project) => ({ ...project, name: `${name}项目${project.id}` })),
    cells: content.cells.map((cell) => ({ ...cell, fen: cell.fen + index * 100 })),
  };
}

function writeWorkbook(file: string, content: WorkbookContent): void {
  const workbook = Workbook.create(file, content.profile);
  workbook.edit('生成', (store) =>
    replaceTables(store, { content: workbook.content(), goalSheets: [] }, { content, goalSheets: [] }),
  );
  workbook.close();
}

function time<T>(action: () => T): [T, number] {
  const start = performance.now();
  const result = action();
  return [result, performance.now() - start];
}

export function run(): void {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ysgk-bench-consolidation-'));
  try {
    const files = Array.from({ length: UNITS }, (_, index) => path.join(folder, `单位${index + 1}.ysgk`));
    const [, writeMs] = time(() =>
      files.forEach((file, index) => writeWorkbook(file, generatedUnit(index + 1))),
    );
    const departmentFile = path.join(folder, '部门.ysgk');
    Workbook.create(departmentFile, {
      ...generatedUnit(0).profile,
      name: '合成测试部门',
      scope: '部门',
    }).close();
    const department = Workbook.open(departmentFile);
    try {
      const [plan, previewMs] = time(() => previewConsolidation(department, files));
      const [, firstMs] = time(() => consolidateUnits(department, files));
      const content = department.content();
      const [findings, checkMs] = time(() => department.findings());
      const [, unchangedMs] = time(() => consolidateUnits(department, files));
      const changed = Workbook.open(files[7] ?? '');
      changed.setCell({ table: 't12', row: 'project:3', column: 'gpb', text: '12.34', unit: 'wanYuan' });
      changed.close();
      const [again, secondMs] = time(() => consolidateUnits(department, files));
      const [, undoMs] = time(() => department.undo());
      console.log(
        `${UNITS} unit workbooks (${PROJECTS_PER_UNIT} projects each) written in ${writeMs.toFixed(0)} ms; ` +
          `部门: ${content.units.length} units, ${content.projects.length} projects, ${content.cells.length} stored cells`,
      );
      console.log(
        `  preview (read ${UNITS} files, sum, compare): ${previewMs.toFixed(0)} ms — ` +
          `${plan.changes.newRows.length} new rows, ${plan.changes.changedCells.length} changed cells`,
      );
      console.log(
        `  first consolidation (read, sum, write, one undo step): ${firstMs.toFixed(0)} ms   target ≤ ${TARGET_MS} ms   ${firstMs <= TARGET_MS ? 'met' : 'MISSED'}`,
      );
      console.log(
        `  审核 of the consolidated 部门 (all rules, H1–H6 included): ${checkMs.toFixed(0)} ms, ${findings.length} findings, ` +
          `${findings.filter((finding) => finding.ruleId.startsWith('H')).length} of H1–H6`,
      );
      console.log(`  again, no unit changed: ${unchangedMs.toFixed(0)} ms`);
      console.log(
        `  again after one unit changed one project: ${secondMs.toFixed(0)} ms, ${again.changes.changedCells.length} changed cells; undo ${undoMs.toFixed(0)} ms`,
      );
      console.log(
        `  部门 file ${(fs.statSync(departmentFile).size / 1e6).toFixed(2)} MB; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
      );
    } finally {
      department.close();
    }
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
