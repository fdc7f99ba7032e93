import { describe, expect, it } from 'vitest';
import { glossaryFor } from '../shared/narrative/glossary';
import { SEEDS } from './support/fixtures';
import { readNarrativeFixture } from './support/narrative-fixtures';

describe('名词解释', () => {
  it.each(SEEDS)('is the standard text the seed %s prints, but for its known typo', (seed) => {
    const published = readNarrativeFixture(seed).part4.entries as { term: string; definition: string }[];
    const year = readNarrativeFixture(seed).meta.year as number;
    // 003 prints 短培训班 for 短训班 (document-spec §5); the standard text is correct.
    const corrected = published.map((entry) => ({
      term: entry.term,
      definition: entry.definition.replace('短培训班', '短训班'),
    }));
    expect(glossaryFor(year)).toEqual(corrected);
  });

  it('appends the user’s entries after the standard ones', () => {
    const extra = { term: '事业收入', definition: '指事业单位开展专业业务活动及其辅助活动取得的收入。' };
    expect(glossaryFor(2025, [extra]).at(-1)).toEqual(extra);
    expect(glossaryFor(2025)).toHaveLength(12);
    expect(() => glossaryFor(2019)).toThrow('没有适用于 2019 年的名词解释');
  });
});
