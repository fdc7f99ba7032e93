/**
 * The 部门's 情况说明 inputs from its units', field by field as NARRATIVE_INPUT_CONSOLIDATION
 * says. A summed figure replaces the 部门's, as the tables do: blank when no unit entered it;
 * once one unit did, a unit that did not counts as 0, and the notes name it.
 */
import { formatWanYuanExact } from '../money';
import type { NarrativeInputs } from '../narrative/inputs';
import { NARRATIVE_INPUT_CONSOLIDATION, type SummedKind } from './narrative-input-rules';

export interface UnitNarrativeInputs {
  readonly name: string;
  readonly inputs: NarrativeInputs;
}

export interface UnitContribution {
  readonly name: string;
  /** As entered, amounts in 万元; '' when the unit entered none (counted as 0). */
  readonly value: string;
}

export interface NarrativeInputChange {
  readonly label: string;
  /** As entered, amounts in 万元; '' when blank. */
  readonly before: string;
  readonly after: string;
  /** Each unit's part of a summed figure, in the units' order; none for a taken date. */
  readonly units: readonly UnitContribution[];
}

export interface NarrativeInputsConsolidation {
  readonly inputs: NarrativeInputs;
  /** The fields that change, in the order of the 情况说明 inputs. */
  readonly changes: readonly NarrativeInputChange[];
  readonly notes: readonly string[];
}

/** The units' parts of a figure in a line, the first `listed` named: 甲 0.29、乙 未填 等 8 个单位. */
export function contributionsText(units: readonly UnitContribution[], listed: number): string {
  const named = units
    .slice(0, listed)
    .map((unit) => `${unit.name} ${unit.value || '未填'}`)
    .join('、');
  return units.length > listed ? `${named} 等 ${units.length} 个单位` : named;
}

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/**
 * The exact sum of decimal texts (m² as typed), at the finest precision among them:
 * 1200.5 + 300.25 = 1500.75. Undefined when a text is not a plain decimal.
 */
export function sumDecimals(texts: readonly string[]): string | undefined {
  const parts: { whole: string; fraction: string }[] = [];
  for (const text of texts) {
    const match = DECIMAL.exec(text.trim());
    if (!match) return undefined;
    parts.push({ whole: match[1] ?? '0', fraction: match[2] ?? '' });
  }
  const scale = Math.max(0, ...parts.map((part) => part.fraction.length));
  const total = parts.reduce(
    (sum, part) => sum + BigInt(part.whole + part.fraction.padEnd(scale, '0')),
    BigInt(0),
  );
  const digits = total.toString().padStart(scale + 1, '0');
  return scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

function valueAt(inputs: NarrativeInputs, path: readonly string[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], inputs);
}

function withValueAt(node: unknown, [key, ...rest]: readonly string[], value: unknown): unknown {
  if (key === undefined) return value;
  const record = node as Record<string, unknown>;
  return { ...record, [key]: withValueAt(record[key], rest, value) };
}

/** A field's value as the officer reads it; '' when blank. */
function textOf(kind: SummedKind | 'text', value: unknown): string {
  if (kind === 'amount') return typeof value === 'number' ? formatWanYuanExact(value) : '';
  if (kind === 'count') return typeof value === 'number' ? String(value) : '';
  return typeof value === 'string' ? value.trim() : '';
}

/** The sum of the units' values; blank when none entered one, undefined when it cannot be summed. */
function sumOf(kind: SummedKind, values: readonly unknown[]): unknown {
  const entered = values.filter((value) => textOf(kind, value) !== '');
  if (kind === 'area')
    return entered.length === 0 ? '' : sumDecimals(entered.map((value) => textOf(kind, value)));
  if (entered.length === 0) return null;
  return entered.reduce<number>((sum, value) => sum + (value as number), 0);
}

/** The 部门's inputs after consolidating these units (in their order), with what changes. */
export function consolidateNarrativeInputs(
  department: NarrativeInputs,
  units: readonly UnitNarrativeInputs[],
): NarrativeInputsConsolidation {
  let inputs: unknown = department;
  const changes: NarrativeInputChange[] = [];
  const notes: string[] = [];
  const blankInUnit = new Map<string, string[]>(units.map((unit) => [unit.name, []]));
  const cleared: string[] = [];

  for (const { path, label, rule } of NARRATIVE_INPUT_CONSOLIDATION) {
    if (rule.take === 'own') continue;
    const kind = rule.take === 'agreed' ? 'text' : rule.kind;
    const before = textOf(kind, valueAt(department, path));
    const given = units.map((unit) => ({
      name: unit.name,
      raw: valueAt(unit.inputs, path),
      value: textOf(kind, valueAt(unit.inputs, path)),
    }));
    const entered = given.filter((unit) => unit.value !== '');

    if (rule.take === 'agreed') {
      const values = [...new Set(entered.map((unit) => unit.value))];
      if (values.length > 1) {
        notes.push(
          `各单位的${label}不一致（${entered.map((unit) => `${unit.name} ${unit.value}`).join('、')}），` +
            (before === '' ? '部门的请自行填写' : `部门保留“${before}”`),
        );
      }
      const [agreed] = values;
      if (before === '' && values.length === 1 && agreed !== undefined) {
        inputs = withValueAt(inputs, path, agreed);
        changes.push({ label, before, after: agreed, units: [] });
      }
      continue;
    }

    const sum = sumOf(
      rule.kind,
      given.map((unit) => unit.raw),
    );
    if (sum === undefined) {
      const unreadable = entered.filter((unit) => sumDecimals([unit.value]) === undefined);
      notes.push(
        `${unreadable.map((unit) => `“${unit.name}”的${label}“${unit.value}”`).join('、')}不是数字，` +
          `无法汇总，部门保留${before === '' ? '空白' : `“${before}”`}`,
      );
      continue;
    }
    if (entered.length > 0) {
      for (const unit of given) if (unit.value === '') blankInUnit.get(unit.name)?.push(label);
    }
    const after = textOf(rule.kind, sum);
    if (after === before) continue;
    if (after === '') cleared.push(label);
    inputs = withValueAt(inputs, path, sum);
    changes.push({
      label,
      before,
      after,
      units: given.map((unit) => ({ name: unit.name, value: unit.value })),
    });
  }

  for (const [name, labels] of blankInUnit) {
    if (labels.length > 0) notes.push(`“${name}”未填写情况说明的${labels.join('、')}，按 0 计入部门之和`);
  }
  if (cleared.length > 0) {
    notes.push(`各单位均未填写情况说明的${cleared.join('、')}，部门原有的数将清空`);
  }
  return { inputs: inputs as NarrativeInputs, changes, notes };
}
