import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { StampStatus } from '../shared/review/model';
import { SEAL_MAX_BYTES } from '../shared/review/seal-png';
import { Workbook } from '../src-main/services/workbook/workbook';
import { errorOf } from './support/errors';
import { importSeed } from './support/pdf';
import { sealPng } from './support/png';

const CELL = { table: 't2', row: '2080109', column: 'gpb' } as const;

function statuses(workbook: Workbook): StampStatus[] {
  return workbook.review.stamps().map((stamp) => stamp.status);
}

/** Seed 002 submitted for review and stamped by two reviewers (one with a seal). */
function stampedSeed(): Workbook {
  const workbook = importSeed('002');
  workbook.review.submit({ by: '张三', note: '初稿' });
  workbook.review.stamp({
    reviewer: '李四',
    role: '科长',
    opinion: '通过',
    opinionText: '同意',
    seal: sealPng(),
  });
  workbook.review.stamp({ reviewer: '王五', role: '分管领导', opinion: '通过', opinionText: '' });
  return workbook;
}

/** Closes the workbook, runs `sql` on the file as someone with a SQLite browser would, reopens it. */
function alterByHand(workbook: Workbook, ...statements: string[]): Workbook {
  const file = workbook.path;
  workbook.close();
  const db = new Database(file);
  for (const statement of statements) expect(db.prepare(statement).run().changes).toBeGreaterThan(0);
  db.close();
  return Workbook.open(file);
}

describe('stamps bound to the reviewed content', () => {
  it('are 有效 on the content stamped, 已失效 after an edit, and 有效 again once the edit is undone', () => {
    const workbook = stampedSeed();
    try {
      const [first] = workbook.review.stamps();
      expect(first).toMatchObject({ reviewer: '李四', role: '科长', opinion: '通过', opinionText: '同意' });
      expect(first?.contentSha256).toBe(workbook.review.versions()[0]?.contentSha256);
      expect(first?.contentSha256).toBe(workbook.review.currentSha256());
      expect(Buffer.from(first?.seal ?? [])).toEqual(sealPng());
      expect(statuses(workbook)).toEqual(['有效', '有效']);

      workbook.setCell({ ...CELL, text: '490.57', unit: 'wanYuan' });
      expect(statuses(workbook)).toEqual(['已失效', '已失效']);
      expect(workbook.review.stamps()[0]?.statusReason).toBe('盖章后内容有改动（当前内容与第 1 版不同）');
      expect(workbook.review.status().changedSinceLatestVersion).toBe(true);

      // Validity is the content's hash: the same content again is what was stamped.
      workbook.undo();
      expect(statuses(workbook)).toEqual(['有效', '有效']);
    } finally {
      workbook.close();
    }
  });

  it('go stale on a change of text as well as of figures, and stay stale across reopening the file', () => {
    const workbook = stampedSeed();
    workbook.setOverview({ ...workbook.overview(), organisationText: '内设综合股。' });
    expect(statuses(workbook)).toEqual(['已失效', '已失效']);
    workbook.close();
    const reopened = Workbook.open(workbook.path);
    try {
      expect(statuses(reopened)).toEqual(['已失效', '已失效']);
    } finally {
      reopened.close();
    }
  });

  it('are refused outside 内部审核, on content changed since the version, and without the required fields', () => {
    const workbook = importSeed('002');
    try {
      const stamp = { reviewer: '李四', role: '科长', opinion: '通过', opinionText: '' } as const;
      expect(errorOf(() => workbook.review.stamp(stamp)).message).toBe(
        '工作簿当前为“编制中”，只有在“内部审核”时才能盖章',
      );
      workbook.review.submit({ by: '张三' });
      expect(errorOf(() => workbook.review.stamp({ ...stamp, reviewer: ' ' })).message).toBe(
        '请填写审核人姓名',
      );
      expect(errorOf(() => workbook.review.stamp({ ...stamp, opinion: '退回修改' })).message).toBe(
        '退回修改时请写明修改意见',
      );
      workbook.setCell({ ...CELL, text: '1', unit: 'wanYuan' });
      expect(errorOf(() => workbook.review.stamp(stamp)).message).toBe(
        '第 1 版提交审核后内容已有改动，不能盖章；请退回编制中，再重新提交审核',
      );
      expect(workbook.review.stamps()).toEqual([]);
    } finally {
      workbook.close();
    }
  });
});

