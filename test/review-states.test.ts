import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { canonicalJson, parseReviewContent } from '../shared/review/content';
import { Workbook } from '../src-main/services/workbook/workbook';
import { errorOf } from './support/errors';
import { importSeed } from './support/pdf';
import path from 'node:path';
import { tempDir } from './support/temp-dir';
import { newWorkbook, oldVersionFile } from './support/workbooks';

const CELL = { table: 't2', row: '2080109', column: 'gpb' } as const;

describe('the review states', () => {
  it('go 编制中 → 内部审核 → 已定稿 and back, every change logged with who, when and why', () => {
    const workbook = importSeed('002');
    try {
      expect(workbook.review.state()).toBe('编制中');
      workbook.review.submit({ by: '张三', note: '初稿' });
      workbook.review.stamp({ reviewer: '李四', role: '科长', opinion: '退回修改', opinionText: '表二有误' });
      expect(errorOf(() => workbook.review.approve({ by: '王五' })).message).toBe(
        '李四的意见为“退回修改”，不能定稿',
      );
      expect(errorOf(() => workbook.review.reopen({ by: '张三', reason: '  ' })).message).toBe(
        '请填写退回的理由',
      );
      workbook.review.reopen({ by: '张三', reason: '按李四意见修改表二' });
      workbook.setCell({ ...CELL, text: '490.57', unit: 'wanYuan' });
      workbook.review.submit({ by: '张三', note: '修改稿' });
      workbook.review.stamp({ reviewer: '李四', role: '科长', opinion: '通过', opinionText: '' });
      workbook.review.approve({ by: '王五', note: '同意公开' });
      expect(workbook.review.state()).toBe('已定稿');
      workbook.review.reopen({ by: '王五', reason: '补盖分管领导印章', to: '内部审核' });
      const history = workbook.review.status().history;
      expect(
        history.map((change) => [change.from, change.to, change.by, change.reason, change.versionId]),
      ).toEqual([
        ['编制中', '内部审核', '张三', '初稿', 1],
        ['内部审核', '编制中', '张三', '按李四意见修改表二', 1],
        ['编制中', '内部审核', '张三', '修改稿', 2],
        ['内部审核', '已定稿', '王五', '同意公开', 2],
        ['已定稿', '内部审核', '王五', '补盖分管领导印章', 2],
      ]);
      expect(history.every((change) => !Number.isNaN(Date.parse(change.at)))).toBe(true);
    } finally {
      workbook.close();
    }
  });

  it('refuse a move the state does not allow, and 定稿 without a valid 通过 stamp', () => {
    const workbook = newWorkbook();
    try {
      expect(errorOf(() => workbook.review.approve({ by: '王五' })).message).toBe(
        '工作簿当前为“编制中”，只有在“内部审核”时才能定稿',
      );
      expect(errorOf(() => workbook.review.reopen({ by: '王五', reason: '无' })).message).toBe(
        '当前状态为“编制中”，不能退回到“编制中”',
      );
      workbook.review.submit({ by: '张三' });
      expect(errorOf(() => workbook.review.submit({ by: '张三' })).code).toBe('REVIEW_STATE');
      expect(errorOf(() => workbook.review.approve({ by: '王五' })).message).toBe(
        '第 1 版尚无有效的“通过”印章，不能定稿',
      );
      workbook.review.stamp({ reviewer: '李四', role: '科长', opinion: '通过', opinionText: '' });
      workbook.setCell({ table: 't10', row: 'reception', column: 'gpb', text: '1', unit: 'yuan' });
      expect(errorOf(() => workbook.review.approve({ by: '王五' })).message).toBe(
        '第 1 版提交审核后内容已有改动，不能定稿；请退回编制中，再重新提交审核',
      );
      expect(workbook.review.state()).toBe('内部审核');
    } finally {
      workbook.close();
    }
  });

  it('freeze the whole content in the file on entering 内部审核, as canonical JSON with its SHA-256', () => {
    const workbook = importSeed('003');
    workbook.setOverview({ ...workbook.overview(), duties: ['负责全县医疗保障工作'] });
    workbook.editSentence('expenditure', '改写的支出说明。');
    const version = workbook.review.submit({ by: '张三' });
    const current = workbook.content();
    const file = workbook.path;
    workbook.close();
    const db = new Database(file, { readonly: true });
    const stored = db.prepare('SELECT content_json, content_sha256 FROM review_versions').get() as {
      content_json: string;
      content_sha256: string;
    };
    db.close();
    expect(stored.content_sha256).toBe(version.contentSha256);
    expect(version.bytes).toBe(Buffer.byteLength(stored.content_json));
    const frozen = parseReviewContent(stored.content_json, 1);
    // Stored exactly in its canonical form: keys sorted, no white space.
    expect(canonicalJson(frozen)).toBe(stored.content_json);
    expect(frozen.cells).toHaveLength(current.cells.length);
    expect(frozen.projects.map((project) => project.name)).toEqual(
      current.projects.map((project) => project.name),
    );
    expect(frozen.overview.duties).toEqual(['负责全县医疗保障工作']);
    expect(frozen.narrativeEdits).toEqual([
      expect.objectContaining({ sentenceId: 'expenditure', text: '改写的支出说明。' }),
    ]);
  });

  it('start at 编制中 for a file saved before review existed, which can then be submitted', () => {
    const file = path.join(tempDir(), 'v2.ysgk');
    oldVersionFile(file, 2, '旧版本单位').close();
    const workbook = Workbook.open(file);
    try {
      expect(workbook.review.state()).toBe('编制中');
      expect(workbook.review.versions()).toEqual([]);
      expect(workbook.review.submit({ by: '张三' }).id).toBe(1);
      expect(workbook.review.versionContent(1).cells).toEqual([
        { table: 't10', row: 'reception', column: 'gpb', fen: 290_000, origin: 'input', isRounded: true },
      ]);
    } finally {
      workbook.close();
    }
  });
});

