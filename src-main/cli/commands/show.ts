import { nameLine, tablesToReferenceJson } from '../../../shared/tables/reference-json';
import { TABLE_KEYS, type TableKey } from '../../../shared/tables/types';
import { Workbook } from '../../services/workbook/workbook';
import { type Output, UsageError, parseCommandArgs, singlePositional } from '../args';
import { renderTableText } from '../render-table-text';

export function runShow(args: readonly string[], output: Output): number {
  const { values, positionals } = parseCommandArgs(args, {
    table: { type: 'string' },
    json: { type: 'boolean' },
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
    const evaluated = workbook.evaluate();
    if (values.json === true) {
      const json = tablesToReferenceJson(content, evaluated) as { tables: Record<string, unknown> };
      if (values.table !== undefined)
        json.tables = Object.fromEntries(tables.map((key) => [key, json.tables[key]]));
      output.out(JSON.stringify(json, null, 2));
      return 0;
    }
    const line = nameLine(content.profile.scope, content.profile.name);
    output.out(tables.map((key) => renderTableText(evaluated[key], line, content.profile.year)).join('\n\n'));
    return 0;
  } finally {
    workbook.close();
  }
}
