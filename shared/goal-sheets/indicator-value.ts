/**
 * 指标值 (goal-sheets-spec.md §5): the printed value of a 三级指标, read into a structure that an
 * editor can offer pickers for and a checker can reason about. The printed text (`raw`) is always
 * kept and is what gets printed for everything but numbers; the structure never replaces it.
 *
 * The shapes follow the `value` objects of seed-data/NNN-goals.json, so a value read from a seed
 * and a value parsed here compare equal. Where the seeds disagree with the spec's normalisation
 * (`平米`, `m²` kept as printed there), this module normalises (`平方米`).
 */
import type { IndicatorGroupKey } from './model';

export type Comparator = '>=' | '<=' | '>' | '<' | '=' | 'range' | 'increase-by' | 'decrease-by';
/** The comparators a sentence can carry (`不低于上年`): no range, no change by an amount. */
export type TextComparator = Extract<Comparator, '>=' | '<=' | '>' | '<' | '='>;
/** `written-as-within`: `1年内` read as `≤1年`; the comparator is a reading, not printed. */
export type IndicatorValueFlag = 'written-as-within';
export type DatePosition = '底' | '初' | '末' | '中旬' | '上旬' | '下旬';
export type DatePeriod = '上半年' | '下半年' | '年内' | '年底' | '当年';
export type FrequencyUnit = '月' | '季度' | '年' | '半年' | '周' | '天';
export type Direction = 'increase' | 'decrease' | 'maintain' | 'achieve';

export interface NumericValue {
  readonly kind: 'numeric';
  readonly raw: string;
  readonly comparator: Comparator;
  readonly number: number;
  /** Upper end of a `range`. */
  readonly numberMax?: number;
  /** Normalised: `平方米` for 平米/m²/㎡, `万元` for a bare 万. */
  readonly unit: string | null;
  /** Rate denominators: `1000元/月/人` is unit 元 per [月, 人]. */
  readonly per?: readonly string[];
  /** `较上年提高5%`: the change is measured against last year. */
  readonly baseline?: '上年';
  readonly flags?: readonly IndicatorValueFlag[];
}

/**
 * The seeds use four shapes, reproduced as they are: a single month carries all of
 * year/month/position/deadline/note (null or false when absent); a month range carries
 * year/month/monthTo/position/deadline; a list carries `months`; a period carries `period`.
 * Shapes the seeds do not show (quarters, a bare year) carry only the fields they have.
 */
export interface DateParts {
  readonly year?: number | null;
  readonly month?: number;
  readonly monthTo?: number;
  /** A range into another year: `2023年10月至2024年6月`. */
  readonly yearTo?: number;
  /** `12月31日前`: the spec's representation has no day, but a day is printed often enough. */
  readonly day?: number;
  readonly months?: readonly number[];
  readonly quarters?: readonly number[];
  readonly position?: DatePosition | null;
  /** `…前` / `之前` / `截至…`: by then, not at then. */
  readonly deadline?: boolean;
  readonly period?: DatePeriod;
  /** Words after the date (`5月底前完成` → `完成`). */
  readonly note?: string | null;
}

export interface DateValue {
  readonly kind: 'date';
  readonly raw: string;
  readonly date: DateParts;
}

export interface FrequencyValue {
  readonly kind: 'frequency';
  readonly raw: string;
  readonly every: FrequencyUnit;
  /** The wording when it is not `每…` as normalised (`全年`, `按月`, `每季`). */
  readonly text?: string;
}

export interface QualitativeValue {
  readonly kind: 'qualitative';
  readonly raw: string;
  readonly text: string;
  readonly comparator: TextComparator | null;
  readonly direction: Direction | null;
  readonly baseline?: '上年';
  readonly benchmark?: '全国平均值';
}

export type IndicatorValue = NumericValue | DateValue | FrequencyValue | QualitativeValue;

// ---------------------------------------------------------------------------------------------
// Reading

/**
 * A copy of the text for matching only: full-width forms to ASCII (NFKC also turns ² and ㎡ into
 * 2 and m2), no spaces (`≤3200m ²`), and square/cubic metres written out so that a unit never
 * contains a digit.
 */