describe('a stamp record altered by hand in the SQLite file', () => {
  it('is detected when its opinion is changed', () => {
    const workbook = alterByHand(
      stampedSeed(),
      `UPDATE review_stamps SET opinion = '通过', opinion_text = '同意发布' WHERE id = 2`,
    );
    try {
      const stamps = workbook.review.stamps();
      expect(stamps.map((stamp) => stamp.status)).toEqual(['有效', '校验失败']);
      expect(stamps[1]?.statusReason).toBe('印章记录与其校验值不符：记录在程序之外被改动过');
      expect(errorOf(() => workbook.review.approve({ by: '赵六' })).code).toBe('REVIEW_STATE');
    } finally {
      workbook.close();
    }
  });

  it('is detected when a stale stamp is given the current content hash to look valid', () => {
    const workbook = stampedSeed();
    workbook.setCell({ ...CELL, text: '1', unit: 'wanYuan' });
    const current = workbook.review.currentSha256();
    const reopened = alterByHand(workbook, `UPDATE review_stamps SET content_sha256 = '${current}'`);
    try {
      expect(statuses(reopened)).toEqual(['校验失败', '校验失败']);
    } finally {
      reopened.close();
    }
  });

  it('is detected when a stamp is deleted from the middle of the chain, or its seal replaced', () => {
    const workbook = stampedSeed();
    workbook.review.stamp({ reviewer: '赵六', role: '主任', opinion: '退回修改', opinionText: '再核' });
    const reopened = alterByHand(
      workbook,
      'DELETE FROM review_stamps WHERE id = 2',
      `UPDATE review_stamps SET seal_png = X'89504E47' WHERE id = 1`,
    );
    try {
      const stamps = reopened.review.stamps();
      expect(stamps.map((stamp) => [stamp.reviewer, stamp.status])).toEqual([
        ['李四', '校验失败'],
        ['赵六', '校验失败'],
      ]);
      expect(stamps[0]?.statusReason).toBe('印章图片与记录的校验值不符：图片在程序之外被替换过');
      expect(stamps[1]?.statusReason).toBe('与前一枚印章的链接不符：之前的印章记录被改动或删除过');
    } finally {
      reopened.close();
    }
  });

  it('is detected when the frozen version it stamped is edited', () => {
    const reopened = alterByHand(
      stampedSeed(),
      `UPDATE review_versions SET content_json = json_set(content_json, '$.profile.name', '别的单位')`,
    );
    try {
      expect(statuses(reopened)).toEqual(['校验失败', '校验失败']);
      expect(reopened.review.stamps()[0]?.statusReason).toBe('所盖章的第 1 版内容在程序之外被改动过');
    } finally {
      reopened.close();
    }
  });

  it('leaves an untouched file verifying after closing and reopening', () => {
    const workbook = stampedSeed();
    const file = workbook.path;
    const head = workbook.review.status().chainHead;
    workbook.close();
    const reopened = Workbook.open(file);
    try {
      expect(statuses(reopened)).toEqual(['有效', '有效']);
      expect(reopened.review.status().chainHead).toBe(head);
    } finally {
      reopened.close();
    }
  });
});

/** A PNG with its IHDR rewritten (and its CRC made right again, unless `keepCrc`). */
function withHeader(change: (header: Buffer) => void, keepCrc = false): Buffer {
  const png = Buffer.from(sealPng());
  change(png.subarray(16, 29));
  if (!keepCrc) png.writeUInt32BE(zlib.crc32(png.subarray(12, 29)), 29);
  return png;
}

describe('the seal image', () => {
  const stampWith = (seal: Uint8Array) => {
    const workbook = importSeed('004');
    try {
      workbook.review.submit({ by: '张三' });
      return errorOf(() =>
        workbook.review.stamp({ reviewer: '李四', role: '科长', opinion: '通过', opinionText: '', seal }),
      );
    } finally {
      workbook.close();
    }
  };

  it('must be a PNG by its signature and IHDR, within the size limits', () => {
    expect(stampWith(Buffer.from('GIF89a not a png at all, just text')).message).toBe(
      '印章图片“印章图片”不是 PNG 图片（文件头不符）；请使用 PNG 格式的印章图片',
    );
    expect(stampWith(withHeader((header) => header.writeUInt32BE(2000, 0))).message).toBe(
      '印章图片“印章图片”为 2000×96 像素，超过 1024×1024 像素的上限',
    );
    expect(stampWith(withHeader((header) => header.writeUInt32BE(0, 4))).message).toBe(
      '印章图片“印章图片”的宽或高为 0',
    );
    expect(stampWith(withHeader((header) => (header[9] = 5))).message).toBe(
      '印章图片“印章图片”已损坏：图像信息块（IHDR）中的位深、颜色类型或压缩方式无效',
    );
    expect(stampWith(withHeader((header) => header.writeUInt32BE(97, 0), true)).message).toBe(
      '印章图片“印章图片”已损坏：图像信息块（IHDR）的校验值不符',
    );
    const renamed = Buffer.from(sealPng());
    renamed.write('IHDX', 12, 'latin1');
    expect(stampWith(renamed).message).toBe('印章图片“印章图片”已损坏：PNG 文件头之后缺少图像信息块（IHDR）');
    const large = Buffer.concat([sealPng(), Buffer.alloc(SEAL_MAX_BYTES)]);
    expect(stampWith(large).message).toMatch(/^印章图片“印章图片”有 \d+ KB，超过 512 KB 的上限$/);
    expect(stampWith(large).code).toBe('INVALID_SEAL');
  });
});