describe('editing under review', () => {
  it('is refused once 已定稿 (edits, undo and redo), and allowed again after a reasoned step back', () => {
    const workbook = newWorkbook();
    try {
      workbook.setCell({ table: 't10', row: 'reception', column: 'gpb', text: '1', unit: 'wanYuan' });
      workbook.review.submit({ by: '张三' });
      workbook.review.stamp({ reviewer: '李四', role: '科长', opinion: '通过', opinionText: '' });
      workbook.review.approve({ by: '王五' });
      const edit = () =>
        workbook.setCell({ table: 't10', row: 'reception', column: 'gpb', text: '2', unit: 'wanYuan' });
      expect(errorOf(edit).message).toBe('工作簿已定稿，不能再修改；如需修改，请先退回编制中（需说明理由）');
      expect(errorOf(() => workbook.undo()).code).toBe('REVIEW_STATE');
      expect(errorOf(() => workbook.redo()).code).toBe('REVIEW_STATE');
      workbook.review.reopen({ by: '王五', reason: '财政局调整了接待费' });
      edit();
      expect(workbook.table('t10').rows.find((row) => row.key === 'reception')?.cells['gpb']?.fen).toBe(
        2_000_000,
      );
    } finally {
      workbook.close();
    }
  });

  it('undoes edits made since the latest state change, never one from before it', () => {
    const workbook = newWorkbook();
    try {
      const reception = (text: string) =>
        workbook.setCell({ table: 't10', row: 'reception', column: 'gpb', text, unit: 'wanYuan' });
      reception('1');
      reception('2');
      workbook.review.submit({ by: '张三' });
      expect(workbook.undo()).toBeNull();
      reception('3');
      expect(workbook.undo()).toBe('修改 表十 第2行（公务接待费）“一般公共预算”列');
      expect(workbook.undo()).toBeNull();
      expect(workbook.table('t10').rows.find((row) => row.key === 'reception')?.cells['gpb']?.fen).toBe(
        2_000_000,
      );
      // The history stays closed after reopening the file.
      const file = workbook.path;
      workbook.close();
      const reopened = Workbook.open(file);
      expect(reopened.undo()).toBeNull();
      expect(reopened.redo()).toBe('修改 表十 第2行（公务接待费）“一般公共预算”列');
      reopened.close();
    } catch (error) {
      workbook.close();
      throw error;
    }
  });
});

