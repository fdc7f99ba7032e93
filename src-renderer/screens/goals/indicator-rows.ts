/**
 * The indicator list as the grid edits it: each indicator gets a key that survives reordering
 * (the grid tracks rows by it), the list stays in the template's group order, and each 指标值
 * is read into its structure (shared/goal-sheets/indicator-value.ts) for display and editing.
 */
import { INDICATOR_GROUPS, type Indicator, type IndicatorGroupKey } from '../../../shared/goal-sheets/model';
import {
  type Comparator,
  type DateParts,
  type IndicatorValue,
  type NumericValue,
  formatIndicatorValue,
  indicatorValueProblems,
  parseIndicatorValue,
} from '../../../shared/goal-sheets/indicator-value';

export interface IndicatorRow extends Indicator {
  readonly key: string;
}

let lastKey = 0;
function newKey(): string {
  lastKey += 1;
  return `indicator-${lastKey}`;
}

export function withKeys(indicators: readonly Indicator[]): IndicatorRow[] {
  return indicators.map((indicator) => ({ ...indicator, key: newKey() }));
}

export function withoutKeys(rows: readonly IndicatorRow[]): Indicator[] {
  return rows.map(({ group, name, value }) => ({ group, name, value }));
}

export function groupOf(key: IndicatorGroupKey): (typeof INDICATOR_GROUPS)[number] {
  const group = INDICATOR_GROUPS.find((candidate) => candidate.key === key);
  if (!group) throw new RangeError(`未知的指标分组：${key}`);
  return group;
}

export function groupByLabel(level2: string): IndicatorGroupKey | null {
  return INDICATOR_GROUPS.find((group) => group.level2 === level2)?.key ?? null;
}

const GROUP_POSITION: ReadonlyMap<IndicatorGroupKey, number> = new Map(
  INDICATOR_GROUPS.map((group, index) => [group.key, index]),
);

/** The sheet prints its groups in template order; within a group the user's order stands. */
export function inGroupOrder(rows: readonly IndicatorRow[]): IndicatorRow[] {
  return rows
    .map((row, index) => ({ row, index }))
    .sort(
      (a, b) =>
        (GROUP_POSITION.get(a.row.group) ?? 0) - (GROUP_POSITION.get(b.row.group) ?? 0) || a.index - b.index,
    )
    .map(({ row }) => row);
}

/** A blank indicator at the end of its group; answers the list and the new row's key. */
export function addIndicator(
  rows: readonly IndicatorRow[],
  group: IndicatorGroupKey,
): { rows: IndicatorRow[]; key: string } {
  const row: IndicatorRow = { key: newKey(), group, name: '', value: '' };
  return { rows: inGroupOrder([...rows, row]), key: row.key };
}

export function removeIndicator(rows: readonly IndicatorRow[], key: string): IndicatorRow[] {
  return rows.filter((row) => row.key !== key);
}

/** Moves a row past its neighbour in the same group; at a group's edge it stays. */
export function moveIndicator(rows: readonly IndicatorRow[], key: string, step: -1 | 1): IndicatorRow[] {
  const index = rows.findIndex((row) => row.key === key);
  const row = rows[index];
  const neighbour = rows[index + step];
  if (!row || !neighbour || neighbour.group !== row.group) return [...rows];
  const moved = [...rows];
  moved[index] = neighbour;
  moved[index + step] = row;
  return moved;
}

/**
 * The order after a drag in the grid. A row dropped among another group's rows joins that
 * group: the group of the row above it, or below it when it lands first.
 */
export function reorderByKeys(
  rows: readonly IndicatorRow[],
  orderedKeys: readonly string[],
  draggedKey: string,
): IndicatorRow[] {
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const ordered = orderedKeys.flatMap((key) => byKey.get(key) ?? []);
  const position = ordered.findIndex((row) => row.key === draggedKey);
  const dragged = ordered[position];
  const above = ordered[position - 1];
  const below = ordered[position + 1];
  const staysInGroup = above?.group === dragged?.group || below?.group === dragged?.group;
  const group = (above ?? below)?.group;
  if (dragged && !staysInGroup && group !== undefined) ordered[position] = { ...dragged, group };
  return inGroupOrder(ordered);
}

export function updateIndicator(
  rows: readonly IndicatorRow[],
  key: string,
  changes: Partial<Indicator>,
): IndicatorRow[] {
  const updated = rows.map((row) => (row.key === key ? { ...row, ...changes } : row));
  // A row moved to another group goes to the end of that group's block.
  if (changes.group === undefined) return updated;
  const row = updated.find((candidate) => candidate.key === key);
  return row ? inGroupOrder([...updated.filter((candidate) => candidate.key !== key), row]) : updated;
}

// ---------------------------------------------------------------------------------------------
// The structure of a 指标值

export type ValueKind = IndicatorValue['kind'];

export const VALUE_KIND_LABEL: Readonly<Record<ValueKind, string>> = {
  numeric: '数值',
  date: '日期',
  frequency: '频次',
  qualitative: '文字',
};

const COMPARATOR_LABEL: Readonly<Record<Comparator, string>> = {
  '>=': '≥',
  '<=': '≤',
  '>': '>',
  '<': '<',
  '=': '=',
  range: '区间',
  'increase-by': '提高',
  'decrease-by': '降低',
};

