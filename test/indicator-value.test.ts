import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  formatIndicatorValue,
  type IndicatorValue,
  indicatorValueProblems,
  parseIndicatorValue,
} from '../shared/goal-sheets/indicator-value';
import type { IndicatorGroupKey } from '../shared/goal-sheets/model';

interface SeedIndicator {
  readonly l2Key: IndicatorGroupKey;
  readonly l3: string | null;
  readonly value: IndicatorValue | null;
}

interface SeedGoals {
  readonly projectSheets: readonly {
    readonly index: number;
    readonly indicators: { readonly implementation: SeedIndicator[]; readonly annual: SeedIndicator[] };
  }[];
  readonly wholeUnitSheet: { readonly indicators: SeedIndicator[] } | null;
}

interface SeedValue {
  readonly where: string;
  readonly group: IndicatorGroupKey;
  readonly name: string;
  readonly value: IndicatorValue;
}

const SEEDS = ['002', '003', '004'] as const;

function seedIndicators(seed: (typeof SEEDS)[number]): { where: string; indicator: SeedIndicator }[] {
  const goals = JSON.parse(
    readFileSync(new URL(`./fixtures/seed-data/${seed}-goals.json`, import.meta.url), 'utf8'),
  ) as SeedGoals;
  return [
    ...goals.projectSheets.flatMap((sheet) =>
      (['implementation', 'annual'] as const).flatMap((side) =>
        sheet.indicators[side].map((indicator) => ({ where: `${seed} #${sheet.index} ${side}`, indicator })),
      ),
    ),
    ...(goals.wholeUnitSheet?.indicators ?? []).map((indicator) => ({ where: `${seed} 整体`, indicator })),
  ];
}

const ALL_INDICATORS = SEEDS.flatMap(seedIndicators);
const SEED_VALUES: SeedValue[] = ALL_INDICATORS.flatMap(({ where, indicator }) =>
  indicator.value === null
    ? []
    : [{ where, group: indicator.l2Key, name: indicator.l3 ?? '', value: indicator.value }],
);

const SQUARE_METRES =
  '§5.1 normalises 平米 = 平方米 = m² = ㎡ to 平方米; the seed JSON keeps the printed unit';

/** Seed readings this module does not share, each with its reason; only the unit differs. */
const READING_EXCEPTIONS: Readonly<Record<string, { unit: string; reason: string }>> = {
  '≤3200m ²': { unit: '平方米', reason: SQUARE_METRES },
  '≤300m ²': { unit: '平方米', reason: SQUARE_METRES },
  '≤200平米': { unit: '平方米', reason: SQUARE_METRES },
  '≤500平米': { unit: '平方米', reason: SQUARE_METRES },
  '≤54平米': { unit: '平方米', reason: SQUARE_METRES },
  '≤35平米': { unit: '平方米', reason: SQUARE_METRES },
};

const TRAILING_ZEROS = 'a number keeps no decimals it does not need: .00 is not printed';

/** Numeric values whose printed form is not their raw text, each with its reason. */
const FORMAT_EXCEPTIONS: Readonly<Record<string, { printed: string; reason: string }>> = {
  '≤3200m ²': { printed: '≤3200平方米', reason: SQUARE_METRES },
  '≤300m ²': { printed: '≤300平方米', reason: SQUARE_METRES },
  '≤200平米': { printed: '≤200平方米', reason: SQUARE_METRES },
  '≤500平米': { printed: '≤500平方米', reason: SQUARE_METRES },
  '≤54平米': { printed: '≤54平方米', reason: SQUARE_METRES },
  '≤35平米': { printed: '≤35平方米', reason: SQUARE_METRES },
  '510000.00元': { printed: '510000元', reason: TRAILING_ZEROS },
  '1636500.00元': { printed: '1636500元', reason: TRAILING_ZEROS },
  '1384600.00元': { printed: '1384600元', reason: TRAILING_ZEROS },
  '66500.00元': { printed: '66500元', reason: TRAILING_ZEROS },
  '145800.00元': { printed: '145800元', reason: TRAILING_ZEROS },
  '1年内': {
    printed: '≤1年',
    reason: '“within” is read as ≤ (flag written-as-within) and printed as the sign',
  },
};

