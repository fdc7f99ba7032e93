import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../shared/review/content';
import { totalChanges } from '../shared/review/diff';
import type { StampStatus } from '../shared/review/model';
import { importGoalsJson } from '../src-main/services/goal-sheets/import-goals-json';
import { sha256 } from '../src-main/services/review/stamp-chain';
import { Workbook } from '../src-main/services/workbook/workbook';
import { errorOf } from './support/errors';
import { importSeed } from './support/pdf';
import { finalise } from './support/review';

const GOALS_002 = new URL('./fixtures/seed-data/002-goals.json', import.meta.url).pathname;
const CELL = { table: 't2', row: '2080109', column: 'gpb' } as const;

function statuses(workbook: Workbook): StampStatus[] {
  return workbook.review.stamps().map((stamp) => stamp.status);
}

function printedFen(workbook: Workbook): number | null {
  return workbook.table('t2').rows.find((row) => row.key === CELL.row)?.cells[CELL.column]?.fen ?? null;
}

/** Seed 002 with its goal sheets, submitted as 第 1 版 and stamped 通过. */
function stampedSeed(): Workbook {
  const workbook = importSeed('002');
  importGoalsJson(workbook, GOALS_002);
  workbook.review.submit({ by: '张三', note: '初稿' });
  workbook.review.stamp({ reviewer: '李四', role: '科长', opinion: '通过', opinionText: '同意' });
  return workbook;
}

/** Edits during 内部审核: a cell, a goal-sheet field, a sentence and a new project. */
function editDuringReview(workbook: Workbook): void {
  workbook.setCell({ ...CELL, text: '490.58', unit: 'wanYuan' });
  const [sheet] = workbook.goalSheets();
  if (!sheet) throw new Error('seed 002 has goal sheets');
  workbook.setGoalSheet({ ...sheet, texts: { ...sheet.texts, overview: '改写后的项目概况。' } });
  workbook.editSentence('expenditure', '本年支出预算的改写说明。');
  const unitId = workbook.content().units[0]?.id;
  if (unitId === undefined) throw new Error('seed 002 has a unit');
  workbook.addProject({ unitId, kind: 'current', name: '误加的项目' });
}