function normalise(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[\u2010-\u2015\u2212\u301C]/g, '-')
    .replace(/(?<=\d)[mM]\^?2(?![\d.])/g, '平方米')
    .replace(/(?<=\d)[mM]\^?3(?![\d.])/g, '立方米');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** An alternation that tries longer words first, so `不低于` is not read as a bare `低于`. */
function alternation(words: Iterable<string>): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
}

/** Space-separated word lists read better than one quoted word per line. */
function words(list: string): string[] {
  return list.split(' ');
}

/**
 * Direction words, matched at the start of the text: the seeds write the verb first, and a verb
 * later in a sentence usually belongs to a clause (`需求提出后1月内完成` is a condition).
 */
const DIRECTION_WORDS: Readonly<Record<Direction, string>> = {
  increase: '提高 提升 增加 增长 增强 加强 加快 扩大 拓展 促进 推进 推动 带动 改善 优化 完善 发挥 助力 上升',
  decrease: '降低 下降 减少 减轻 缩短 压缩 压减 节约 节省 排除 消除 杜绝 避免',
  maintain: '保障 确保 保证 保持 维持 维护 稳定 健全 正常',
  achieve:
    '及时 按时 准时 按期 如期 完成 实现 达到 达标 合格 合规 规范 满意 满足 符合 通过 落实 解决 足额 有效 预算内 目标期内',
};
const DIRECTION_OF_WORD: ReadonlyMap<string, Direction> = new Map(
  Object.entries(DIRECTION_WORDS).flatMap(([direction, list]) =>
    words(list).map((word) => [word, direction as Direction] as const),
  ),
);
const DIRECTION_ALTERNATION = alternation(DIRECTION_OF_WORD.keys());
/** Any direction word, anywhere: text after a number that contains one is a sentence, not a unit. */
const DIRECTION_WORD = new RegExp(DIRECTION_ALTERNATION);

const COMPARATOR_WORDS: ReadonlyMap<string, TextComparator> = new Map([
  ['>=', '>='],
  ['≥', '>='],
  ['≧', '>='],
  ['⩾', '>='],
  ['大于等于', '>='],
  ['大于或等于', '>='],
  ['不低于', '>='],
  ['不少于', '>='],
  ['不小于', '>='],
  ['至少', '>='],
  ['<=', '<='],
  ['≤', '<='],
  ['≦', '<='],
  ['⩽', '<='],
  ['小于等于', '<='],
  ['小于或等于', '<='],
  ['不超过', '<='],
  ['不高于', '<='],
  ['不多于', '<='],
  ['不大于', '<='],
  ['至多', '<='],
  ['最多', '<='],
  ['>', '>'],
  ['大于', '>'],
  ['高于', '>'],
  ['超过', '>'],
  ['多于', '>'],
  ['<', '<'],
  ['小于', '<'],
  ['低于', '<'],
  ['少于', '<'],
  ['=', '='],
  ['等于', '='],
]);
const COMPARATOR = alternation(COMPARATOR_WORDS.keys());

/** Suffixes that set the comparator when no sign precedes the number. */
const SUFFIX_COMPARATOR: Readonly<Record<string, TextComparator>> = {
  及以上: '>=',
  以上: '>=',
  及以下: '<=',
  以下: '<=',
  以内: '<=',
  之内: '<=',
  内: '<=',
};
const WITHIN_SUFFIXES: ReadonlySet<string> = new Set(['以内', '之内', '内']);
const SUFFIX = alternation(Object.keys(SUFFIX_COMPARATOR));

/** Thousands separators only in their places; the digits are then read as a decimal string. */
const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
/** A unit is whatever follows the number, up to a range separator or a comparator suffix. */
const UNIT_CHAR = String.raw`[^\d,.~<>=≥≤-]`;
const RANGE_SEPARATOR = '-|~|至|到';

const NUMERIC_PATTERN = new RegExp(
  `^(${COMPARATOR})?(${NUMBER})(${UNIT_CHAR}*?)(?:(?:${RANGE_SEPARATOR})(${NUMBER})(${UNIT_CHAR}*?))?(${SUFFIX})?$`,
);

