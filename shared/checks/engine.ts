import { findGovernmentEconomicSubject, normaliseSubjectName } from '../catalogue/lookup';
import { type Fen, FEN_PER_PRINTED_CENT, FEN_PER_WAN_YUAN, formatWanYuan, formatYuan } from '../money';
import { EXPENDITURE_FUNCTION_CLASSES } from '../tables/vocabulary';
import { TABLE_KEYS, type TableKey } from '../tables/types';
import { rowKey } from '../workbook/content';
import { columnLabel, rowLabel, rowReference } from '../workbook/describe';
import {
  type CellAddress,
  type EvaluatedCell,
  type EvaluatedRow,
  type EvaluatedWorkbook,
  cellId,
} from '../workbook/evaluate';
import { RULES } from './rules';
import type { CellOperand, ComparisonRule, Operand, RowFilter, RuleDefinition, Severity } from './types';

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  /** A difference within the rounding bound of rounded 万元 figures (尾差). */
  readonly isRounding: boolean;
  readonly message: string;
  /** The cells compared, left side first: where the UI jumps to. */
  readonly cells: readonly CellAddress[];
  /** The two sides of a comparison, in 分 (absent for checks of table structure). */
  readonly sides?: { readonly left: Fen; readonly right: Fen };
}

interface Term {
  readonly address: CellAddress;
  readonly sign: 1 | -1;
}

/** One concrete comparison: a rule on one row and column. */
interface Comparison {
  readonly rule: ComparisonRule;
  readonly left: readonly Term[];
  readonly right: readonly Term[];
}

/** Half a printed unit (0.005 万元) per rounded addend: the 尾差 a sum of rounded figures may carry. */
const ROUNDING_BOUND_PER_ADDEND = FEN_PER_PRINTED_CENT / 2;
const FUNCTION_CODES = new Set(EXPENDITURE_FUNCTION_CLASSES.map((entry) => entry.code));

/**
 * 万元 as printed (two decimals) for rounded figures; an exact amount that is not a whole
 * 0.01 万元 keeps its digits down to the 分, or two sides that differ by 1 分 would read alike.
 */
export function amountText(fen: Fen): string {
  if (fen % FEN_PER_PRINTED_CENT === 0) return formatWanYuan(fen);
  const magnitude = Math.abs(fen);
  const whole = Math.floor(magnitude / FEN_PER_WAN_YUAN);
  const fraction = String(magnitude % FEN_PER_WAN_YUAN)
    .padStart(6, '0')
    .replace(/0+$/, '');
  return `${fen < 0 ? '-' : ''}${whole}.${fraction}`;
}

function differenceText(fen: Fen): string {
  return Math.abs(fen) < FEN_PER_PRINTED_CENT ? `${formatYuan(Math.abs(fen))} 元` : amountText(Math.abs(fen));
}

/**
 * Checks a workbook against the rule catalogue. Comparisons are expanded once per structure;
 * after an edit only those reading a changed cell are checked again.
 */
export class Checker {
  private comparisons: Comparison[] = [];
  private readonly comparisonsByCell = new Map<string, number[]>();
  private comparisonFindings: (Finding | null)[] = [];
  private rowIndex: Record<TableKey, Map<string, EvaluatedRow>>;

  constructor(private evaluated: EvaluatedWorkbook) {
    this.rowIndex = indexRows(evaluated);
    this.rebuild();
  }

  /** Every finding, in catalogue order. */
  findings(): Finding[] {
    const byRule = new Map<RuleDefinition, Finding[]>();
    this.comparisons.forEach((comparison, index) => {
      const finding = this.comparisonFindings[index];
      if (finding) byRule.set(comparison.rule, [...(byRule.get(comparison.rule) ?? []), finding]);
    });
    return RULES.flatMap((rule) =>
      rule.kind === 'compare' ? (byRule.get(rule) ?? []) : this.checkWhole(rule),
    );
  }

