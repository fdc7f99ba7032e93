import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { WORKBOOK_APPLICATION_ID } from '../src-main/db/workbook-file';
import { LATEST_SCHEMA_VERSION } from '../src-main/db/migrations';
import { Workbook } from '../src-main/services/workbook/workbook';
import { outputOf, startChild, waitForLine } from './support/child-process';
import { errorOf } from './support/errors';
import { tempDir } from './support/temp-dir';
import { oldVersionFile } from './support/workbooks';

const PROFILE = {
  name: '测试县卫生健康局',
  code: null,
  year: 2025,
  scope: '单位',
  unitType: '行政',
  supervisingDepartment: null,
} as const;

function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

describe('the workbook file', () => {
  it('is a SQLite file stamped with our application id, the latest version, STRICT tables and a rollback journal', () => {
    const file = path.join(tempDir(), 'new.ysgk');
    Workbook.create(file, PROFILE).close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('application_id', { simple: true })).toBe(WORKBOOK_APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    const tables = db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'table'`).all() as {
      name: string;
      sql: string;
    }[];
    expect(tables.length).toBeGreaterThanOrEqual(9);
    for (const table of tables) expect(table.sql, table.name).toMatch(/\) STRICT$/);
    db.close();
    // Nothing but the document itself is left beside it once closed.
    expect(fs.readdirSync(path.dirname(file))).toEqual(['new.ysgk']);
  });

  it('refuses to create over an existing file', () => {
    const file = path.join(tempDir(), 'exists.ysgk');
    fs.writeFileSync(file, 'keep me');
    expect(errorOf(() => Workbook.create(file, PROFILE)).code).toBe('FILE_EXISTS');
    expect(fs.readFileSync(file, 'utf8')).toBe('keep me');
  });

  it('migrates a schema-version-1 file in one step after copying it aside, and stays locked', async () => {
    const file = path.join(tempDir(), 'old.ysgk');
    oldVersionFile(file, 1, '旧版单位').close();

    const workbook = Workbook.open(file);
    expect(workbook.migrationBackup).toBe(`${file}.v1.bak`);
    const migratedTotal = workbook.table('t10').rows.find((row) => row.key === 'total')?.cells['gpb'];
    expect(migratedTotal).toMatchObject({ fen: 290000, isRounded: true });
    // Migrating must not cost the lock (a copy through a second file descriptor would).
    const refused = JSON.parse(await outputOf(startChild('open', file)));
    expect(refused.code).toBe('WORKBOOK_LOCKED');
    // The new version's feature works on the migrated file.
    workbook.setCell({ table: 't10', row: 'abroad', column: 'gpb', text: '1.5', unit: 'wanYuan' });
    expect(workbook.undo()).toContain('表十');
    workbook.close();

    const backup = new Database(`${file}.v1.bak`, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(backup.pragma('application_id', { simple: true })).toBe(WORKBOOK_APPLICATION_ID);
    expect(backup.prepare('SELECT fen FROM cells').all()).toEqual([{ fen: 290000 }]);
    backup.close();
    const reopened = new Database(file, { readonly: true });
    expect(reopened.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    reopened.close();
  });

  it('undoes a step recorded before a migration added a column', () => {
    const file = path.join(tempDir(), 'v2.ysgk');
    const db = oldVersionFile(file, 2, '二版单位');
    // A step as version 2 recorded it: the cell's row without is_rounded.
    db.prepare(`INSERT INTO edit_steps VALUES (1, 'undo', 1, '修改 表十', '2024-01-01T00:00:00Z')`).run();
    db.prepare(
      `INSERT INTO edit_changes VALUES (1, 1, 'cells', 1, json_object('table_key','t10','row_key','reception','column_key','gpb','fen',100000,'origin','input'), json_object('table_key','t10','row_key','reception','column_key','gpb','fen',290000,'origin','input'))`,
    ).run();
    db.close();
    const workbook = Workbook.open(file);
    expect(workbook.undo()).toBe('修改 表十');
    expect(workbook.table('t10').rows.find((row) => row.key === 'reception')?.cells['gpb']).toMatchObject({
      fen: 100000,
    });
    expect(workbook.redo()).toBe('修改 表十');
    expect(workbook.table('t10').rows.find((row) => row.key === 'reception')?.cells['gpb']).toMatchObject({
      fen: 290000,
    });
    workbook.close();
  });

  it('leaves a refused file byte for byte as it was, even in WAL mode', () => {
    const dir = tempDir();
    const foreign = path.join(dir, 'foreign.db');
    const other = new Database(foreign);
    other.pragma('journal_mode = WAL');
    other.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    other.close();
    const before = sha256(foreign);
    expect(errorOf(() => Workbook.open(foreign)).code).toBe('NOT_A_WORKBOOK');
    expect(sha256(foreign)).toBe(before);
  });

  it('refuses a file from a newer version and leaves it untouched', () => {
    const file = path.join(tempDir(), 'future.ysgk');
    Workbook.create(file, PROFILE).close();
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 7}`);
    db.close();
    const before = sha256(file);
    const error = errorOf(() => Workbook.open(file));
    expect(error.code).toBe('WORKBOOK_FROM_NEWER_VERSION');
    expect(error.message).toContain('更新版本');
    expect(error.message).toContain(`第 ${LATEST_SCHEMA_VERSION + 7} 版`);
    expect(sha256(file)).toBe(before);
  });

  it('refuses files that are not workbooks: another SQLite database, a text file, a missing file', () => {
    const dir = tempDir();
    const otherDb = path.join(dir, 'other.db');
    new Database(otherDb).exec('CREATE TABLE t (x)');
    expect(errorOf(() => Workbook.open(otherDb)).code).toBe('NOT_A_WORKBOOK');
    const text = path.join(dir, 'notes.ysgk');
    fs.writeFileSync(text, '这不是数据库文件'.repeat(100));
    expect(errorOf(() => Workbook.open(text)).code).toBe('NOT_A_WORKBOOK');
    expect(errorOf(() => Workbook.open(path.join(dir, 'missing.ysgk'))).code).toBe('FILE_NOT_FOUND');
  });

  it('tells a second process that the workbook is already open, and lets it in once closed', async () => {
    const file = path.join(tempDir(), 'shared.ysgk');
    Workbook.create(file, PROFILE).close();
    const holder = startChild('hold', file);
    await waitForLine(holder, 'ready');
    try {
      const refused = JSON.parse(await outputOf(startChild('open', file)));
      expect(refused.code).toBe('WORKBOOK_LOCKED');
      expect(refused.message).toContain('已被打开');
      // In this process too.
      expect(errorOf(() => Workbook.open(file)).code).toBe('WORKBOOK_LOCKED');
    } finally {
      holder.kill('SIGKILL');
      await outputOf(holder);
    }
    expect(JSON.parse(await outputOf(startChild('open', file)))).toEqual({ ok: true });
  });

  it('saves a consistent copy through the backup API while open', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'original.ysgk');
    const workbook = Workbook.create(file, PROFILE);
    workbook.setCell({ table: 't10', row: 'reception', column: 'gpb', text: '0.29', unit: 'wanYuan' });
    await workbook.saveAs(path.join(dir, 'copy.ysgk'));
    await expect(workbook.saveAs(path.join(dir, 'copy.ysgk'))).rejects.toMatchObject({ code: 'FILE_EXISTS' });
    workbook.close();
    const copy = Workbook.open(path.join(dir, 'copy.ysgk'));
    expect(copy.content().profile.name).toBe(PROFILE.name);
    expect(copy.table('t10').rows.find((row) => row.key === 'total')?.cells['gpb']?.fen).toBe(290_000);
    const integrity = new Database(path.join(dir, 'original.ysgk'), { readonly: true }).pragma(
      'integrity_check',
      { simple: true },
    );
    expect(integrity).toBe('ok');
    copy.close();
  });
});
