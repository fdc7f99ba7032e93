import { adjustForPrint } from '../../../shared/checks/rounding-adjustment';
import { formatWanYuan, FEN_PER_PRINTED_CENT } from '../../../shared/money';
import { nameLine, tablesToReferenceJson } from '../../../shared/tables/reference-json';
import { TABLE_KEYS, type TableKey } from '../../../shared/tables/types';
import { describeCell } from '../../../shared/workbook/describe';
import { Workbook } from '../../services/workbook/workbook';
import { type Output, UsageError, parseCommandArgs, singlePositional } from '../args';
import { renderTableText } from '../render-table-text';

/** `disclosure show`: the tables as text or JSON; `--adjusted` shows them as printed after 尾差调整. */
export function runShow(args: readonly string[], output: Output): number {
  const { values, positionals } = parseCommandArgs(args, {
    table: { type: 'string' },
    json: { type: 'boolean' },
    adjusted: { type: 'boolean' },
  });
  const file = singlePositional(positionals, '工作簿文件路径');
  let tables: readonly TableKey[] = TABLE_KEYS;
  if (values.table !== undefined) {
    const key = `t${String(values.table)}`;
    if (!(TABLE_KEYS as readonly string[]).includes(key)) throw new UsageError('--table 应为 1 到 13');
    tables = [key as TableKey];
  }
  const workbook = Workbook.open(file);
  try {
    const content = workbook.content();
    const adjusted = values.adjusted === true ? adjustForPrint(content) : null;
    const evaluated = adjusted?.evaluated ?? workbook.evaluate();
    if (values.json === true) {
      const json = tablesToReferenceJson(content, evaluated) as { tables: Record<string, unknown> };
      if (values.table !== undefined)
        json.tables = Object.fromEntries(tables.map((key) => [key, json.tables[key]]));
      output.out(JSON.stringify(json, null, 2));
      return 0;
    }
    const line = nameLine(content.profile.scope, content.profile.name);
    output.out(tables.map((key) => renderTableText(evaluated[key], line, content.profile.year)).join('\n\n'));
    if (adjusted) {
      const shown = adjusted.adjustments.filter((adjustment) => tables.includes(adjustment.table));
      output.out(`\n尾差调整 ${shown.length} 处（工作簿中保存的金额不变）：`);
      for (const adjustment of shown) {
        const from = formatWanYuan(adjustment.roundedCents * FEN_PER_PRINTED_CENT);
        const to = formatWanYuan(adjustment.printedCents * FEN_PER_PRINTED_CENT);
        output.out(`  ${describeCell(evaluated[adjustment.table], adjustment)} ${from} → ${to}`);
      }
    }
    return 0;
  } finally {
    workbook.close();
  }
}
