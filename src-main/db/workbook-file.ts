import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { EditHistory } from './edit-history';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';

/** `PRAGMA application_id` of a workbook: "YSGK" (预算公开), so other SQLite files are recognised. */
export const WORKBOOK_APPLICATION_ID = 0x5953474b;
export const WORKBOOK_EXTENSION = '.ysgk';

export interface WorkbookFile {
  readonly path: string;
  readonly db: Database.Database;
  readonly history: EditHistory;
  /** Set when opening migrated the file; the copy made beforehand. */
  readonly migrationBackup: string | null;
  close(): void;
}

interface SqliteError extends Error {
  readonly code?: string;
}

function isSqliteError(error: unknown, ...codes: string[]): error is SqliteError {
  return error instanceof Error && codes.includes((error as SqliteError).code ?? '');
}

/**
 * Takes the file for this process: locking_mode=EXCLUSIVE plus an immediate write lock keeps
 * it locked while open, so a second process gets SQLITE_BUSY at once (reported as 已被打开)
 * instead of interleaving writes. The OS releases the lock if the process dies.
 *
 * These are POSIX advisory locks, which the OS drops when this process closes ANY descriptor
 * of the file. So nothing in this module may open the workbook file a second time while the
 * connection lives (no fs.copyFileSync, no second connection): copies go through SQLite.
 */
function lockExclusively(db: Database.Database, file: string): void {
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('busy_timeout = 0');
    db.exec('BEGIN EXCLUSIVE; COMMIT;');
  } catch (error) {
    if (isSqliteError(error, 'SQLITE_BUSY', 'SQLITE_LOCKED')) throw lockedElsewhere(file);
    if (isSqliteError(error, 'SQLITE_NOTADB', 'SQLITE_CORRUPT')) throw notAWorkbook(file);
    throw error;
  }
}

/**
 * Settings of a workbook we accepted (never applied before its header was checked, so a file
 * we refuse is not changed).
 *
 * journal_mode=DELETE, not WAL: a workbook is a document that users copy, back up to USB
 * sticks and e-mail. In WAL mode committed edits sit in a separate -wal file until a
 * checkpoint, so a copy of the .ysgk alone can silently miss recent work; with a rollback
 * journal the main file is complete after every commit and the journal exists only during
 * one. WAL's advantage, readers alongside a writer, does not apply: one window owns a file.
 */
function useDocumentSettings(db: Database.Database): void {
  db.pragma('journal_mode = DELETE');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
}

function lockedElsewhere(file: string): AppError {
  return new AppError(
    'WORKBOOK_LOCKED',
    `工作簿“${path.basename(file)}”已被打开（可能在另一个窗口或另一个程序中），请先在那里关闭它。`,
    { file },
  );
}

function fromNewerVersion(file: string, version: number): AppError {
  return new AppError(
    'WORKBOOK_FROM_NEWER_VERSION',
    `工作簿“${path.basename(file)}”由更新版本的预算公开工作台保存（文件格式第 ${version} 版，本程序只支持到第 ${LATEST_SCHEMA_VERSION} 版），请升级后再打开。文件未作任何改动。`,
    { file },
  );
}

function notAWorkbook(file: string): AppError {
  return new AppError('NOT_A_WORKBOOK', `文件“${path.basename(file)}”不是预算公开工作簿。`, { file });
}

