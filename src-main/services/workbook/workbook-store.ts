import type { Database } from 'better-sqlite3';
import type { ConsolidatedUnit } from '../../../shared/consolidation/consolidate';
import { type ProjectGoalSheet, emptyGoalSheet } from '../../../shared/goal-sheets/model';
import type { PreviousYearSource } from '../../../shared/last-year/figures';
import type { Fen } from '../../../shared/money';
import type { TableKey } from '../../../shared/tables/types';
import type {
  EconomicRow,
  Project,
  StoredCell,
  StoredCellOrigin,
  SubjectName,
  Unit,
  UnitType,
  WorkbookContent,
  WorkbookProfile,
} from '../../../shared/workbook/content';

/** Keys of the workbook's document-level inputs (document_inputs). */
export const DOCUMENT_INPUT_KEYS = {
  narrative: 'narrative.inputs',
  wholeUnitGoalSheet: 'goals.wholeUnit',
  overview: 'overview',
} as const;

/** Last year's document as kept in this year's workbook. */
export interface PreviousYearRecord {
  readonly source: PreviousYearSource;
  readonly content: WorkbookContent;
}

export interface ExportRecord {
  readonly kind: 'draft' | 'final';
  readonly format: 'pdf' | 'xlsx';
  readonly file: string;
  readonly exportedAt: string;
  readonly errorCount: number;
  readonly overrideReason: string | null;
}

/** Row-level reads and writes of the workbook file; the only module that knows its tables. */
export class WorkbookStore {
  constructor(private readonly db: Database) {}

  loadContent(): WorkbookContent {
    const profileRow = this.db.prepare('SELECT * FROM profile WHERE id = 1').get() as
      | {
          name: string;
          code: string | null;
          year: number;
          scope: '部门' | '单位';
          unit_type: UnitType | null;
          supervising_department: string | null;
        }
      | undefined;
    if (!profileRow) throw new Error('工作簿缺少单位信息');
    const profile: WorkbookProfile = {
      name: profileRow.name,
      code: profileRow.code,
      year: profileRow.year,
      scope: profileRow.scope,
      unitType: profileRow.unit_type,
      supervisingDepartment: profileRow.supervising_department,
    };
    const units = (
      this.db.prepare('SELECT id, name, code, unit_type, position FROM units ORDER BY position').all() as {
        id: number;
        name: string;
        code: string | null;
        unit_type: UnitType | null;
        position: number;
      }[]
    ).map((row): Unit => ({
      id: row.id,
      name: row.name,
      code: row.code,
      unitType: row.unit_type,
      position: row.position,
    }));
    const subjects = (
      this.db.prepare('SELECT code, name, is_user_added FROM subjects').all() as {
        code: string;
        name: string;
        is_user_added: number;
      }[]
    ).map((row): SubjectName => ({ code: row.code, name: row.name, isUserAdded: row.is_user_added === 1 }));
    const tableRows = (
      this.db.prepare('SELECT table_key, row_key FROM table_rows').all() as {
        table_key: TableKey;
        row_key: string;
      }[]
    ).map((row) => ({ table: row.table_key, row: row.row_key }));
    const economicRows = (
      this.db.prepare('SELECT id, class_code, dept_name, gov_name, position FROM economic_rows').all() as {
        id: number;
        class_code: string;
        dept_name: string;
        gov_name: string | null;
        position: number;
      }[]
    ).map((row): EconomicRow => ({
      id: row.id,
      classCode: row.class_code,
      deptName: row.dept_name,
      govName: row.gov_name,
      position: row.position,
    }));
    const projects = (
      this.db.prepare('SELECT id, unit_id, kind, name, position FROM projects').all() as {
        id: number;
        unit_id: number;
        kind: 'current' | 'carryover';
        name: string;
        position: number;
      }[]
    ).map((row): Project => ({
      id: row.id,
      unitId: row.unit_id,
      kind: row.kind,
      name: row.name,
      position: row.position,
    }));
    const cells = this.loadCells('');
    return { profile, units, subjects, tableRows, economicRows, projects, cells };
  }