  /** Takes a newly evaluated workbook; returns how many comparisons were checked again. */
  update(next: EvaluatedWorkbook): number {
    const previous = this.evaluated;
    this.evaluated = next;
    this.rowIndex = indexRows(next);
    if (!sameStructure(previous, next)) {
      this.rebuild();
      return this.comparisons.length;
    }
    const affected = new Set<number>();
    for (const id of changedCells(previous, next)) {
      for (const index of this.comparisonsByCell.get(id) ?? []) affected.add(index);
    }
    for (const index of affected) {
      const comparison = this.comparisons[index];
      if (comparison) this.comparisonFindings[index] = this.check(comparison);
    }
    return affected.size;
  }

  private rebuild(): void {
    this.comparisons = RULES.flatMap((rule) => (rule.kind === 'compare' ? expand(rule, this.evaluated) : []));
    this.comparisonsByCell.clear();
    this.comparisons.forEach((comparison, index) => {
      for (const term of [...comparison.left, ...comparison.right]) {
        const id = cellId(term.address);
        const list = this.comparisonsByCell.get(id);
        if (list) list.push(index);
        else this.comparisonsByCell.set(id, [index]);
      }
    });
    this.comparisonFindings = this.comparisons.map((comparison) => this.check(comparison));
  }

  private valueOf(address: CellAddress): EvaluatedCell | undefined {
    return this.rowIndex[address.table].get(address.row)?.cells[address.column];
  }

  private sum(terms: readonly Term[]): { fen: Fen; roundedAddends: number } {
    let fen = 0;
    let roundedAddends = 0;
    for (const term of terms) {
      const cell = this.valueOf(term.address);
      if (!cell || cell.fen === null) continue;
      fen += term.sign * cell.fen;
      if (cell.isRounded) roundedAddends += 1;
    }
    return { fen, roundedAddends };
  }

  private check(comparison: Comparison): Finding | null {
    const left = this.sum(comparison.left);
    const right = this.sum(comparison.right);
    const difference = left.fen - right.fen;
    const { rule } = comparison;
    const holds = rule.relation === '=' ? difference === 0 : difference <= 0;
    if (holds) return null;
    const bound = (left.roundedAddends + right.roundedAddends) * ROUNDING_BOUND_PER_ADDEND;
    const isRounding = Math.abs(difference) <= bound;
    const severity: Severity = isRounding && rule.severity === '错误' ? '提示' : rule.severity;
    const symbol = rule.relation === '=' ? '≠' : '>';
    const message =
      `${this.describe(comparison.left, left.fen)} ${symbol} ${this.describe(comparison.right, right.fen)}` +
      `（差 ${differenceText(difference)}）` +
      (isRounding ? '，在四舍五入误差之内（尾差）' : '');
    return {
      ruleId: rule.id,
      severity,
      isRounding,
      message: `${rule.title}：${message}`,
      cells: [...comparison.left, ...comparison.right].map((term) => term.address),
      sides: { left: left.fen, right: right.fen },
    };
  }

  /** “表二 第5行（210 卫生健康支出）合计 716.44 + 上年结转 22.38 = 738.82” */
  private describe(terms: readonly Term[], total: Fen): string {
    const groups: { table: TableKey; row: string; parts: string[] }[] = [];
    // Blank addends say nothing; they are left out unless every addend is blank.
    const shown = terms.filter((term) => (this.valueOf(term.address)?.fen ?? null) !== null);
    for (const term of shown.length > 0 ? shown : terms) {
      const cell = this.valueOf(term.address);
      const table = this.evaluated[term.address.table];
      const value = `${columnLabel(table, term.address.row, term.address.column)} ${amountText(cell?.fen ?? 0)}`;
      const last = groups.at(-1);
      const part = (term.sign === -1 ? '− ' : '') + value;
      if (last && last.table === term.address.table && last.row === term.address.row) last.parts.push(part);
      else groups.push({ table: term.address.table, row: term.address.row, parts: [part] });
    }
    const rowText = (group: (typeof groups)[number], withTable: boolean) => {
      const table = this.evaluated[group.table];
      const prefix = withTable ? `${table.definition.shortName} ` : '';
      return `${prefix}${rowReference(table, group.row)}${group.parts.join(' + ')}`;
    };
    const text =
      groups.length > 6
        ? `${groups
            .slice(0, 3)
            .map((group, index) => rowText(group, index === 0 || groups[index - 1]?.table !== group.table))
            .join(' + ')} + … 共 ${groups.length} 行之和`
        : groups
            .map((group, index) => rowText(group, index === 0 || groups[index - 1]?.table !== group.table))
            .join(' + ')
            .replaceAll('+ − ', '− ');
    return groups.length > 1 || (groups[0]?.parts.length ?? 0) > 1 ? `${text} = ${amountText(total)}` : text;
  }