describe('恢复到此版本', () => {
  it('brings back the version exactly, as one undoable edit, and its stamp is 有效 again', () => {
    const workbook = stampedSeed();
    try {
      const version = workbook.review.versions()[0];
      if (!version) throw new Error('submitted');
      const fenAtVersion = printedFen(workbook);
      const sentenceAtVersion = workbook.narrative()[2]?.sentences[0]?.text;
      editDuringReview(workbook);
      expect(statuses(workbook)).toEqual(['已失效']);
      expect(totalChanges(workbook.review.diff(1, 'current'))).toBe(4);
      const editedSha256 = workbook.review.currentSha256();

      workbook.review.restoreVersion(1, '审核退回修改，改回初稿');

      expect(workbook.review.currentSha256()).toBe(version.contentSha256);
      expect(canonicalJson(workbook.review.versionContent('current'))).toBe(
        canonicalJson(workbook.review.versionContent(1)),
      );
      expect(statuses(workbook)).toEqual(['有效']);
      expect(workbook.review.status().changedSinceLatestVersion).toBe(false);
      expect(totalChanges(workbook.review.diff(1, 'current'))).toBe(0);
      expect(printedFen(workbook)).toBe(fenAtVersion);
      expect(workbook.narrative()[2]?.sentences[0]?.text).toBe(sentenceAtVersion);
      expect(workbook.content().projects.some((project) => project.name === '误加的项目')).toBe(false);
      expect(workbook.historyLabels().undo).toBe('恢复到第 1 版（审核退回修改，改回初稿）');
      const [restore] = workbook.review.status().restores;
      expect(restore).toMatchObject({
        versionId: 1,
        reason: '审核退回修改，改回初稿',
        replacedSha256: editedSha256,
      });

      // One step: a single undo brings every edit back, redo restores again.
      workbook.undo();
      expect(workbook.review.currentSha256()).toBe(editedSha256);
      expect(statuses(workbook)).toEqual(['已失效']);
      expect(printedFen(workbook)).toBe(490_580_000);
      expect(workbook.content().projects.some((project) => project.name === '误加的项目')).toBe(true);
      // The log keeps the restore even once undone: it happened.
      expect(workbook.review.status().restores).toEqual([restore]);
      workbook.redo();
      expect(workbook.review.currentSha256()).toBe(version.contentSha256);
    } finally {
      workbook.close();
    }
  });

  it('persists in the file: reopened, the content is the version and the stamp 有效', () => {
    const workbook = stampedSeed();
    const file = workbook.path;
    const versionSha256 = workbook.review.versions()[0]?.contentSha256;
    editDuringReview(workbook);
    workbook.review.restoreVersion(1, '误导入，恢复');
    workbook.close();
    // The undo step holds the rows that differed, not the whole content rewritten.
    const db = new Database(file, { readonly: true });
    const rows = db
      .prepare(
        `SELECT c.table_name AS tableName, count(*) AS changes FROM edit_changes c
         JOIN edit_steps s ON s.id = c.step_id WHERE s.label LIKE '恢复到第 1 版%' GROUP BY c.table_name`,
      )
      .all();
    db.close();
    expect(rows).toEqual([
      { tableName: 'cells', changes: 1 },
      { tableName: 'goal_sheets', changes: 1 },
      { tableName: 'narrative_edits', changes: 1 },
      { tableName: 'projects', changes: 1 },
    ]);
    const reopened = Workbook.open(file);
    try {
      expect(reopened.review.currentSha256()).toBe(versionSha256);
      expect(statuses(reopened)).toEqual(['有效']);
      expect(reopened.historyLabels().undo).toBe('恢复到第 1 版（误导入，恢复）');
      expect(reopened.review.status().restores.map(({ versionId, reason }) => [versionId, reason])).toEqual([
        [1, '误导入，恢复'],
      ]);
    } finally {
      reopened.close();
    }
  });

  it('restores an older version over a later one, with the structure it had', () => {
    const workbook = stampedSeed();
    try {
      const first = workbook.review.versions()[0];
      editDuringReview(workbook);
      workbook.review.reopen({ by: '李四', reason: '请修改' });
      workbook.review.submit({ by: '张三', note: '修改稿' });
      workbook.review.restoreVersion(1, '修改稿有误');
      expect(workbook.review.currentSha256()).toBe(first?.contentSha256);
      expect(workbook.review.stamps().map((stamp) => [stamp.versionId, stamp.status])).toEqual([[1, '有效']]);
      expect(totalChanges(workbook.review.diff(2, 'current'))).toBe(4);
    } finally {
      workbook.close();
    }
  });

  it('is refused without a reason, in 已定稿, for an unknown version and when nothing differs', () => {
    const workbook = stampedSeed();
    try {
      workbook.setCell({ ...CELL, text: '490.58', unit: 'wanYuan' });
      const noReason = errorOf(() => workbook.review.restoreVersion(1, '  '));
      expect(noReason.message).toBe('请填写恢复到该版本的原因');
      expect(errorOf(() => workbook.review.restoreVersion(7, '原因')).message).toBe(
        '没有第 7 版（已有 1 版）',
      );
      expect(printedFen(workbook)).toBe(490_580_000);
      expect(workbook.review.status().restores).toEqual([]);

      workbook.undo();
      expect(errorOf(() => workbook.review.restoreVersion(1, '原因')).message).toBe(
        '当前内容与第 1 版相同，无需恢复',
      );
    } finally {
      workbook.close();
    }

    const final = importSeed('002');
    try {
      final.review.submit({ by: '张三' });
      final.review.reopen({ by: '李四', reason: '请修改' });
      final.setCell({ ...CELL, text: '490.58', unit: 'wanYuan' });
      finalise(final);
      const sha256Before = final.review.currentSha256();
      const refusal = errorOf(() => final.review.restoreVersion(1, '想改回初稿'));
      expect(refusal.code).toBe('REVIEW_STATE');
      expect(refusal.message).toContain('已定稿');
      expect(final.review.currentSha256()).toBe(sha256Before);
    } finally {
      final.close();
    }
  });

  it('refuses a version stored in another content format, or altered outside the program', () => {
    const workbook = stampedSeed();
    const file = workbook.path;
    workbook.setCell({ ...CELL, text: '490.58', unit: 'wanYuan' });
    workbook.close();

    const db = new Database(file);
    const { content_json: json } = db
      .prepare('SELECT content_json FROM review_versions WHERE id = 1')
      .get() as {
      content_json: string;
    };
    const older = json.replace('"format":1', '"format":0');
    expect(older).not.toBe(json);
    // The hash is recomputed too, so only the format tells the version apart.
    db.prepare('UPDATE review_versions SET content_json = ?, content_sha256 = ? WHERE id = 1').run(
      older,
      sha256(older),
    );
    db.close();
    const reopened = Workbook.open(file);
    try {
      const refusal = errorOf(() => reopened.review.restoreVersion(1, '改回初稿'));
      expect(refusal.message).toBe(
        '第 1 版按第 0 版内容格式保存，本程序的内容格式为第 1 版；为免恢复出错，不能恢复到该版本',
      );
      expect(printedFen(reopened)).toBe(490_580_000);
    } finally {
      reopened.close();
    }

    const tampered = new Database(file);
    tampered.prepare('UPDATE review_versions SET content_json = ? WHERE id = 1').run(json);
    tampered.close();
    const again = Workbook.open(file);
    try {
      expect(errorOf(() => again.review.restoreVersion(1, '改回初稿')).message).toBe(
        '第 1 版的内容与记录的校验值不符（可能在程序之外被改动），不能恢复到该版本',
      );
    } finally {
      again.close();
    }
  });
});
