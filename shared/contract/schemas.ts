/**
 * Run-time shapes of what the renderer may send to the main process. Each schema is annotated
 * with the domain type it checks, so the compiler keeps them in step with shared/.
 */
import { z } from 'zod';
import { MAX_CELL_FEN } from '../money';
import { TABLE_KEYS } from '../tables/types';
import { UNIT_TYPES, type WorkbookProfile } from '../workbook/content';
import {
  INDICATOR_GROUPS,
  PROJECT_ATTRIBUTES,
  PROJECT_CATEGORIES,
  type FundingBySource,
  type Indicator,
  type ProjectGoalSheet,
  type WholeUnitGoalSheet,
} from '../goal-sheets/model';
import { VEHICLE_CATEGORIES, type NarrativeInputs } from '../narrative/inputs';
import { DUTY_MARKER_STYLES, type Overview } from '../narrative/overview';

const SHORT_TEXT = 200;
const LONG_TEXT = 20_000;

export const shortText = z.string().max(SHORT_TEXT);
export const longText = z.string().max(LONG_TEXT);
/** An absolute or relative file path; the main process resolves and checks it. */
export const filePath = z.string().min(1).max(4096);
/** Ids the renderer makes up for a long job, so progress events can name it before it ends. */
export const jobId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);
export const rowId = z.number().int().positive();

export const fen = z.number().int().min(-MAX_CELL_FEN).max(MAX_CELL_FEN);
const optionalFen = fen.nullable();
const count = z.number().int().min(0).max(1_000_000);

export const tableKey = z.enum(TABLE_KEYS);
export const amountUnit = z.enum(['yuan', 'wanYuan']);
export const unitType = z.enum(UNIT_TYPES);
export const projectKind = z.enum(['current', 'carryover']);

export const cellAddress = z.object({
  table: tableKey,
  row: shortText,
  column: shortText,
});

export const profile = z.object({
  name: z.string().trim().min(1).max(SHORT_TEXT),
  code: shortText.nullable(),
  year: z.number().int().min(2000).max(2100),
  scope: z.enum(['部门', '单位']),
  unitType: unitType.nullable(),
  supervisingDepartment: shortText.nullable(),
}) satisfies z.ZodType<WorkbookProfile>;

const indicator: z.ZodType<Indicator> = z.object({
  group: z.enum(INDICATOR_GROUPS.map((group) => group.key) as [Indicator['group'], ...Indicator['group'][]]),
  name: shortText,
  value: shortText,
});

const funding: z.ZodType<FundingBySource> = z.object({
  central: optionalFen,
  provincial: optionalFen,
  cityCounty: optionalFen,
  selfRaised: optionalFen,
  other: optionalFen,
});

const procurement = z.object({ goods: optionalFen, works: optionalFen, services: optionalFen });

export const projectGoalSheet: z.ZodType<ProjectGoalSheet> = z.object({
  projectId: rowId,
  procurement,
  category: z.enum(PROJECT_CATEGORIES).nullable(),
  isPublished: z.boolean(),
  unpublishedReason: longText,
  departmentCode: shortText,
  departmentName: shortText,
  attribute: z.enum(PROJECT_ATTRIBUTES).nullable(),
  periodYears: z.number().int().min(1).max(99).nullable(),
  implementationTotal: optionalFen,
  implementationFunding: funding,
  annualFunding: funding,
  texts: z.object({
    overview: longText,
    basis: longText,
    necessity: longText,
    safeguards: longText,
    plan: longText,
  }),
  overallGoal: z.object({ implementation: longText, annual: longText }),
  indicators: z.object({
    implementation: z.array(indicator).max(500),
    annual: z.array(indicator).max(500),
  }),
  footer: z.object({ responsible: shortText, handler: shortText, phone: shortText }),
});

export const wholeUnitGoalSheet: z.ZodType<WholeUnitGoalSheet> = z.object({
  departmentCode: shortText,
  departmentName: shortText,
  internalDivisions: count.nullable(),
  subordinateUnits: count.nullable(),
  authorizedStaff: count.nullable(),
  staffOnEstablishment: count.nullable(),
  otherStaff: count.nullable(),
  duties: longText,
  strategicGoal: longText,
  keyTasks: z.array(z.object({ coreFunction: longText, task: longText })).max(200),
  annualGoal: longText,
  indicators: z.array(indicator).max(500),
});

export const narrativeInputs: z.ZodType<NarrativeInputs> = z.object({
  previousYear: z.object({
    incomeTotal: optionalFen,
    expenditureTotal: optionalFen,
    generalBudgetCurrent: optionalFen,
    threePublic: z.object({
      abroad: optionalFen,
      reception: optionalFen,
      vehiclePurchase: optionalFen,
      vehicleOperation: optionalFen,
    }),
    operatingCosts: optionalFen,
  }),
  reasons: z.object({
    income: longText,
    expenditure: longText,
    threePublic: longText,
    operatingCosts: longText,
  }),
  noOperatingCostsReason: longText,
  procurement,
  assets: z.object({
    asOf: shortText,
    vehicleQuota: count.nullable(),
    vehicles: z.record(z.enum(VEHICLE_CATEGORIES), count),
    officeArea: shortText,
    equipmentOver50: count.nullable(),
    equipmentOver100: count.nullable(),
  }),
  purchaseServiceText: longText,
  otherText: longText,
  countCarryoverProjects: z.boolean(),
});

export const overview: z.ZodType<Overview> = z.object({
  duties: z.array(longText).max(200),
  dutyMarkerStyle: z.enum(DUTY_MARKER_STYLES),
  establishment: z.array(z.object({ kind: shortText, count })).max(50),
  headcount: z
    .object({
      asOf: shortText,
      total: count,
      breakdown: z.array(z.object({ label: shortText, count })).max(100),
    })
    .nullable(),
  internalUnits: z.array(z.object({ name: shortText, level: shortText })).max(200),
  organisationText: longText,
});