function expectedReading(value: IndicatorValue): IndicatorValue {
  const exception = READING_EXCEPTIONS[value.raw];
  return exception === undefined || value.kind !== 'numeric' ? value : { ...value, unit: exception.unit };
}

describe('the seeds’ 指标值', () => {
  const seedRaws = new Set(SEED_VALUES.map(({ value }) => value.raw));

  it('are all there: 873 values and 21 blank cells in the three seeds (spec §5.1)', () => {
    expect(SEED_VALUES).toHaveLength(873);
    expect(ALL_INDICATORS.length - SEED_VALUES.length).toBe(21);
  });

  it.each(SEEDS)('%s: every value parses to the structure the seed JSON gives it', (seed) => {
    for (const { where, name, value } of SEED_VALUES.filter((entry) => entry.where.startsWith(seed))) {
      expect(parseIndicatorValue(value.raw), `${where} ${name}: ${value.raw}`).toStrictEqual(
        expectedReading(value),
      );
    }
  });

  it('lists only exceptions that occur and differ from the seed reading', () => {
    for (const raw of Object.keys(READING_EXCEPTIONS)) {
      const seedValue = SEED_VALUES.find(({ value }) => value.raw === raw)?.value;
      expect(seedValue, raw).toBeDefined();
      expect(seedValue && expectedReading(seedValue), raw).not.toStrictEqual(seedValue);
    }
    for (const raw of Object.keys(FORMAT_EXCEPTIONS)) expect(seedRaws.has(raw), raw).toBe(true);
  });

  it('print back as written: numbers from the structure, the rest as raw text', () => {
    for (const { where, value } of SEED_VALUES) {
      const printed = formatIndicatorValue(parseIndicatorValue(value.raw));
      const expected = FORMAT_EXCEPTIONS[value.raw]?.printed ?? value.raw;
      expect(printed, `${where}: ${value.raw}`).toBe(expected);
    }
  });

  it('raise exactly the hints a reviewer would query', () => {
    const hints = SEED_VALUES.flatMap(({ where, group, name, value }) =>
      indicatorValueProblems(group, name, parseIndicatorValue(value.raw)).map((hint) => `${where} ${hint}`),
    );
    expect(hints).toEqual([
      '002 #5 implementation 成本指标的单位应为元或万元，“72年/人”的单位是“年/人”',
      '002 #5 annual 成本指标的单位应为元或万元，“72年/人”的单位是“年/人”',
      '002 整体 “开展医保宣传次数”是次数，单位“人”不符',
      '002 整体 成本指标一般是上限（≤），“≥9万元”是下限，请确认',
      '004 #3 implementation 满意度指标值应为百分比（如≥90%）或“满意”，“健全”不是',
      '004 #3 annual 满意度指标值应为百分比（如≥90%）或“满意”，“健全”不是',
      '004 #15 implementation 满意度指标值应为百分比（如≥90%）或“满意”，“逐年提升”不是',
      '004 #15 annual 满意度指标值应为百分比（如≥90%）或“满意”，“逐年提升”不是',
    ]);
  });
});