describe('comments', () => {
  it('point at a cell, a row, a goal sheet or a 情况说明 section, and are resolved or reopened', () => {
    const workbook = importSeed('002');
    try {
      const review = workbook.review;
      const onCell = review.addComment({ target: { kind: 'cell', ...CELL }, author: '李四', text: '请核对' });
      const onRow = review.addComment({
        target: { kind: 'row', table: 't12', row: 'project:1' },
        author: '李四',
        text: '项目名称与批复不一致',
      });
      const onSheet = review.addComment({
        target: { kind: 'goalSheet', projectId: 1 },
        author: '王五',
        text: '补指标',
      });
      const onWhole = review.addComment({
        target: { kind: 'goalSheet', projectId: null },
        author: '王五',
        text: '缺',
      });
      const onSection = review.addComment({
        target: { kind: 'section', sectionNo: '三' },
        author: '王五',
        text: '说明',
      });
      expect([onCell, onRow, onSheet, onWhole, onSection].map((comment) => comment.place)).toEqual([
        '表二 第4行（2080109 社会保险经办机构）“一般公共预算”列',
        `表十二 第${workbook.table('t12').rows.findIndex((row) => row.key === 'project:1') + 1}行（${workbook.content().projects.find((project) => project.id === 1)?.name}）`,
        `项目“${workbook.content().projects.find((project) => project.id === 1)?.name}”的绩效目标表`,
        '整体支出绩效目标表',
        '情况说明 三、支出预算情况说明',
      ]);
      review.resolveComment(onCell.id, '张三');
      expect(review.comments({ unresolvedOnly: true }).map((comment) => comment.id)).toEqual([
        onRow.id,
        onSheet.id,
        onWhole.id,
        onSection.id,
      ]);
      expect(review.comments()[0]).toMatchObject({ resolvedBy: '张三', author: '李四', text: '请核对' });
      expect(review.status().unresolvedComments).toBe(4);
      review.reopenComment(onCell.id);
      expect(review.comments({ unresolvedOnly: true })).toHaveLength(5);
      // Comments are not content: they change no hash and no stamp.
      expect(review.versions()).toEqual([]);
    } finally {
      workbook.close();
    }
  });

  it('refuse a place that does not exist, naming it', () => {
    const workbook = importSeed('002');
    try {
      const add = (target: Parameters<typeof workbook.review.addComment>[0]['target']) =>
        errorOf(() => workbook.review.addComment({ target, author: '李四', text: '看看' })).message;
      expect(add({ kind: 'cell', table: 't2', row: '2080109', column: 'nope' })).toBe(
        '表二中没有行“2080109”的“nope”列金额单元格',
      );
      expect(add({ kind: 'row', table: 't2', row: '999' })).toBe('表二中没有行“999”');
      expect(add({ kind: 'row', table: 't14', row: 'total' })).toBe('没有表格“t14”（应为 t1 至 t13）');
      expect(add({ kind: 'goalSheet', projectId: 999 })).toBe('找不到编号为 999 的项目');
      expect(add({ kind: 'section', sectionNo: '二十' })).toBe('情况说明中没有第“二十”部分');
      expect(errorOf(() => workbook.review.resolveComment(7, '张三')).message).toBe('没有编号为 7 的批注');
      expect(workbook.review.comments()).toEqual([]);
    } finally {
      workbook.close();
    }
  });
});