const BASELINE_WORDS = '上年度|上一年|上年|去年';
const INCREASE_WORDS = words('提高 提升 增长 增加 上升');
const DECREASE_WORDS = words('降低 下降 减少 缩短 压缩 节约');
const CHANGE_PATTERN = new RegExp(
  `^(?:(?:较|比)(?:${BASELINE_WORDS})(?:同期)?)?(${alternation([...INCREASE_WORDS, ...DECREASE_WORDS])})了?(${NUMBER})(${UNIT_CHAR}*)$`,
);

const UNIT_SYNONYMS: Readonly<Record<string, string>> = {
  平米: '平方米',
  平方: '平方米',
  万: '万元',
  亿: '亿元',
  立方: '立方米',
};
const MONEY_UNITS: ReadonlySet<string> = new Set(['元', '万元', '亿元', '千元']);

function normaliseUnit(unit: string): string {
  return UNIT_SYNONYMS[unit] ?? unit;
}

/** The digits were matched by NUMBER, so `Number` reads exactly the decimal that was printed. */
function readNumber(digits: string): number {
  return Number(digits.replace(/,/g, ''));
}

/** Longest unit accepted; longer text after a number is a sentence, not a unit. */
const MAX_UNIT_LENGTH = 4;

/**
 * Splits `元/月/人` into unit and rate denominators. `、` stands for `/` only after money
 * (`72元、人`); elsewhere it lists alternative units (`台、套`), which stay one unit.
 */
function splitUnit(text: string): { unit: string | null; per: string[] } | null {
  if (text === '') return { unit: null, per: [] };
  let parts = text.split('/');
  const [head = ''] = parts;
  if (parts.length === 1 && head.includes('、')) {
    const listed = head.split('、');
    if (MONEY_UNITS.has(normaliseUnit(listed[0] ?? ''))) parts = listed;
  }
  const [unit = '', ...rest] = parts.map(normaliseUnit);
  const per = rest.flatMap((part) => part.split('·')).map(normaliseUnit);
  const names = [unit, ...per];
  if (names.some((name) => name === '' || name.length > MAX_UNIT_LENGTH)) return null;
  // `100%完成`, `10分满意`: words after the number make a sentence, not a unit.
  if (names.some((name) => (name.startsWith('%') && name !== '%') || DIRECTION_WORD.test(name))) return null;
  return { unit, per };
}

function numericValue(
  raw: string,
  comparator: Comparator,
  number: number,
  unitText: string,
  extra: Partial<Pick<NumericValue, 'numberMax' | 'baseline' | 'flags'>> = {},
): NumericValue | null {
  const unit = splitUnit(unitText);
  if (unit === null) return null;
  return {
    kind: 'numeric',
    raw,
    comparator,
    number,
    ...(extra.numberMax === undefined ? {} : { numberMax: extra.numberMax }),
    unit: unit.unit,
    ...(unit.per.length > 0 ? { per: unit.per } : {}),
    ...(extra.baseline === undefined ? {} : { baseline: extra.baseline }),
    ...(extra.flags === undefined ? {} : { flags: extra.flags }),
  };
}

function parseNumeric(raw: string, text: string): NumericValue | null {
  const change = CHANGE_PATTERN.exec(text);
  if (change) {
    const [whole, verb = '', digits = '', unitText = ''] = change;
    const comparator = INCREASE_WORDS.includes(verb) ? 'increase-by' : 'decrease-by';
    const hasBaseline = whole.startsWith('较') || whole.startsWith('比');
    return numericValue(
      raw,
      comparator,
      readNumber(digits),
      unitText,
      hasBaseline ? { baseline: '上年' } : {},
    );
  }
  const match = NUMERIC_PATTERN.exec(text);
  if (!match) return null;
  const [, sign, digits = '', unitText = '', maxDigits, maxUnitText = '', suffix] = match;
  if (maxDigits !== undefined) {
    // A range with a sign (`≥5-10`) or two different units (`5个-8台`) is not a range of one quantity.
    if (sign !== undefined) return null;
    if (unitText !== '' && maxUnitText !== '' && normaliseUnit(unitText) !== normaliseUnit(maxUnitText)) {
      return null;
    }
    return numericValue(raw, 'range', readNumber(digits), maxUnitText || unitText, {
      numberMax: readNumber(maxDigits),
    });
  }
  // A printed sign wins over a suffix (`≥90%以上`); a number with neither is `=` (`100%`).
  const comparator =
    (sign === undefined ? undefined : COMPARATOR_WORDS.get(sign)) ??
    (suffix === undefined ? undefined : SUFFIX_COMPARATOR[suffix]) ??
    '=';
  const readAsWithin = sign === undefined && suffix !== undefined && WITHIN_SUFFIXES.has(suffix);
  return numericValue(
    raw,
    comparator,
    readNumber(digits),
    unitText,
    readAsWithin ? { flags: ['written-as-within'] } : {},
  );
}

