import { formatWanYuan } from '../../shared/money';
import { columnsOfSide, twoSidedLines } from '../../shared/tables/definitions';
import type { ColumnDefinition } from '../../shared/tables/types';
import { AMOUNT_UNIT_LINE, EMPTY_TABLE_NOTE } from '../../shared/tables/vocabulary';
import type { EvaluatedRow, EvaluatedTable } from '../../shared/workbook/evaluate';
import { displayWidth, padEnd, padStart } from './text-width';

const OVERRIDE_MARK = '*';

function headerText(column: ColumnDefinition, year: number): string {
  return (column.header.at(-1) ?? column.key).replaceAll('{year}', String(year));
}

function cellText(row: EvaluatedRow | undefined, column: ColumnDefinition): string {
  if (!row) return '';
  if (column.kind === 'label') {
    const label = row.labels[column.key] ?? '';
    // Tree rows are indented by level, as the published 表十二/表十三 do with U+3000.
    return column.key === 'name' || column.key === 'deptEcon'
      ? '　'.repeat(Math.max(0, row.level - 1)) + label
      : label;
  }
  const cell = row.cells[column.key];
  if (!cell || cell.fen === null) return '';
  return formatWanYuan(cell.fen) + (cell.state === 'overridden' ? OVERRIDE_MARK : '');
}

/** A table as aligned plain text: title, 名称 line, header, rows; `*` marks an override. */
export function renderTableText(table: EvaluatedTable, nameLine: string, year: number): string {
  const { definition } = table;
  const twoSided = twoSidedLines(definition);
  const byKey = new Map(table.rows.map((row) => [row.key, row]));
  let columns: ColumnDefinition[];
  let lines: (EvaluatedRow | undefined)[][];
  if (twoSided.length > 0) {
    const left = columnsOfSide(definition, 'income').filter((column) => column.isPublished);
    const right = columnsOfSide(definition, 'expenditure').filter((column) => column.isPublished);
    columns = [...left, ...right];
    lines = twoSided.map(([income, expenditure]) => [
      ...left.map(() => (income === null ? undefined : byKey.get(income))),
      ...right.map(() => (expenditure === null ? undefined : byKey.get(expenditure))),
    ]);
  } else if (definition.rowModel.kind === 'capitalOperations') {
    const left = columnsOfSide(definition, 'income');
    const right = columnsOfSide(definition, 'expenditure');
    const [total, ...rest] = table.rows;
    const income = rest.filter((row) => row.side === 'income');
    const expenditure = rest.filter((row) => row.side === 'expenditure');
    columns = [...left, ...right];
    lines = [
      columns.map(() => total),
      ...Array.from({ length: Math.max(income.length, expenditure.length) }, (_, index) => [
        ...left.map(() => income[index]),
        ...right.map(() => expenditure[index]),
      ]),
    ];
  } else {
    columns = columnsOfSide(definition, 'main').filter((column) => column.isPublished);
    lines = table.rows.map((row) => columns.map(() => row));
  }
  const grid = [
    columns.map((column) => headerText(column, year)),
    ...lines.map((line) => columns.map((column, index) => cellText(line[index], column))),
  ];
  const widths = columns.map((_, index) => Math.max(...grid.map((line) => displayWidth(line[index] ?? ''))));
  const body = grid.map((line) =>
    line
      .map((text, index) => {
        const width = widths[index] ?? 0;
        return columns[index]?.kind === 'amount' ? padStart(text, width) : padEnd(text, width);
      })
      .join('  ')
      .trimEnd(),
  );
  const hasOverride = table.rows.some((row) =>
    Object.values(row.cells).some((cell) => cell.state === 'overridden'),
  );
  return [
    `${definition.shortName}  ${table.title}`,
    nameLine,
    AMOUNT_UNIT_LINE,
    ...body,
    ...(table.isEmpty ? [EMPTY_TABLE_NOTE] : []),
    ...(hasOverride ? [`${OVERRIDE_MARK} 覆盖了计算值的单元格`] : []),
  ].join('\n');
}
