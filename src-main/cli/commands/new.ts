import { UNIT_TYPES, type UnitType } from '../../../shared/workbook/content';
import { Workbook } from '../../services/workbook/workbook';
import { type Output, UsageError, parseCommandArgs, singlePositional } from '../args';

export function runNew(args: readonly string[], output: Output): number {
  const { values, positionals } = parseCommandArgs(args, {
    unit: { type: 'string' },
    year: { type: 'string' },
    scope: { type: 'string' },
    'unit-type': { type: 'string' },
  });
  const file = singlePositional(positionals, '工作簿文件路径');
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
