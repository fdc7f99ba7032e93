/**
 * What the last-year and consolidation requests answer (issue 9): the services' plans as plain
 * data. The handlers return the services' own types, which the compiler checks against these.
 */
import type { NarrativeInputChange } from '../consolidation/narrative-inputs';
import type { Fen } from '../money';
import type { PreviousYearFigureKey, PreviousYearSource } from '../last-year/figures';
import type { ImportPreviewView } from './views';

export interface LastYearPlanView {
  readonly source: Omit<PreviousYearSource, 'importedAt'>;
  /** Every previous-year figure: what the 情况说明 has now and what it will have. */
  readonly figures: readonly {
    readonly key: PreviousYearFigureKey;
    readonly label: string;
    readonly section: string;
    readonly before: Fen | null;
    readonly after: Fen;
  }[];
  /** Set when the file is another unit's: importing needs the user's confirmation. */
  readonly confirmation: string | null;
  readonly warnings: readonly string[];
}

export interface ConsolidationPlanView {
  readonly units: readonly {
    readonly file: string;
    readonly name: string;
    readonly projects: number;
    /** 审核 错误 of the unit's own tables (the preview counts them; null after applying). */
    readonly errors: number | null;
    readonly status: 'new' | 'changed' | 'unchanged';
  }[];
  /** Units the 部门 has now that the consolidation takes out. */
  readonly removedUnits: readonly string[];
  readonly changes: Pick<ImportPreviewView, 'newRows' | 'removedRows' | 'changedCells'>;
  /** The 情况说明 inputs that change (amounts in 万元, '' when blank), each unit's part of a sum. */
  readonly narrativeInputs: readonly NarrativeInputChange[];
  readonly notes: readonly string[];
}