const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
  十一: 11,
  十二: 12,
};

function readSmallNumber(text: string): number {
  return CHINESE_DIGITS[text] ?? Number(text);
}

const YEAR = String.raw`(?:(\d{4})年度?)?`;
const MONTH_TOKEN = '1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]';
const MONTH = `(${MONTH_TOKEN})`;
const POSITION = '(底|初|末|中旬|上旬|下旬)?';
const DEADLINE = '(前|之前|以前)?';
const LIST_JOINER = '[、,和及与]';

const MONTH_LIST_PATTERN = new RegExp(
  `^${YEAR}((?:(?:${MONTH_TOKEN})月?${LIST_JOINER})+(?:${MONTH_TOKEN})月)$`,
);
const MONTH_RANGE_PATTERN = new RegExp(
  String.raw`^${YEAR}${MONTH}月?(?:${RANGE_SEPARATOR})(?:(\d{4})年)?${MONTH}月${POSITION}${DEADLINE}$`,
);
const SINGLE_MONTH_PATTERN = new RegExp(
  String.raw`^(截至|截止到|截止于|截止)?${YEAR}${MONTH}月份?(?:(\d{1,2})[日号]|${POSITION})${DEADLINE}(.*)$`,
);
/**
 * `1月内` is a duration (≤1个月), not January: left to the numeric reading. A span the range
 * pattern could not read (`10月至次年3月`) is no single month either.
 */
const NOT_AFTER_A_MONTH = new RegExp(`^(?:以内|之内|内|${RANGE_SEPARATOR})`);
const QUARTER_TOKEN = '第?[一二三四1-4]';
const QUARTER_PATTERN = new RegExp(
  `^${YEAR}((?:${QUARTER_TOKEN}(?:季度?)?${LIST_JOINER})*${QUARTER_TOKEN}季度)(末|底|初)?${DEADLINE}$`,
);
const YEAR_ONLY_PATTERN = new RegExp(String.raw`^(\d{4})年度?${DEADLINE}$`);

const PERIOD_OF_WORD: Readonly<Record<string, DatePeriod>> = {
  上半年: '上半年',
  下半年: '下半年',
  年内: '年内',
  内: '年内',
  年底: '年底',
  年末: '年底',
  底: '年底',
  末: '年底',
  当年: '当年',
  本年: '当年',
  本年度: '当年',
};
/** `2024年底` is the year followed by 底, so bare 底/末/内 count only after a year. */
const PERIOD_PATTERN = new RegExp(
  String.raw`^(?:(\d{4})(?:年度?)?)?(${alternation(Object.keys(PERIOD_OF_WORD))})${DEADLINE}(.*)$`,
);

function yearOf(digits: string | undefined): number | null {
  return digits === undefined ? null : Number(digits);
}

function positionOf(word: string | undefined): DatePosition | null {
  return (word as DatePosition | undefined) ?? null;
}

