import { describe, expect, it } from 'vitest';
import { canonicalJson, reviewContentOf } from '../shared/review/content';
import { errorOf } from './support/errors';
import { importSeed } from './support/pdf';

describe('the canonical content a stamp is bound to', () => {
  it('serialises with sorted keys at every depth, no white space, and refuses a number that is not an integer', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: null, e: '元' }], c: true }, skipped: undefined })).toBe(
      '{"a":{"c":true,"d":[2,{"e":"元","f":null}]},"b":1}',
    );
    expect(errorOf(() => canonicalJson({ cells: [{ fen: 12.5 }] })).message).toBe(
      '工作簿内容中 cells[0].fen 的数值 12.5 不是整数，无法生成审核版本',
    );
  });

  it('does not depend on the order records are read in', () => {
    const workbook = importSeed('002');
    try {
      const content = workbook.review.versionContent('current');
      const shuffled = reviewContentOf({
        ...content,
        units: [...content.units].reverse(),
        cells: [...content.cells].reverse(),
        tableRows: [...content.tableRows].reverse(),
        projects: [...content.projects].reverse(),
        subjects: [...content.subjects].reverse(),
      });
      expect(canonicalJson(shuffled)).toBe(canonicalJson(content));
    } finally {
      workbook.close();
    }
  });

  it('hashes the same for the same content in two files, and differently after any edit', () => {
    const first = importSeed('002');
    const second = importSeed('002');
    try {
      const sha = first.review.currentSha256();
      expect(sha).toMatch(/^[0-9a-f]{64}$/);
      expect(second.review.currentSha256()).toBe(sha);
      second.setCell({ table: 't2', row: '2080109', column: 'gpb', text: '490.560001', unit: 'wanYuan' });
      expect(second.review.currentSha256()).not.toBe(sha);
      second.undo();
      expect(second.review.currentSha256()).toBe(sha);
      second.editSentence('income', '改写。');
      expect(second.review.currentSha256()).not.toBe(sha);
    } finally {
      first.close();
      second.close();
    }
  });
});
