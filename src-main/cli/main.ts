import fs from 'node:fs';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { AppError } from '../../shared/errors';
import { nameLine, tablesToReferenceJson } from '../../shared/tables/reference-json';
import { TABLE_KEYS, type TableKey } from '../../shared/tables/types';
import { UNIT_TYPES, type UnitType } from '../../shared/workbook/content';
import { importReferenceJson } from '../services/workbook/import-reference-json';
import { Workbook } from '../services/workbook/workbook';
import { renderTableText } from './render-table-text';

const USAGE = `用法：
  disclosure new <工作簿.ysgk> --unit <单位名称> --year <年度> --scope 单位|部门 [--unit-type 行政|参公|事业]
  disclosure import <表格.json> -o <工作簿.ysgk> [--force]
  disclosure show <工作簿.ysgk> [--table <1-13>] [--json]`;

class UsageError extends Error {}

type Output = { out: (text: string) => void; err: (text: string) => void };
const consoleOutput: Output = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/** Runs one command; returns the process exit code (0 done, 2 bad input or usage). */
export async function main(argv: readonly string[], output: Output = consoleOutput): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'new':
        return runNew(rest, output);
      case 'import':
        return runImport(rest, output);
      case 'show':
        return runShow(rest, output);
      case undefined:
      case 'help':
      case '--help':
        output.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`未知命令“${command}”`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      output.err(`${error.message}\n${USAGE}`);
      return 2;
    }
    if (error instanceof AppError) {
      output.err(`错误：${error.message}`);
      return 2;
    }
    throw error;
  }
}

function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function single(positionals: readonly string[], what: string): string {
  const [value, ...extra] = positionals;
  if (value === undefined || extra.length > 0) throw new UsageError(`需要且只需要一个${what}`);
  return value;
}

function runNew(args: readonly string[], output: Output): number {
  const { values, positionals } = parse(args, {
    unit: { type: 'string' },
    year: { type: 'string' },
    scope: { type: 'string' },
    'unit-type': { type: 'string' },
  });
  const file = single(positionals, '工作簿文件路径');
  const name = typeof values.unit === 'string' ? values.unit : '';
  const year = Number(values.year);
  const scope = values.scope;
  if (name.trim() === '') throw new UsageError('缺少 --unit <单位名称>');
  if (!/^\d{4}$/.test(String(values.year))) throw new UsageError('--year 应为四位年份，如 2025');
  if (scope !== '单位' && scope !== '部门') throw new UsageError('--scope 应为“单位”或“部门”');
  const unitTypeText = values['unit-type'];
  if (unitTypeText !== undefined && !UNIT_TYPES.includes(unitTypeText as UnitType)) {
    throw new UsageError('--unit-type 应为 行政、参公 或 事业');
  }
  const unitType = (unitTypeText ?? null) as UnitType | null;
  const workbook = Workbook.create(file, {
    name: name.trim(),
    code: null,
    year,
    scope,
    unitType,
    supervisingDepartment: null,
  });
  workbook.close();
  output.out(`已创建工作簿 ${file}（${name.trim()}，${year} 年，${scope}预算公开）`);
  return 0;
}

function runImport(args: readonly string[], output: Output): number {
  const { values, positionals } = parse(args, {
    output: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
  });
  const source = single(positionals, '待导入的文件');
  const target = values.output;
  if (typeof target !== 'string') throw new UsageError('缺少 -o <工作簿.ysgk>');
  if (!source.toLowerCase().endsWith('.json')) {
    throw new UsageError(`暂只支持导入参考格式的 .json 表格文件：“${source}”`);
  }
  if (fs.existsSync(target)) {
    if (values.force !== true)
      throw new AppError('FILE_EXISTS', `工作簿“${target}”已存在；如要覆盖，请加 --force。`, {
        file: target,
      });
    fs.rmSync(target);
  }
  const workbook = importReferenceJson(source, target);
  const content = workbook.content();
  const overrides = content.cells.filter((cell) => cell.origin === 'override').length;
  workbook.close();
  output.out(
    `已导入 ${source} → ${target}：${content.units.length} 个单位，${content.projects.length} 个项目，` +
      `${content.cells.length} 个金额单元格（其中 ${overrides} 个保留了与合计公式不一致的公开数）`,
  );
  return 0;
}

function runShow(args: readonly string[], output: Output): number {
  const { values, positionals } = parse(args, { table: { type: 'string' }, json: { type: 'boolean' } });
  const file = single(positionals, '工作簿文件路径');
  let tables: readonly TableKey[] = TABLE_KEYS;
  if (values.table !== undefined) {
    const key = `t${String(values.table)}`;
    if (!(TABLE_KEYS as readonly string[]).includes(key)) throw new UsageError('--table 应为 1 到 13');
    tables = [key as TableKey];
  }
  const workbook = Workbook.open(file);
  try {
    const content = workbook.content();
    const evaluated = workbook.evaluate();
    if (values.json === true) {
      const json = tablesToReferenceJson(content, evaluated) as { tables: Record<string, unknown> };
      if (values.table !== undefined)
        json.tables = Object.fromEntries(tables.map((key) => [key, json.tables[key]]));
      output.out(JSON.stringify(json, null, 2));
      return 0;
    }
    const line = nameLine(content.profile.scope, content.profile.name);
    output.out(tables.map((key) => renderTableText(evaluated[key], line, content.profile.year)).join('\n\n'));
    return 0;
  } finally {
    workbook.close();
  }
}