  private checkWhole(rule: Exclude<RuleDefinition, ComparisonRule>): Finding[] {
    const { evaluated } = this;
    switch (rule.kind) {
      case 'sameCodes': {
        const [first, second] = rule.tables;
        const codesOf = (table: TableKey) =>
          new Set(evaluated[table].rows.filter((row) => row.kind === 'subject').map((row) => row.key));
        const inFirst = codesOf(first);
        const inSecond = codesOf(second);
        const missing = (from: TableKey, to: TableKey, codes: Set<string>, others: Set<string>) =>
          [...codes]
            .filter((code) => !others.has(code))
            .map((code): Finding => {
              const row = evaluated[from].rows.find((candidate) => candidate.key === code);
              return {
                ruleId: rule.id,
                severity: rule.severity,
                isRounding: false,
                message: `${rule.title}：科目 ${rowLabel(row, code)} 列在${evaluated[from].definition.shortName}，${evaluated[to].definition.shortName}中没有`,
                cells: [{ table: from, row: code, column: 'total' }],
              };
            });
        return [...missing(first, second, inFirst, inSecond), ...missing(second, first, inSecond, inFirst)];
      }
      case 'emptiness': {
        const table = evaluated[rule.emptyTable];
        const terms = rule.amount.map((operand) => toTerm(operand, rule.emptyTable, '', ''));
        const amount = this.sum(terms).fen;
        if (table.isEmpty === (amount === 0)) return [];
        const name = table.definition.shortName;
        const amountPart = this.describe(terms, amount);
        return [
          {
            ruleId: rule.id,
            severity: rule.severity,
            isRounding: false,
            message: table.isEmpty
              ? `${rule.title}：${name}没有数据，但 ${amountPart}`
              : `${rule.title}：${name}有数据，但 ${amountPart}`,
            cells: terms.map((term) => term.address),
          },
        ];
      }
      case 'unitsInProjects': {
        const t11 = evaluated.t11;
        const t12Units = new Set(
          evaluated.t12.rows.filter((row) => row.kind === 'unit').map((row) => row.key),
        );
        const t12IsUnitDocument = !evaluated.t12.rows.some((row) => row.kind === 'unit');
        if (t12IsUnitDocument) return [];
        return t11.rows
          .filter((row) => row.kind === 'unit' && !t12Units.has(row.key))
          .map((row) => ({
            ruleId: rule.id,
            severity: rule.severity,
            isRounding: false,
            message: `${rule.title}：${row.labels['unitName'] ?? ''} 列在表十一，但表十二没有该单位的项目`,
            cells: [{ table: 't11', row: row.key, column: 'total' }],
          }));
      }
      case 'emptyTable':
        return TABLE_KEYS.filter((key) => evaluated[key].isEmpty).map((key) => ({
          ruleId: rule.id,
          severity: rule.severity,
          isRounding: false,
          message: `${evaluated[key].definition.shortName}没有数据，将打印“注：本表无数据”`,
          cells: [],
        }));
    }
  }
}

function indexRows(evaluated: EvaluatedWorkbook): Record<TableKey, Map<string, EvaluatedRow>> {
  const index = {} as Record<TableKey, Map<string, EvaluatedRow>>;
  for (const key of TABLE_KEYS) index[key] = new Map(evaluated[key].rows.map((row) => [row.key, row]));
  return index;
}

/** Same rows in the same order with the same labels: the comparisons need not be expanded again. */
function sameStructure(before: EvaluatedWorkbook, after: EvaluatedWorkbook): boolean {
  return TABLE_KEYS.every((key) => {
    const previous = before[key].rows;
    const next = after[key].rows;
    return (
      previous.length === next.length &&
      previous.every((row, index) => {
        const other = next[index];
        return other !== undefined && other.key === row.key && sameLabels(row.labels, other.labels);
      })
    );
  });
}

