import { Checker } from '../shared/checks/engine';
import type { WorkbookContent } from '../shared/workbook/content';
import { evaluateWorkbook } from '../shared/workbook/evaluate';
import { generateDepartment } from './support-generate';
import { median, time } from './support-timing';

const UNITS = 50;
const PROJECTS = 2_000;
const RUNS = 20;

/** Changes one 表十二 project amount, as a user edit would. */
function withEditedProject(content: WorkbookContent, projectId: number, fen: number): WorkbookContent {
  return {
    ...content,
    cells: content.cells.map((cell) =>
      cell.table === 't12' && cell.row === `project:${projectId}` ? { ...cell, fen } : cell,
    ),
  };
}

export function run(): void {
  const content = generateDepartment(UNITS, PROJECTS);
  const evaluateTimes: number[] = [];
  const fullTimes: number[] = [];
  const incrementalTimes: number[] = [];
  const reEvaluateTimes: number[] = [];
  let comparisons = 0;
  let findings = 0;
  for (let runIndex = 0; runIndex < RUNS; runIndex++) {
    const [evaluated, evaluateMs] = time(() => evaluateWorkbook(content));
    const [checker, fullMs] = time(() => {
      const created = new Checker(evaluated);
      findings = created.findings().length;
      return created;
    });
    const edited = withEditedProject(content, 1 + runIndex, 123_456 + runIndex);
    const [reEvaluated, reEvaluateMs] = time(() => evaluateWorkbook(edited));
    const [, incrementalMs] = time(() => {
      comparisons = checker.update(reEvaluated);
      return checker.findings();
    });
    evaluateTimes.push(evaluateMs);
    fullTimes.push(fullMs);
    reEvaluateTimes.push(reEvaluateMs);
    incrementalTimes.push(incrementalMs);
  }
  const full = median(fullTimes);
  const incremental = median(incrementalTimes);
  console.log(
    `generated 部门 workbook: ${UNITS} units, ${PROJECTS} projects, ${content.cells.length} stored cells`,
  );
  console.log(`evaluate all 13 tables:        ${median(evaluateTimes).toFixed(1)} ms (median of ${RUNS})`);
  console.log(
    `full 审核:                      ${full.toFixed(1)} ms   target ≤ 100 ms   ${full <= 100 ? 'met' : 'MISSED'}  (${findings} findings)`,
  );
  console.log(
    `incremental 审核 after 1 edit:  ${incremental.toFixed(2)} ms   target ≤ 10 ms   ${incremental <= 10 ? 'met' : 'MISSED'}  (${comparisons} comparisons re-checked)`,
  );
  console.log(`re-evaluation after the edit:   ${median(reEvaluateTimes).toFixed(1)} ms`);
  console.log(`full / incremental ratio:       ${(full / incremental).toFixed(1)}×`);
}