  private loadCells(where: string, ...parameters: string[]): StoredCell[] {
    const rows = this.db
      .prepare(`SELECT table_key, row_key, column_key, fen, origin, is_rounded FROM cells ${where}`)
      .all(...parameters) as {
      table_key: TableKey;
      row_key: string;
      column_key: string;
      fen: number;
      origin: StoredCellOrigin;
      is_rounded: number;
    }[];
    return rows.map((row) => ({
      table: row.table_key,
      row: row.row_key,
      column: row.column_key,
      fen: row.fen,
      origin: row.origin,
      isRounded: row.is_rounded === 1,
    }));
  }

  writeProfile(profile: WorkbookProfile): void {
    this.db
      .prepare(
        `INSERT INTO profile (id, name, code, year, scope, unit_type, supervising_department)
         VALUES (1, @name, @code, @year, @scope, @unitType, @supervisingDepartment)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, code = excluded.code, year = excluded.year,
           scope = excluded.scope, unit_type = excluded.unit_type, supervising_department = excluded.supervising_department`,
      )
      .run(profile);
  }

  insertUnit(unit: Omit<Unit, 'id'> & { readonly id?: number }): number {
    return Number(
      this.db
        .prepare(
          'INSERT INTO units (id, name, code, unit_type, position) VALUES (@id, @name, @code, @unitType, @position)',
        )
        .run({ id: null, ...unit }).lastInsertRowid,
    );
  }

  /** Inserts the unit with its id, or updates the unit of that id. */
  upsertUnit(unit: Unit): void {
    this.db
      .prepare(
        `INSERT INTO units (id, name, code, unit_type, position) VALUES (@id, @name, @code, @unitType, @position)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, code = excluded.code,
           unit_type = excluded.unit_type, position = excluded.position`,
      )
      .run(unit);
  }

  deleteUnit(unitId: number): void {
    this.db.prepare('DELETE FROM units WHERE id = ?').run(unitId);
  }

  upsertSubject(subject: SubjectName): void {
    this.db
      .prepare(
        `INSERT INTO subjects (code, name, is_user_added) VALUES (?, ?, ?)
         ON CONFLICT (code) DO UPDATE SET name = excluded.name, is_user_added = excluded.is_user_added`,
      )
      .run(subject.code, subject.name, subject.isUserAdded ? 1 : 0);
  }

  deleteSubject(code: string): void {
    this.db.prepare('DELETE FROM subjects WHERE code = ?').run(code);
  }

  insertTableRow(table: TableKey, row: string): void {
    this.db.prepare('INSERT OR IGNORE INTO table_rows (table_key, row_key) VALUES (?, ?)').run(table, row);
  }

  deleteTableRow(table: TableKey, row: string): void {
    this.deleteTableRowListing(table, row);
    this.deleteCellsOfRow(table, row);
  }

  /** Takes the row off the table's list, leaving its cells to the caller. */
  deleteTableRowListing(table: TableKey, row: string): void {
    this.db.prepare('DELETE FROM table_rows WHERE table_key = ? AND row_key = ?').run(table, row);
  }

  insertEconomicRow(row: Omit<EconomicRow, 'id'> & { readonly id?: number }): number {
    return Number(
      this.db
        .prepare(
          'INSERT INTO economic_rows (id, class_code, dept_name, gov_name, position) VALUES (@id, @classCode, @deptName, @govName, @position)',
        )
        .run({ id: null, ...row }).lastInsertRowid,
    );
  }

  upsertEconomicRow(row: EconomicRow): void {
    this.db
      .prepare(
        `INSERT INTO economic_rows (id, class_code, dept_name, gov_name, position)
         VALUES (@id, @classCode, @deptName, @govName, @position)
         ON CONFLICT (id) DO UPDATE SET class_code = excluded.class_code, dept_name = excluded.dept_name,
           gov_name = excluded.gov_name, position = excluded.position`,
      )
      .run(row);
  }

  deleteEconomicRow(rowId: number): void {
    this.db.prepare('DELETE FROM economic_rows WHERE id = ?').run(rowId);
  }

  insertProject(project: Omit<Project, 'id'> & { readonly id?: number }): number {
    return Number(
      this.db
        .prepare(
          'INSERT INTO projects (id, unit_id, kind, name, position) VALUES (@id, @unitId, @kind, @name, @position)',
        )
        .run({ id: null, ...project }).lastInsertRowid,
    );
  }