describe('parseIndicatorValue', () => {
  it.each([
    ['>=5000人次', '>=', 5000, '人次'],
    ['＞１，０００元', '>', 1000, '元'],
    ['＜5个', '<', 5, '个'],
    ['不低于90%', '>=', 90, '%'],
    ['不少于3次', '>=', 3, '次'],
    ['不超过14.26万元', '<=', 14.26, '万元'],
    ['大于等于2台', '>=', 2, '台'],
    ['低于5%', '<', 5, '%'],
    ['5000人次以上', '>=', 5000, '人次'],
    ['3人及以下', '<=', 3, '人'],
    ['＝100％', '=', 100, '%'],
    ['1,234.5万', '=', 1234.5, '万元'],
    ['≥300 ㎡', '>=', 300, '平方米'],
    ['≤3200m2', '<=', 3200, '平方米'],
    ['500平方', '=', 500, '平方米'],
    ['≥30万人', '>=', 30, '万人'],
    ['≥10台、套', '>=', 10, '台、套'],
    ['≥90', '>=', 90, null],
  ] as const)('reads %s as a number', (raw, comparator, number, unit) => {
    expect(parseIndicatorValue(raw)).toStrictEqual({ kind: 'numeric', raw, comparator, number, unit });
  });

  it('reads thousands separators only in their places and never through a float of the text', () => {
    expect(parseIndicatorValue('1,636,500.00元')).toMatchObject({ number: 1636500, unit: '元' });
    expect(parseIndicatorValue('0.1万元')).toMatchObject({ number: 0.1 });
    expect(parseIndicatorValue('12,34元').kind).toBe('qualitative');
  });

  it('reads rates, with 、 standing for / only after money', () => {
    expect(parseIndicatorValue('1000元/月/人')).toMatchObject({ unit: '元', per: ['月', '人'] });
    expect(parseIndicatorValue('≥2500元/人')).toMatchObject({ comparator: '>=', unit: '元', per: ['人'] });
    expect(parseIndicatorValue('72元、人')).toMatchObject({ unit: '元', per: ['人'] });
    expect(parseIndicatorValue('300元/人·月')).toMatchObject({ unit: '元', per: ['人', '月'] });
    expect(parseIndicatorValue('20元/平米')).toMatchObject({ unit: '元', per: ['平方米'] });
  });

  it('reads ranges of one quantity, and nothing else as a range', () => {
    expect(parseIndicatorValue('90%-95%')).toStrictEqual({
      kind: 'numeric',
      raw: '90%-95%',
      comparator: 'range',
      number: 90,
      numberMax: 95,
      unit: '%',
    });
    expect(parseIndicatorValue('1～3个月')).toMatchObject({ comparator: 'range', number: 1, numberMax: 3 });
    expect(parseIndicatorValue('5个至8个')).toMatchObject({ comparator: 'range', unit: '个' });
    expect(parseIndicatorValue('5个-8台').kind).toBe('qualitative');
    expect(parseIndicatorValue('≥5-10个')).toMatchObject({ kind: 'qualitative', comparator: null });
  });

  it('reads `…内` as ≤ and says so', () => {
    expect(parseIndicatorValue('1年内')).toStrictEqual({
      kind: 'numeric',
      raw: '1年内',
      comparator: '<=',
      number: 1,
      unit: '年',
      flags: ['written-as-within'],
    });
    expect(parseIndicatorValue('3个月以内')).toMatchObject({ comparator: '<=', unit: '个月' });
    expect(parseIndicatorValue('1月内')).toMatchObject({ kind: 'numeric', unit: '月' });
    expect(parseIndicatorValue('≤1年')).not.toHaveProperty('flags');
  });

  it('reads changes by an amount', () => {
    expect(parseIndicatorValue('较上年提高5%')).toStrictEqual({
      kind: 'numeric',
      raw: '较上年提高5%',
      comparator: 'increase-by',
      number: 5,
      unit: '%',
      baseline: '上年',
    });
    expect(parseIndicatorValue('提高5个百分点')).toMatchObject({
      comparator: 'increase-by',
      unit: '个百分点',
    });
    expect(parseIndicatorValue('下降10%')).toMatchObject({ comparator: 'decrease-by', number: 10 });
  });

  it.each([
    ['12月底', { year: null, month: 12, position: '底', deadline: false, note: null }],
    ['5月底前', { year: null, month: 5, position: '底', deadline: true, note: null }],
    ['2024年8月之前', { year: 2024, month: 8, position: null, deadline: true, note: null }],
    ['十二月底', { year: null, month: 12, position: '底', deadline: false, note: null }],
    ['12月31日前', { year: null, month: 12, day: 31, position: null, deadline: true, note: null }],
    ['截至6月底', { year: null, month: 6, position: '底', deadline: true, note: null }],
    ['5月底前完成', { year: null, month: 5, position: '底', deadline: true, note: '完成' }],
    ['4至11月', { year: null, month: 4, monthTo: 11, position: null, deadline: false }],
    ['5月～8月', { year: null, month: 5, monthTo: 8, position: null, deadline: false }],
    [
      '2023年10月至2024年6月',
      { year: 2023, month: 10, monthTo: 6, yearTo: 2024, position: null, deadline: false },
    ],
    ['8月、10月', { months: [8, 10] }],
    ['2024年8、10月', { year: 2024, months: [8, 10] }],
    ['下半年', { period: '下半年' }],
    ['2024年下半年', { year: 2024, period: '下半年' }],
    ['年底前', { period: '年底', deadline: true }],
    ['2024年底', { year: 2024, period: '年底' }],
    ['年内', { period: '年内' }],
    ['第一季度', { quarters: [1] }],
    ['一、二季度', { quarters: [1, 2] }],
    ['第三季度末前', { quarters: [3], position: '末', deadline: true }],
    ['2025年', { year: 2025 }],
  ] as const)('reads %s as a date', (raw, date) => {
    expect(parseIndicatorValue(raw)).toStrictEqual({ kind: 'date', raw, date });
  });

  it.each([
    ['每月', '月', undefined],
    ['每季度', '季度', undefined],
    ['每季', '季度', '每季'],
    ['每日', '天', '每日'],
    ['按月', '月', '按月'],
    ['每月一次', '月', '每月一次'],
    ['全年', '年', '全年'],
  ] as const)('reads %s as a frequency', (raw, every, text) => {
    expect(parseIndicatorValue(raw)).toStrictEqual({
      kind: 'frequency',
      raw,
      every,
      ...(text === undefined ? {} : { text }),
    });
  });

  it.each([
    ['提高', null, 'increase'],
    ['有所提高', null, 'increase'],
    ['逐年提升', null, 'increase'],
    ['有效降低', null, 'decrease'],
    ['节约', null, 'decrease'],
    ['保障', null, 'maintain'],
    ['及时', null, 'achieve'],
    ['有效服务', null, 'achieve'],
    ['按需求及时采购', null, 'achieve'],
    ['预算内，节约使用', null, 'achieve'],
    ['非常满意', null, 'achieve'],
    ['需求提出后1月内完成', null, null],
    ['提供', null, null],
    ['100%完成', null, null],
  ] as const)('reads %s as a text going %s/%s', (raw, comparator, direction) => {
    expect(parseIndicatorValue(raw)).toStrictEqual({
      kind: 'qualitative',
      raw,
      text: raw,
      comparator,
      direction,
    });
  });

  it('reads comparisons with last year and the national average', () => {
    expect(parseIndicatorValue('不低于上年')).toStrictEqual({
      kind: 'qualitative',
      raw: '不低于上年',
      text: '不低于上年',
      comparator: '>=',
      direction: 'maintain',
      baseline: '上年',
    });
    expect(parseIndicatorValue('高于全国平均水平')).toMatchObject({
      comparator: '>',
      direction: 'increase',
      benchmark: '全国平均值',
    });
    expect(parseIndicatorValue('较上年有所提高')).toMatchObject({ direction: 'increase', baseline: '上年' });
  });

  it('keeps a blank cell as an empty text, raw untouched', () => {
    expect(parseIndicatorValue('  ')).toStrictEqual({
      kind: 'qualitative',
      raw: '  ',
      text: '',
      comparator: null,
      direction: null,
    });
  });
});

