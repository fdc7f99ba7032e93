import { describe, expect, it } from 'vitest';
import {
  EMPTY_OVERVIEW,
  dutyMarker,
  organisationSentences,
  overviewFindings,
  splitDuties,
} from '../shared/narrative/overview';
import { SEEDS } from './support/fixtures';
import { readNarrativeFixture } from './support/narrative-fixtures';
import { newWorkbook } from './support/workbooks';

describe('概况', () => {
  it.each(SEEDS)('splits the duties of seed %s as pasted into the items the seed lists', (seed) => {
    const duties = readNarrativeFixture(seed).part1.sections[0] as {
      paragraphs: string[];
      items: { text: string }[];
    };
    expect(splitDuties(duties.paragraphs.join('\n'))).toEqual(
      duties.items.map((item) => item.text.replace(/\s/g, '')),
    );
  });

  it('prints duties in one marker style', () => {
    expect([1, 2, 10, 11, 13].map((position) => dutyMarker('（一）', position))).toEqual([
      '（一）',
      '（二）',
      '（十）',
      '（十一）',
      '（十三）',
    ]);
    expect(dutyMarker('1.', 3)).toBe('3. ');
    expect(splitDuties('1、拟订政策。\n2、组织实施。')).toEqual(['拟订政策。', '组织实施。']);
  });

  it('generates the organisation sentences of 002 from its facts, and checks them', () => {
    const overview = {
      ...EMPTY_OVERVIEW,
      establishment: [{ kind: '行政编制', count: 6 }],
      headcount: {
        asOf: '2024年12月31日',
        total: 6,
        breakdown: [
          { label: '局长', count: 1 },
          { label: '副局长', count: 1 },
          { label: '科员', count: 4 },
        ],
      },
      internalUnits: ['办公室', '规划财务和基金监管股', '待遇保障和医药股', '医药价格和招标采购股'].map(
        (name) => ({ name, level: '股级' }),
      ),
    };
    expect(organisationSentences(overview)).toEqual([
      '核定行政编制6名。',
      '截至2024年12月31日实有人数6人（局长1人、副局长1人、科员4人）。',
      '内设4个股级科室：办公室、规划财务和基金监管股、待遇保障和医药股、医药价格和招标采购股。',
    ]);
    expect(overviewFindings(overview, 2025)).toEqual([]);
    const wrong = { ...overview, headcount: { ...overview.headcount, total: 7, asOf: '2025年3月1日' } };
    expect(overviewFindings(wrong, 2025).map((finding) => [finding.ruleId, finding.severity])).toEqual([
      ['G1', '错误'],
      ['G2', '提示'],
    ]);
  });

  it('is stored in the workbook as one undoable edit', () => {
    const workbook = newWorkbook();
    workbook.setOverview({ ...EMPTY_OVERVIEW, duties: ['拟订政策。'], dutyMarkerStyle: '1.' });
    expect(workbook.overview()).toMatchObject({ duties: ['拟订政策。'], dutyMarkerStyle: '1.' });
    expect(workbook.undo()).toBe('修改概况');
    expect(workbook.overview()).toEqual(EMPTY_OVERVIEW);
    workbook.close();
  });
});