  upsertProject(project: Project): void {
    this.db
      .prepare(
        `INSERT INTO projects (id, unit_id, kind, name, position) VALUES (@id, @unitId, @kind, @name, @position)
         ON CONFLICT (id) DO UPDATE SET unit_id = excluded.unit_id, kind = excluded.kind,
           name = excluded.name, position = excluded.position`,
      )
      .run(project);
  }

  deleteProject(projectId: number): void {
    this.db.prepare('DELETE FROM projects WHERE id = ?').run(projectId);
  }

  nextPosition(table: 'units' | 'projects' | 'economic_rows'): number {
    return (
      this.db.prepare(`SELECT coalesce(max(position), 0) + 1 AS next FROM ${table}`).get() as { next: number }
    ).next;
  }

  /** Makes room at `position` by moving later rows down by one. */
  shiftPositions(table: 'economic_rows', fromPosition: number): void {
    this.db.prepare(`UPDATE ${table} SET position = position + 1 WHERE position >= ?`).run(fromPosition);
  }

  readDocumentInput(key: string): unknown {
    const row = this.db.prepare('SELECT value_json FROM document_inputs WHERE key = ?').get(key) as
      { value_json: string } | undefined;
    return row === undefined ? undefined : (JSON.parse(row.value_json) as unknown);
  }

  writeDocumentInput(key: string, value: unknown): void {
    this.db
      .prepare(
        `INSERT INTO document_inputs (key, value_json) VALUES (?, ?)
         ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json`,
      )
      .run(key, JSON.stringify(value));
  }

  narrativeEdits(): Map<string, { text: string; generatedText: string }> {
    const rows = this.db.prepare('SELECT sentence_id, text, generated_text FROM narrative_edits').all() as {
      sentence_id: string;
      text: string;
      generated_text: string;
    }[];
    return new Map(
      rows.map((row) => [row.sentence_id, { text: row.text, generatedText: row.generated_text }]),
    );
  }

  writeNarrativeEdit(sentenceId: string, edit: { text: string; generatedText: string } | null): void {
    if (edit === null) {
      this.db.prepare('DELETE FROM narrative_edits WHERE sentence_id = ?').run(sentenceId);
      return;
    }
    this.db
      .prepare(
        `INSERT INTO narrative_edits (sentence_id, text, generated_text) VALUES (?, ?, ?)
         ON CONFLICT (sentence_id) DO UPDATE SET text = excluded.text, generated_text = excluded.generated_text`,
      )
      .run(sentenceId, edit.text, edit.generatedText);
  }

  goalSheets(): ProjectGoalSheet[] {
    const rows = this.db.prepare('SELECT data_json FROM goal_sheets ORDER BY project_id').all() as {
      data_json: string;
    }[];
    // Over the empty sheet, so a sheet saved before a field existed reads with its default.
    return rows.map((row) => {
      const stored = JSON.parse(row.data_json) as ProjectGoalSheet;
      return { ...emptyGoalSheet(stored.projectId), ...stored };
    });
  }

  writeGoalSheet(projectId: number, sheet: ProjectGoalSheet | null): void {
    if (sheet === null) {
      this.db.prepare('DELETE FROM goal_sheets WHERE project_id = ?').run(projectId);
      return;
    }
    this.db
      .prepare(
        `INSERT INTO goal_sheets (project_id, data_json) VALUES (?, ?)
         ON CONFLICT (project_id) DO UPDATE SET data_json = excluded.data_json`,
      )
      .run(projectId, JSON.stringify(sheet));
  }

  previousYear(): PreviousYearRecord | null {
    const row = this.db
      .prepare('SELECT file_name, file_path, kind, imported_at, content_json FROM previous_year WHERE id = 1')
      .get() as
      | {
          file_name: string;
          file_path: string;
          kind: PreviousYearSource['kind'];
          imported_at: string;
          content_json: string;
        }
      | undefined;
    if (row === undefined) return null;
    const content = JSON.parse(row.content_json) as WorkbookContent;
    return {
      source: {
        fileName: row.file_name,
        filePath: row.file_path,
        kind: row.kind,
        unitName: content.profile.name,
        scope: content.profile.scope,
        year: content.profile.year,
        importedAt: row.imported_at,
      },
      content,
    };
  }