/** The comparators a user can pick for a plain number. */
export const EDITABLE_COMPARATORS: readonly Extract<Comparator, '>=' | '<=' | '>' | '<' | '='>[] = [
  '>=',
  '<=',
  '>',
  '<',
  '=',
];

export function comparatorLabel(comparator: Comparator): string {
  return COMPARATOR_LABEL[comparator];
}

export function comparatorByLabel(label: string): Comparator | null {
  const entry = Object.entries(COMPARATOR_LABEL).find(([, text]) => text === label);
  return entry ? (entry[0] as Comparator) : null;
}

const DIRECTION_LABEL = { increase: '提高', decrease: '降低', maintain: '保持', achieve: '达成' } as const;

function dateText(date: DateParts): string {
  const year = date.year === null || date.year === undefined ? '' : `${date.year}年`;
  const months =
    date.months !== undefined
      ? `${date.months.join('、')}月`
      : date.month === undefined
        ? ''
        : `${date.month}${date.monthTo === undefined ? '' : `-${date.monthTo}`}月`;
  const quarters = date.quarters === undefined ? '' : `第${date.quarters.join('、')}季度`;
  const day = date.day === undefined ? '' : `${date.day}日`;
  return `${year}${months}${quarters}${day}${date.position ?? ''}${date.period ?? ''}`;
}

export interface ValueReading {
  readonly kind: ValueKind;
  /** ≥ ≤ 区间 提高 …, or the deadline/direction word of a date or a text. */
  readonly comparator: string;
  readonly number: string;
  readonly unit: string;
  /** The value was read as a number (its comparator, number and unit can be edited). */
  readonly isEditableNumber: boolean;
  /** Read as nothing but free text: no number, date, frequency, comparator or direction. */
  readonly isUnstructured: boolean;
  readonly problems: readonly string[];
}

function printedUnit(value: NumericValue): string {
  return [value.unit ?? '', ...(value.per ?? [])].join('/');
}

export function readIndicatorValue(group: IndicatorGroupKey, name: string, raw: string): ValueReading {
  const value = parseIndicatorValue(raw);
  // A nameless indicator comes in with published templates; it is printed, so it is a hint.
  const problems = [
    ...(name.trim() === '' ? ['缺少三级指标名称'] : []),
    ...indicatorValueProblems(group, name, value),
  ];
  switch (value.kind) {
    case 'numeric':
      return {
        kind: value.kind,
        comparator: comparatorLabel(value.comparator),
        number:
          value.comparator === 'range'
            ? `${value.number}-${value.numberMax ?? value.number}`
            : String(value.number),
        unit: printedUnit(value),
        isEditableNumber: value.comparator !== 'range',
        isUnstructured: false,
        problems,
      };
    case 'date':
      return {
        kind: value.kind,
        comparator: value.date.deadline === true ? '截止' : '',
        number: dateText(value.date),
        unit: '',
        isEditableNumber: false,
        isUnstructured: false,
        problems,
      };
    case 'frequency':
      return {
        kind: value.kind,
        comparator: '每',
        number: value.every,
        unit: '',
        isEditableNumber: false,
        isUnstructured: false,
        problems,
      };
    case 'qualitative': {
      const isUnstructured = value.text !== '' && value.comparator === null && value.direction === null;
      return {
        kind: value.kind,
        comparator:
          value.comparator !== null
            ? comparatorLabel(value.comparator)
            : value.direction === null
              ? ''
              : DIRECTION_LABEL[value.direction],
        number: '',
        unit: '',
        isEditableNumber: false,
        isUnstructured,
        problems: isUnstructured
          ? ['未能识别指标值的结构（不是数值、日期、频次，也没有比较或方向）', ...problems]
          : problems,
      };
    }
  }
}

const DECIMAL = /^\d+(?:\.\d+)?$/;

/**
 * A new 指标值 from one edited part of a number's structure, printed back the way the sheet
 * prints numbers; null when the edit is not a number's part or the number is malformed.
 */
export function rewriteNumericPart(
  raw: string,
  part: 'comparator' | 'number' | 'unit',
  text: string,
): { value: string } | { problem: string } {
  const value = parseIndicatorValue(raw);
  if (value.kind !== 'numeric' || value.comparator === 'range') {
    return { problem: `“${raw}”不是单个数值，请直接修改指标值` };
  }
  const trimmed = text.trim();
  switch (part) {
    case 'number':
      if (!DECIMAL.test(trimmed)) return { problem: `“${trimmed}”不是有效的数值` };
      return { value: formatIndicatorValue({ ...value, number: Number(trimmed) }) };
    case 'comparator': {
      const comparator = comparatorByLabel(trimmed);
      if (comparator === null || !EDITABLE_COMPARATORS.some((candidate) => candidate === comparator)) {
        return { problem: `“${trimmed}”不是可选的比较符` };
      }
      return { value: formatIndicatorValue({ ...value, comparator }) };
    }
    case 'unit': {
      const [unit = '', ...per] = trimmed.split('/');
      return { value: formatIndicatorValue({ ...value, unit: unit === '' ? null : unit, per }) };
    }
  }
}
