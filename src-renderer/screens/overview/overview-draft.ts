/** 第一部分 概况 while it is edited: counts as typed, read back into an Overview on saving. */
import type { Overview } from '../../../shared/narrative/overview';
import { countToText } from '../../forms/amount-text';
import { type DraftReading, FieldReader } from '../../forms/field-reader';

export interface OverviewDraft {
  readonly duties: readonly string[];
  readonly dutyMarkerStyle: Overview['dutyMarkerStyle'];
  readonly establishment: readonly { readonly kind: string; readonly count: string }[];
  readonly hasHeadcount: boolean;
  readonly headcount: {
    readonly asOf: string;
    readonly total: string;
    readonly breakdown: readonly { readonly label: string; readonly count: string }[];
  };
  readonly internalUnits: readonly { readonly name: string; readonly level: string }[];
  readonly organisationText: string;
}

export function overviewDraft(overview: Overview): OverviewDraft {
  return {
    duties: overview.duties,
    dutyMarkerStyle: overview.dutyMarkerStyle,
    establishment: overview.establishment.map((entry) => ({
      kind: entry.kind,
      count: countToText(entry.count),
    })),
    hasHeadcount: overview.headcount !== null,
    headcount: {
      asOf: overview.headcount?.asOf ?? '',
      total: countToText(overview.headcount?.total ?? null),
      breakdown: (overview.headcount?.breakdown ?? []).map((entry) => ({
        label: entry.label,
        count: countToText(entry.count),
      })),
    },
    internalUnits: overview.internalUnits,
    organisationText: overview.organisationText,
  };
}

export function overviewOf(draft: OverviewDraft): DraftReading<Overview> {
  const reader = new FieldReader();
  const count = (label: string, text: string) => {
    reader.require(text.trim() !== '', `${label}：未填写人数`);
    return reader.count(label, text) ?? 0;
  };
  const establishment = draft.establishment.map((entry, index) => {
    const label = `编制第 ${index + 1} 行（${entry.kind.trim() || '未填类别'}）`;
    reader.require(entry.kind.trim() !== '', `${label}：未填写编制类别`);
    return { kind: entry.kind.trim(), count: count(label, entry.count) };
  });
  const headcount = draft.hasHeadcount
    ? {
        asOf: draft.headcount.asOf.trim(),
        total: count('实有人数', draft.headcount.total),
        breakdown: draft.headcount.breakdown.map((entry, index) => ({
          label: entry.label.trim(),
          count: count(`实有人数分项第 ${index + 1} 行（${entry.label.trim() || '未填职务'}）`, entry.count),
        })),
      }
    : null;
  if (headcount) reader.require(headcount.asOf !== '', '实有人数：未填写统计日期');
  draft.internalUnits.forEach((unit, index) => {
    reader.require(unit.name.trim() !== '', `内设机构第 ${index + 1} 行：未填写名称`);
  });
  return reader.result({
    duties: draft.duties.map((duty) => duty.trim()).filter((duty) => duty !== ''),
    dutyMarkerStyle: draft.dutyMarkerStyle,
    establishment,
    headcount,
    internalUnits: draft.internalUnits.map((unit) => ({ name: unit.name.trim(), level: unit.level.trim() })),
    organisationText: draft.organisationText,
  });
}