function parseDate(text: string): DateParts | null {
  const list = MONTH_LIST_PATTERN.exec(text);
  if (list) {
    const [, year, months = ''] = list;
    const tokens = months.match(new RegExp(MONTH_TOKEN, 'g')) ?? [];
    return { ...(year === undefined ? {} : { year: Number(year) }), months: tokens.map(readSmallNumber) };
  }
  const range = MONTH_RANGE_PATTERN.exec(text);
  if (range) {
    const [, year, from = '', yearTo, to = '', position, deadline] = range;
    return {
      year: yearOf(year),
      month: readSmallNumber(from),
      monthTo: readSmallNumber(to),
      ...(yearTo === undefined ? {} : { yearTo: Number(yearTo) }),
      position: positionOf(position),
      deadline: deadline !== undefined,
    };
  }
  const single = SINGLE_MONTH_PATTERN.exec(text);
  if (single && !NOT_AFTER_A_MONTH.test(single[7] ?? '')) {
    const [, asOf, year, month = '', day, position, deadline, note = ''] = single;
    return {
      year: yearOf(year),
      month: readSmallNumber(month),
      ...(day === undefined ? {} : { day: Number(day) }),
      position: positionOf(position),
      deadline: deadline !== undefined || asOf !== undefined,
      note: note === '' ? null : note,
    };
  }
  const quarter = QUARTER_PATTERN.exec(text);
  if (quarter) {
    const [, year, quarters = '', position, deadline] = quarter;
    return {
      ...(year === undefined ? {} : { year: Number(year) }),
      quarters: (quarters.match(/[一二三四1-4]/g) ?? []).map(readSmallNumber),
      ...(position === undefined ? {} : { position: positionOf(position) }),
      ...(deadline === undefined ? {} : { deadline: true }),
    };
  }
  const period = PERIOD_PATTERN.exec(text);
  const periodWord = period?.[2] ?? '';
  const value = PERIOD_OF_WORD[periodWord];
  if (period && value !== undefined && (period[1] !== undefined || periodWord.length > 1)) {
    const [, year, , deadline, note = ''] = period;
    return {
      ...(year === undefined ? {} : { year: Number(year) }),
      period: value,
      ...(deadline === undefined ? {} : { deadline: true }),
      ...(note === '' ? {} : { note }),
    };
  }
  const yearOnly = YEAR_ONLY_PATTERN.exec(text);
  if (yearOnly) {
    const [, year = '', deadline] = yearOnly;
    return { year: Number(year), ...(deadline === undefined ? {} : { deadline: true }) };
  }
  return null;
}

const FREQUENCY_UNITS: Readonly<Record<string, FrequencyUnit>> = {
  天: '天',
  日: '天',
  周: '周',
  星期: '周',
  月: '月',
  月度: '月',
  季: '季度',
  季度: '季度',
  半年: '半年',
  年: '年',
  年度: '年',
};
const FREQUENCY_PATTERN = new RegExp(
  `^(?:每|按)(${alternation(Object.keys(FREQUENCY_UNITS))})(?:一次|1次)?$`,
);
/** `全年` is read as a frequency in the seeds (an activity that runs all year). */
const ALL_YEAR_PATTERN = /^(?:全年|常年)$/;

function parseFrequency(raw: string, text: string): FrequencyValue | null {
  let every: FrequencyUnit | undefined;
  if (ALL_YEAR_PATTERN.test(text)) every = '年';
  const match = FREQUENCY_PATTERN.exec(text);
  if (match) every = FREQUENCY_UNITS[match[1] ?? ''];
  if (every === undefined) return null;
  const printed = raw.trim();
  return { kind: 'frequency', raw, every, ...(printed === `每${every}` ? {} : { text: printed }) };
}

const DIRECTION_AT_START = new RegExp(`^(?:${DIRECTION_ALTERNATION})`);
/** Degree words before the verb: `有所提高`, `逐年提升`, `有效降低`, `按需求及时采购`, `非常满意`. */
const MODIFIERS = new RegExp(
  `^(?:${alternation(
    words(
      '有所 显著 明显 大幅 持续 逐年 逐步 稳步 进一步 不断 全面 切实 有效 按需求 按需 按要求 按规定 非常 比较 较为 基本 总体',
    ),
  )})+`,
);
const BASELINE_PATTERN = new RegExp(`^(?:较|比)?(?:${BASELINE_WORDS})(?:同期|水平)?`);
const BENCHMARK_PATTERN = /^全国(?:平均值|平均水平|平均)/;
const QUALITATIVE_COMPARATOR = new RegExp(`^(${COMPARATOR})(?!\\d)`);

function directionOf(text: string): Direction | null {
  const word = DIRECTION_AT_START.exec(text.replace(MODIFIERS, '')) ?? DIRECTION_AT_START.exec(text);
  return word ? (DIRECTION_OF_WORD.get(word[0]) ?? null) : null;
}

