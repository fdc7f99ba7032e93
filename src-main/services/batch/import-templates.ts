import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importGoals } from '../goal-sheets/import-goals-json';
import { goalsFromSheets } from '../spreadsheets/goals-workbook';
import { draftFromTablesXlsx } from '../spreadsheets/import-tables';
import { readSpreadsheet } from '../spreadsheets/spreadsheet';
import { createWorkbookFromDraft } from '../workbook/create-from-draft';
import { Workbook } from '../workbook/workbook';
import { writeNewWorkbook } from '../workbook/write-new-workbook';
import type { UnitSource } from './units';

/** Where an export keeps a unit's imported workbook; an existing file is replaced only if `replace`. */
export interface KeepImportedAt {
  readonly file: string;
  readonly replace: boolean;
}

interface ReadTemplates {
  readonly draft: Awaited<ReturnType<typeof draftFromTablesXlsx>>;
  readonly goals: { readonly json: ReturnType<typeof goalsFromSheets>; readonly fileName: string } | null;
}

export interface OpenedUnit {
  readonly workbook: Workbook;
  /** Goal sheets no 表十二 project matches, which the import left out. */
  readonly unmatchedSheets: readonly string[];
  readonly release: () => void;
}

/** Both files are read and checked completely before any workbook is written. */
async function readTemplates(tablesFile: string, goalsFile: string | null): Promise<ReadTemplates> {
  const draft = await draftFromTablesXlsx(tablesFile);
  if (goalsFile === null) return { draft, goals: null };
  const json = goalsFromSheets(goalsFile, await readSpreadsheet(goalsFile));
  return { draft, goals: { json, fileName: path.basename(goalsFile) } };
}

function buildFromTemplates(
  read: ReadTemplates,
  tablesFile: string,
  file: string,
): { workbook: Workbook; unmatchedSheets: readonly string[] } {
  const workbook = createWorkbookFromDraft(read.draft, file, `导入 ${path.basename(tablesFile)}`);
  try {
    const unmatchedSheets = read.goals
      ? importGoals(workbook, read.goals.json, read.goals.fileName).unmatchedSheets
      : [];
    return { workbook, unmatchedSheets };
  } catch (error) {
    workbook.close();
    throw error;
  }
}

/**
 * A unit's tables (and goal sheets) imported into a temporary workbook, removed on release,
 * or into `keepAt`, where an export keeps it beside the PDF. Nothing half-written remains.
 */
export async function importTemplates(
  source: Extract<UnitSource, { kind: 'templates' }>,
  keepAt: KeepImportedAt | null,
): Promise<OpenedUnit> {
  const read = await readTemplates(source.tablesFile, source.goalsFile);
  if (keepAt !== null) {
    let unmatchedSheets: readonly string[] = [];
    writeNewWorkbook(keepAt.file, keepAt.replace, (scratch) => {
      const built = buildFromTemplates(read, source.tablesFile, scratch);
      unmatchedSheets = built.unmatchedSheets;
      return built.workbook;
    });
    const workbook = Workbook.open(keepAt.file);
    return { workbook, unmatchedSheets, release: () => workbook.close() };
  }
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ysgk-batch-'));
  try {
    const { workbook, unmatchedSheets } = buildFromTemplates(
      read,
      source.tablesFile,
      path.join(scratch, 'unit.ysgk'),
    );
    return {
      workbook,
      unmatchedSheets,
      release: () => {
        workbook.close();
        fs.rmSync(scratch, { recursive: true, force: true });
      },
    };
  } catch (error) {
    fs.rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
}