function connect(file: string, mustExist: boolean): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(file, { fileMustExist: mustExist });
  } catch (error) {
    if (isSqliteError(error, 'SQLITE_CANTOPEN') || (error instanceof TypeError && !mustExist)) {
      const message = mustExist
        ? `找不到工作簿文件“${file}”。`
        : `无法在“${path.dirname(file)}”创建工作簿：文件夹不存在或不可写。`;
      throw new AppError('FILE_NOT_FOUND', message, { file });
    }
    throw error;
  }
  try {
    lockExclusively(db, file);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

function finish(file: string, db: Database.Database, migrationBackup: string | null): WorkbookFile {
  const history = new EditHistory(db);
  return {
    path: file,
    db,
    history,
    migrationBackup,
    close: () => {
      if (db.open) db.close();
    },
  };
}

/** Creates a new, empty workbook file; refuses to replace an existing file. */
export function createWorkbookFile(file: string): WorkbookFile {
  if (fs.existsSync(file)) {
    throw new AppError('FILE_EXISTS', `文件“${file}”已存在，不会覆盖。`, { file });
  }
  const db = connect(file, false);
  try {
    useDocumentSettings(db);
    db.pragma(`application_id = ${WORKBOOK_APPLICATION_ID}`);
    migrate(db, 0, LATEST_SCHEMA_VERSION);
    return finish(file, db, null);
  } catch (error) {
    db.close();
    fs.rmSync(file, { force: true });
    throw error;
  }
}

/** The schema version of a workbook; any other file, or one from a newer version, is refused. */
function workbookVersion(db: Database.Database, file: string): number {
  let applicationId: number;
  let version: number;
  try {
    applicationId = db.pragma('application_id', { simple: true }) as number;
    version = db.pragma('user_version', { simple: true }) as number;
  } catch (error) {
    if (isSqliteError(error, 'SQLITE_NOTADB', 'SQLITE_CORRUPT')) throw notAWorkbook(file);
    if (isSqliteError(error, 'SQLITE_BUSY', 'SQLITE_LOCKED')) throw lockedElsewhere(file);
    throw error;
  }
  if (applicationId !== WORKBOOK_APPLICATION_ID) throw notAWorkbook(file);
  if (version > LATEST_SCHEMA_VERSION) throw fromNewerVersion(file, version);
  return version;
}

/**
 * Opens a workbook for editing. A file from an older version is copied aside and migrated in
 * one transaction; a file from a newer version, or any other file, is refused untouched.
 */
export function openWorkbookFile(file: string): WorkbookFile {
  const db = connect(file, true);
  try {
    const version = workbookVersion(db, file);
    useDocumentSettings(db);
    let backup: string | null = null;
    if (version < LATEST_SCHEMA_VERSION) {
      backup = unusedPath(`${file}.v${version}.bak`);
      db.prepare('VACUUM INTO ?').run(backup);
      migrate(db, version, LATEST_SCHEMA_VERSION);
    }
    return finish(file, db, backup);
  } catch (error) {
    db.close();
    throw error;
  }
}

/** A workbook read, not edited: another year's or a unit's file. */
export interface WorkbookSnapshot {
  readonly db: Database.Database;
  close(): void;
}

/**
 * Opens another workbook to read it, leaving the file exactly as it is: read-only, and a file
 * of an older version is copied (through SQLite) to a temporary folder and migrated there. A
 * workbook open elsewhere is refused as 已被打开 at once, without waiting.
 */
export function openWorkbookSnapshot(file: string): WorkbookSnapshot {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, timeout: 0 });
  } catch (error) {
    if (isSqliteError(error, 'SQLITE_CANTOPEN') || error instanceof TypeError) {
      throw new AppError('FILE_NOT_FOUND', `找不到工作簿文件“${file}”。`, { file });
    }
    throw error;
  }
  try {
    const version = workbookVersion(db, file);
    if (version === LATEST_SCHEMA_VERSION) return { db, close: () => db.close() };
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ysgk-read-'));
    const copy = path.join(folder, path.basename(file));
    try {
      db.prepare('VACUUM INTO ?').run(copy);
      db.close();
      const migrated = new Database(copy);
      migrate(migrated, version, LATEST_SCHEMA_VERSION);
      return {
        db: migrated,
        close: () => {
          migrated.close();
          fs.rmSync(folder, { recursive: true, force: true });
        },
      };
    } catch (error) {
      fs.rmSync(folder, { recursive: true, force: true });
      throw error;
    }
  } catch (error) {
    if (db.open) db.close();
    throw error;
  }
}

/** `candidate`, or `candidate-2`, `-3` … whichever does not exist yet. */
function unusedPath(candidate: string): string {
  let attempt = candidate;
  for (let index = 2; fs.existsSync(attempt); index++) attempt = `${candidate}-${index}`;
  return attempt;
}

/** Applies migrations after `from` up to `to` in one transaction. */
export function migrate(db: Database.Database, from: number, to: number): void {
  db.transaction(() => {
    for (const migration of MIGRATIONS) {
      if (migration.version > from && migration.version <= to) migration.up(db);
    }
    db.pragma(`user_version = ${to}`);
  })();
}

/** Save As: a consistent copy through SQLite's online backup API. */
export async function saveWorkbookCopy(workbook: WorkbookFile, destination: string): Promise<void> {
  if (fs.existsSync(destination)) {
    throw new AppError('FILE_EXISTS', `文件“${destination}”已存在，不会覆盖。`, { file: destination });
  }
  await workbook.db.backup(destination);
}
