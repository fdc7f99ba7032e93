import path from 'node:path';
import {
  type ConsolidationPlan,
  consolidateUnits,
  consolidatedSources,
  previewConsolidation,
} from '../../services/consolidation/consolidate-units';
import { type NarrativeInputChange, contributionsText } from '../../../shared/consolidation/narrative-inputs';
import { Workbook } from '../../services/workbook/workbook';
import { type Output, UsageError, parseCommandArgs } from '../args';

/** How many changed cells the text output lists; --json gives them all. */
const CELLS_LISTED = 30;
/** How many units' parts of a 情况说明 figure the text output names. */
const PARTS_LISTED = 5;
const STATUS_TEXT = { new: '新加入', changed: '有变动', unchanged: '无变动' } as const;
const SOURCE_STATUS_TEXT = {
  unchanged: '文件未变',
  changed: '文件已变动，需重新汇总',
  unreadable: '无法读取',
};

function inputChangeText(change: NarrativeInputChange): string {
  const parts = contributionsText(change.units, PARTS_LISTED);
  return `  ${change.label}：${change.before || '空'} → ${change.after || '空'}${parts === '' ? '' : `（${parts}）`}`;
}

function printPlan(plan: ConsolidationPlan, output: Output): void {
  for (const unit of plan.units) {
    output.out(
      `  ${unit.name}（${unit.file}）：${unit.projects} 个项目，${STATUS_TEXT[unit.status]}` +
        (unit.errors !== null && unit.errors > 0 ? `，审核错误 ${unit.errors} 项` : ''),
    );
  }
  if (plan.removedUnits.length > 0) output.out(`移出的单位：${plan.removedUnits.join('、')}`);
  const { newRows, removedRows, changedCells } = plan.changes;
  output.out(`新增 ${newRows.length} 行，删除 ${removedRows.length} 行，金额变动 ${changedCells.length} 处`);
  for (const cell of changedCells.slice(0, CELLS_LISTED)) {
    output.out(`  ${cell.table} ${cell.row} ${cell.column}：${cell.before ?? '空'} → ${cell.after ?? '空'}`);
  }
  if (changedCells.length > CELLS_LISTED) output.out(`  …… 另有 ${changedCells.length - CELLS_LISTED} 处`);
  output.out(`情况说明填报内容变动 ${plan.narrativeInputs.length} 项`);
  for (const change of plan.narrativeInputs) output.out(inputChangeText(change));
  for (const note of plan.notes) output.err(`注意：${note}`);
}

/**
 * `disclosure consolidate`: a 部门 workbook takes in its units' workbooks (all or nothing, one
 * undoable edit); --preview shows the changes without writing; without unit files it lists
 * the units consolidated before and whether their files changed since.
 */
export function runConsolidate(args: readonly string[], output: Output): number {
  const { values, positionals } = parseCommandArgs(args, {
    preview: { type: 'boolean' },
    json: { type: 'boolean' },
  });
  const [file, ...unitFiles] = positionals;
  if (file === undefined) throw new UsageError('需要部门工作簿文件路径，以及要汇总的单位工作簿');
  const workbook = Workbook.open(file);
  try {
    if (unitFiles.length === 0) {
      if (values.preview === true) throw new UsageError('--preview 需要给出要汇总的单位工作簿');
      const sources = consolidatedSources(workbook);
      if (values.json === true) output.out(JSON.stringify(sources, null, 2));
      else if (sources.length === 0) output.out(`${path.basename(file)} 尚未汇总任何单位。`);
      else {
        output.out(`${path.basename(file)} 汇总了 ${sources.length} 个单位：`);
        for (const source of sources) {
          output.out(
            `  ${source.name}（${source.file}，${source.consolidatedAt} 汇总）：${SOURCE_STATUS_TEXT[source.status]}` +
              (source.problem === null ? '' : `：${source.problem}`),
          );
        }
      }
      return 0;
    }
    const isPreview = values.preview === true;
    const plan = isPreview
      ? previewConsolidation(workbook, unitFiles)
      : consolidateUnits(workbook, unitFiles);
    if (values.json === true) {
      output.out(JSON.stringify(plan, null, 2));
      return 0;
    }
    output.out(
      isPreview
        ? `预览（未写入）：汇总 ${plan.units.length} 个单位到 ${path.basename(file)}：`
        : `已汇总 ${plan.units.length} 个单位到 ${path.basename(file)}（可撤销）：`,
    );
    printPlan(plan, output);
    return 0;
  } finally {
    workbook.close();
  }
}