  writePreviousYear(record: PreviousYearRecord): void {
    this.db
      .prepare(
        `INSERT INTO previous_year (id, file_name, file_path, kind, imported_at, content_json)
         VALUES (1, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET file_name = excluded.file_name, file_path = excluded.file_path,
           kind = excluded.kind, imported_at = excluded.imported_at, content_json = excluded.content_json`,
      )
      .run(
        record.source.fileName,
        record.source.filePath,
        record.source.kind,
        record.source.importedAt,
        JSON.stringify(record.content),
      );
  }

  consolidatedUnits(): ConsolidatedUnit[] {
    const rows = this.db
      .prepare(
        `SELECT c.unit_id, c.name, c.file, c.fingerprint, c.consolidated_at, c.shares_json
         FROM consolidated_units c JOIN units u ON u.id = c.unit_id ORDER BY u.position`,
      )
      .all() as {
      unit_id: number;
      name: string;
      file: string;
      fingerprint: string;
      consolidated_at: string;
      shares_json: string;
    }[];
    return rows.map((row) => {
      const shares = JSON.parse(row.shares_json) as Pick<ConsolidatedUnit, 'figures' | 'rowNames'>;
      return {
        unitId: row.unit_id,
        name: row.name,
        file: row.file,
        fingerprint: row.fingerprint,
        consolidatedAt: row.consolidated_at,
        figures: shares.figures,
        rowNames: shares.rowNames,
      };
    });
  }

  writeConsolidatedUnit(unit: ConsolidatedUnit): void {
    this.db
      .prepare(
        `INSERT INTO consolidated_units (unit_id, name, file, fingerprint, consolidated_at, shares_json)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (unit_id) DO UPDATE SET name = excluded.name, file = excluded.file,
           fingerprint = excluded.fingerprint, consolidated_at = excluded.consolidated_at,
           shares_json = excluded.shares_json`,
      )
      .run(
        unit.unitId,
        unit.name,
        unit.file,
        unit.fingerprint,
        unit.consolidatedAt,
        JSON.stringify({ figures: unit.figures, rowNames: unit.rowNames }),
      );
  }

  deleteConsolidatedUnit(unitId: number): void {
    this.db.prepare('DELETE FROM consolidated_units WHERE unit_id = ?').run(unitId);
  }

  insertExport(record: ExportRecord): void {
    this.db
      .prepare(
        `INSERT INTO exports (kind, format, file, exported_at, error_count, override_reason)
         VALUES (@kind, @format, @file, @exportedAt, @errorCount, @overrideReason)`,
      )
      .run(record);
  }

  exports(): ExportRecord[] {
    return this.db
      .prepare(
        `SELECT kind, format, file, exported_at AS exportedAt, error_count AS errorCount,
                override_reason AS overrideReason FROM exports ORDER BY id`,
      )
      .all() as ExportRecord[];
  }

  /** Stores one amount; a blank (`fen: null`) removes the cell. */
  writeCell(cell: Omit<StoredCell, 'fen'> & { readonly fen: Fen | null }): void {
    if (cell.fen === null) {
      this.db
        .prepare('DELETE FROM cells WHERE table_key = ? AND row_key = ? AND column_key = ?')
        .run(cell.table, cell.row, cell.column);
      return;
    }
    this.db
      .prepare(
        `INSERT INTO cells (table_key, row_key, column_key, fen, origin, is_rounded) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (table_key, row_key, column_key)
         DO UPDATE SET fen = excluded.fen, origin = excluded.origin, is_rounded = excluded.is_rounded`,
      )
      .run(cell.table, cell.row, cell.column, cell.fen, cell.origin, cell.isRounded ? 1 : 0);
  }

  cellsOfRow(table: TableKey, row: string): StoredCell[] {
    return this.loadCells('WHERE table_key = ? AND row_key = ?', table, row);
  }

  deleteCellsOfRow(table: TableKey, row: string): void {
    this.db.prepare('DELETE FROM cells WHERE table_key = ? AND row_key = ?').run(table, row);
  }
}