function sameLabels(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/** Ids of the cells whose value or precision differs between two evaluations of one structure. */
function changedCells(before: EvaluatedWorkbook, after: EvaluatedWorkbook): string[] {
  const changed: string[] = [];
  for (const table of TABLE_KEYS) {
    const nextRows = after[table].rows;
    before[table].rows.forEach((row, index) => {
      const next = nextRows[index];
      if (!next) return;
      for (const column in row.cells) {
        const previous = row.cells[column];
        const current = next.cells[column];
        if (previous?.fen !== current?.fen || previous?.isRounded !== current?.isRounded) {
          changed.push(cellId({ table, row: row.key, column }));
        }
      }
    });
  }
  return changed;
}

function toTerm(operand: CellOperand, table: TableKey, row: string, column: string): Term {
  return {
    address: {
      table: operand.table ?? table,
      row: (operand.row ?? '$row').replace('$row', row),
      column: (operand.column ?? '$col').replace('$col', column),
    },
    sign: operand.sign ?? 1,
  };
}

function rowsOf(filter: RowFilter, table: TableKey, evaluated: EvaluatedWorkbook): string[] {
  const rows = evaluated[table].rows;
  switch (filter.kind) {
    case 'once':
      return [''];
    case 'keys':
      return [...filter.keys];
    case 'all':
      return rows.map((row) => row.key);
    case 'parents':
      return rows
        .filter((row) => row.childKeys.length > 0 && (filter.includeTotal || row.kind !== 'total'))
        .map((row) => row.key);
    case 'functionRows':
      return rows.filter((row) => FUNCTION_CODES.has(row.key)).map((row) => row.key);
    case 'codesOf': {
      const codes = new Set<string>();
      for (const source of filter.tables) {
        for (const row of evaluated[source].rows) if (row.kind === 'subject') codes.add(row.key);
      }
      return [...(filter.includeTotal ? [rowKey.total] : []), ...[...codes].sort()];
    }
  }
}

function expandOperand(
  operand: Operand,
  rule: ComparisonRule,
  row: string,
  column: string,
  evaluated: EvaluatedWorkbook,
): Term[] {
  switch (operand.kind) {
    case 'cell':
      return [toTerm(operand, rule.table, row, column)];
    case 'children': {
      const shape = evaluated[rule.table].rows.find((candidate) => candidate.key === row);
      return (shape?.childKeys ?? []).map((child) => ({
        address: { table: rule.table, row: child, column: operand.column ?? column },
        sign: 1,
      }));
    }
    case 'economicItems': {
      const names = new Set(operand.deptNames.map(normaliseSubjectName));
      return evaluated.t6.rows
        .filter(
          (candidate) =>
            candidate.kind === 'economic' &&
            names.has(normaliseSubjectName(candidate.labels['deptEcon'] ?? '')),
        )
        .map((candidate) => ({
          address: { table: 't6', row: candidate.key, column: operand.column },
          sign: 1,
        }));
    }
    case 'agencyPublicCosts':
      return evaluated.t6.rows
        .filter((candidate) => {
          const code = findGovernmentEconomicSubject(candidate.labels['govEcon'] ?? '')?.code;
          return candidate.kind === 'economic' && code !== undefined && code.startsWith('502');
        })
        .map((candidate) => ({ address: { table: 't6', row: candidate.key, column: 'public' }, sign: 1 }));
  }
}

function expand(rule: ComparisonRule, evaluated: EvaluatedWorkbook): Comparison[] {
  const columns = rule.columns.length > 0 ? rule.columns : [''];
  return rowsOf(rule.rows, rule.table, evaluated).flatMap((row) =>
    columns.flatMap((column) =>
      rule.pairs.map((pair) => ({
        rule,
        left: pair.left.flatMap((operand) => expandOperand(operand, rule, row, column, evaluated)),
        right: pair.right.flatMap((operand) => expandOperand(operand, rule, row, column, evaluated)),
      })),
    ),
  );
}

/** All findings of a workbook, in catalogue order. */
export function checkWorkbook(evaluated: EvaluatedWorkbook): Finding[] {
  return new Checker(evaluated).findings();
}