describe('formatIndicatorValue', () => {
  it.each([
    ['>=5000人次', '≥5000人次'],
    ['不超过14.26万元', '≤14.26万元'],
    ['＝100％', '100%'],
    ['1000元/月/人', '1000元/月/人'],
    ['72元、人', '72元/人'],
    ['5000人次以上', '≥5000人次'],
    ['90%～95%', '90-95%'],
    ['比上年增长3%', '较上年提高3%'],
    ['下降10%', '降低10%'],
    ['1,234.5万', '1234.5万元'],
    ['≥90', '≥90'],
    ['5月底前', '5月底前'],
    ['每季', '每季'],
    ['有所提高', '有所提高'],
  ])('prints %s as %s', (raw, printed) => {
    expect(formatIndicatorValue(parseIndicatorValue(raw))).toBe(printed);
  });
});

describe('indicatorValueProblems', () => {
  const problems = (group: IndicatorGroupKey, name: string, raw: string | null) =>
    indicatorValueProblems(group, name, raw === null ? null : parseIndicatorValue(raw));

  it('asks for a value', () => {
    expect(problems('quantity', '住院人数', null)).toEqual(['指标值为空']);
    expect(problems('quantity', '住院人数', ' ')).toEqual(['指标值为空']);
  });

  it('wants 满意度 as a percentage of at least 80 % or 满意, in any group', () => {
    expect(problems('satisfaction', '群众满意度', '≥90%')).toEqual([]);
    expect(problems('satisfaction', '群众满意度', '满意')).toEqual([]);
    expect(problems('satisfaction', '群众满意度', '基本满意')).toEqual([]);
    expect(problems('satisfaction', '群众满意度', '≥70%')).toEqual(['满意度目标“≥70%”低于80%']);
    expect(problems('satisfaction', '群众满意度', '≤90%')).toEqual([
      '满意度应设下限（如≥90%），“≤90%”是上限',
    ]);
    expect(problems('satisfaction', '群众满意度', '提高')).toEqual([
      '满意度指标值应为百分比（如≥90%）或“满意”，“提高”不是',
    ]);
    expect(problems('sustainable', '用户满意度（%）', '≥95%')).toEqual([]);
    expect(problems('sustainable', '用户满意度（%）', '提高')).toHaveLength(1);
    expect(problems('sustainable', '群众满意度', '≥5人')).toEqual([
      '满意度指标值应为百分比（如≥90%）或“满意”，“≥5人”不是',
    ]);
  });

  it('queries a percentage above 100, except ≥100%, and calls a four-digit one a count', () => {
    expect(problems('quality', '验收合格率', '≥100%')).toEqual([]);
    expect(problems('quality', '验收合格率', '120%')).toEqual(['百分比“120%”超过100%，请核对']);
    expect(problems('quality', '验收合格率', '90%-105%')).toEqual(['百分比“90%-105%”超过100%，请核对']);
    expect(problems('quality', '验收合格率', '≥5000%')).toEqual([
      '“≥5000%”是四位数以上的百分比，疑为数量误填为百分比',
    ]);
    expect(problems('economic', '收入增长率', '提高150%')).toEqual([]);
  });

  it('wants a 时效 value to be a time, a term or a frequency', () => {
    for (const raw of ['12月底前', '每季度', '≤1年', '≤30分钟', '≥95%', '及时', '目标期内完成']) {
      expect(problems('timeliness', '完成时间', raw), raw).toEqual([]);
    }
    expect(problems('timeliness', '完成时间', '提高')).toEqual([
      '时效指标值应为完成时间、期限或频次（如“12月底前”“≤1年”“每季度”），“提高”不是',
    ]);
    expect(problems('timeliness', '完成时间', '≥5个')).toHaveLength(1);
  });

  it('wants costs in money and as a ceiling, except a guaranteed rate', () => {
    expect(problems('cost', '宣传费用', '≤9万元')).toEqual([]);
    expect(problems('cost', '宣传费用', '≥9万元')).toEqual([
      '成本指标一般是上限（≤），“≥9万元”是下限，请确认',
    ]);
    expect(problems('cost', '补助标准', '≥2500元/人')).toEqual([]);
    expect(problems('cost', '补助标准', '72年/人')).toEqual([
      '成本指标的单位应为元或万元，“72年/人”的单位是“年/人”',
    ]);
    expect(problems('cost', '预算控制', '预算内完成')).toEqual([]);
  });

  it('matches the unit to the name', () => {
    expect(problems('quantity', '开展医保宣传次数', '≥1人')).toEqual([
      '“开展医保宣传次数”是次数，单位“人”不符',
    ]);
    expect(problems('quantity', '业务办理次数', '≥116600笔')).toEqual([]);
    expect(problems('quantity', '培训人数', '≥50人次')).toEqual([]);
    expect(problems('quantity', '培训人数', '≥50个')).toEqual(['“培训人数”是人数，单位“个”不符']);
    expect(problems('quality', '平台故障解决率（%）', '≥95%')).toEqual([]);
    expect(problems('quality', '验收合格率', '≥95个')).toEqual([
      '“验收合格率”是比率，指标值应为百分比，“≥95个”不是',
    ]);
    expect(problems('quantity', '设备数量', '≥3')).toEqual(['指标值“≥3”缺少计量单位']);
  });
});