/** Without a verb, `不低于上年` holds the line and `高于上年` raises it. */
const DIRECTION_OF_COMPARATOR: Readonly<Record<TextComparator, Direction>> = {
  '>=': 'maintain',
  '<=': 'maintain',
  '=': 'maintain',
  '>': 'increase',
  '<': 'decrease',
};

function parseQualitative(raw: string, text: string): QualitativeValue {
  let rest = text;
  // Only a comparator before words counts: `≥5-10个` is a number gone wrong, not a sentence.
  const sign = QUALITATIVE_COMPARATOR.exec(rest);
  const comparator = sign ? (COMPARATOR_WORDS.get(sign[1] ?? '') ?? null) : null;
  rest = rest.slice(sign?.[0].length ?? 0);
  const baseline = BASELINE_PATTERN.exec(rest);
  rest = rest.slice(baseline?.[0].length ?? 0);
  const benchmark = BENCHMARK_PATTERN.exec(rest);
  rest = rest.slice(benchmark?.[0].length ?? 0);
  const direction = directionOf(rest) ?? (comparator === null ? null : DIRECTION_OF_COMPARATOR[comparator]);
  return {
    kind: 'qualitative',
    raw,
    text: raw.trim(),
    comparator,
    direction,
    ...(baseline ? { baseline: '上年' as const } : {}),
    ...(benchmark ? { benchmark: '全国平均值' as const } : {}),
  };
}

/**
 * Reads a printed 指标值. Never fails: what is not a number, a date or a frequency is a
 * qualitative text (an empty one when the cell is blank).
 */
export function parseIndicatorValue(raw: string): IndicatorValue {
  const text = normalise(raw);
  const frequency = parseFrequency(raw, text);
  if (frequency) return frequency;
  const date = parseDate(text);
  if (date) return { kind: 'date', raw, date };
  return parseNumeric(raw, text) ?? parseQualitative(raw, text);
}

// ---------------------------------------------------------------------------------------------
// Printing

function printedUnit(value: NumericValue): string {
  return [value.unit ?? '', ...(value.per ?? [])].join('/');
}

const PRINTED_COMPARATOR: Readonly<Record<TextComparator, string>> = {
  '>=': '≥',
  '<=': '≤',
  '>': '>',
  '<': '<',
  '=': '',
};

/**
 * What the sheet prints. Numbers are printed from the structure as `{comparator}{number}{unit}`
 * with no space and no `=` (`≥5000人次`, `100%`, `1000元/月/人`), so an edited number never
 * disagrees with its text. Dates, frequencies and texts print as written.
 */
export function formatIndicatorValue(value: IndicatorValue): string {
  if (value.kind !== 'numeric') return value.raw;
  const unit = printedUnit(value);
  const number = String(value.number);
  switch (value.comparator) {
    case 'range':
      return `${number}-${String(value.numberMax ?? value.number)}${unit}`;
    case 'increase-by':
    case 'decrease-by': {
      const baseline = value.baseline === undefined ? '' : '较上年';
      const verb = value.comparator === 'increase-by' ? '提高' : '降低';
      return `${baseline}${verb}${number}${unit}`;
    }
    default:
      return `${PRINTED_COMPARATOR[value.comparator]}${number}${unit}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Validation hints (§5.2)

/** 满意度 below this is a goal nobody would set; the seeds use 85–95 %. */
const MIN_SATISFACTION_PERCENT = 80;
/** A percentage this large is a count typed into a % field, not a high target. */
const COUNT_AS_PERCENT = 1000;
const TIME_UNITS: ReadonlySet<string> = new Set(
  words('年 个月 月 周 天 日 个工作日 工作日 小时 分钟 秒 季度'),
);
const COUNT_UNITS: ReadonlySet<string> = new Set(words('次 人次 场 笔 期 批 轮 回 件'));
const PERSON_UNITS: ReadonlySet<string> = new Set(words('人 人次 万人 万人次 名'));
/** Timeliness written as words: `及时`, `目标期内完成`, `需求提出后1月内完成`. */
const TIMING_WORDS = /及时|按时|准时|按期|如期|限时|期内|[年月周天日]内|前完成/;

function satisfactionProblems(value: IndicatorValue): string[] {
  const expected = `满意度指标值应为百分比（如≥90%）或“满意”，“${value.raw}”不是`;
  if (value.kind === 'qualitative') return value.text.includes('满意') ? [] : [expected];
  if (value.kind !== 'numeric' || value.unit !== '%') return [expected];
  if (value.comparator === '<=' || value.comparator === '<') {
    return [`满意度应设下限（如≥90%），“${value.raw}”是上限`];
  }
  return value.number < MIN_SATISFACTION_PERCENT
    ? [`满意度目标“${value.raw}”低于${MIN_SATISFACTION_PERCENT}%`]
    : [];
}

function percentProblems(value: NumericValue): string[] {
  if (value.unit !== '%' || value.comparator === 'increase-by') return [];
  const largest = Math.max(value.number, value.numberMax ?? value.number);
  if (largest >= COUNT_AS_PERCENT) return [`“${value.raw}”是四位数以上的百分比，疑为数量误填为百分比`];
  return largest > 100 ? [`百分比“${value.raw}”超过100%，请核对`] : [];
}

function timelinessProblems(value: IndicatorValue): string[] {
  const fits =
    value.kind === 'date' ||
    value.kind === 'frequency' ||
    (value.kind === 'numeric' && (value.unit === '%' || TIME_UNITS.has(value.unit ?? ''))) ||
    (value.kind === 'qualitative' && TIMING_WORDS.test(value.text));
  return fits ? [] : [`时效指标值应为完成时间、期限或频次（如“12月底前”“≤1年”“每季度”），“${value.raw}”不是`];
}

/**
 * A floor on a cost total is nearly always meant as a ceiling (§5.1: `≥9万元` where the project
 * sheet says `9万元`); a floor on a rate (`≥2500元/人`) is a guaranteed standard and stays.
 */
function costProblems(value: NumericValue): string[] {
  if (value.unit === null || value.unit === '%') return [];
  if (!MONEY_UNITS.has(value.unit)) {
    return [`成本指标的单位应为元或万元，“${value.raw}”的单位是“${printedUnit(value)}”`];
  }
  const isRate = value.per !== undefined;
  return !isRate && (value.comparator === '>=' || value.comparator === '>')
    ? [`成本指标一般是上限（≤），“${value.raw}”是下限，请确认`]
    : [];
}

/** The name without a unit label: `用户满意度（%）` ends in 满意度. */
function nameStem(name: string): string {
  return name.trim().replace(/[（(]%[)）]$/, '');
}

/** Names cut by the generators keep their ending often enough to judge the unit by it. */
function nameUnitProblems(name: string, value: NumericValue): string[] {
  if (value.unit === null) return [];
  const stem = nameStem(name);
  const unit = printedUnit(value);
  if (stem.endsWith('率') && value.unit !== '%') {
    return [`“${name}”是比率，指标值应为百分比，“${value.raw}”不是`];
  }
  if (stem.endsWith('次数') && !COUNT_UNITS.has(value.unit)) {
    return [`“${name}”是次数，单位“${unit}”不符`];
  }
  if (stem.endsWith('人数') && !PERSON_UNITS.has(value.unit)) {
    return [`“${name}”是人数，单位“${unit}”不符`];
  }
  return [];
}

/**
 * Hints, in Chinese, for one indicator: things a reviewer would query, not errors that stop an
 * export. A `…满意度` name is held to the 满意度 rule in any group, because the seeds file such
 * names under the wrong group (§4.2).
 */
export function indicatorValueProblems(
  groupKey: IndicatorGroupKey,
  name: string,
  value: IndicatorValue | null,
): string[] {
  if (value === null || value.raw.trim() === '') return ['指标值为空'];
  const problems: string[] = [];
  if (groupKey === 'satisfaction' || /满意[度率]$/.test(nameStem(name))) {
    problems.push(...satisfactionProblems(value));
  }
  if (groupKey === 'timeliness') problems.push(...timelinessProblems(value));
  if (value.kind === 'numeric') {
    if (value.unit === null) problems.push(`指标值“${value.raw}”缺少计量单位`);
    problems.push(...percentProblems(value));
    if (groupKey === 'cost') problems.push(...costProblems(value));
    problems.push(...nameUnitProblems(name, value));
  }
  return problems;
}
