import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Finding } from '../../../shared/checks/engine';
import { SEVERITIES } from '../../../shared/checks/types';
import { importReferenceJson } from '../../services/workbook/import-reference-json';
import { Workbook } from '../../services/workbook/workbook';
import { type Output, UsageError, parseCommandArgs, singlePositional } from '../args';

/** Opens a workbook, or imports a tables file into a throw-away one, for the duration of `use`. */
function withWorkbook<T>(source: string, use: (workbook: Workbook) => T): T {
  if (source.toLowerCase().endsWith('.json')) {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ysgk-check-'));
    const workbook = importReferenceJson(source, path.join(scratch, 'check.ysgk'));
    try {
      return use(workbook);
    } finally {
      workbook.close();
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  }
  const workbook = Workbook.open(source);
  try {
    return use(workbook);
  } finally {
    workbook.close();
  }
}

function summary(findings: readonly Finding[]): string {
  return SEVERITIES.map(
    (severity) => `${severity} ${findings.filter((finding) => finding.severity === severity).length} 项`,
  ).join('，');
}

/** `disclosure check`: prints the 审核 findings; exit code 1 when any is 错误. */
export function runCheck(args: readonly string[], output: Output): number {
  const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } });
  const source = singlePositional(positionals, '工作簿或表格文件');
  if (!/\.(ysgk|json)$/i.test(source))
    throw new UsageError(`不支持的文件类型：“${source}”（可审核 .ysgk 工作簿或 .json 表格）`);
  const findings = withWorkbook(source, (workbook) => workbook.findings());
  if (values.json === true) {
    output.out(JSON.stringify(findings, null, 2));
  } else {
    output.out(`审核 ${path.basename(source)}：${summary(findings)}`);
    for (const severity of SEVERITIES) {
      for (const finding of findings.filter((candidate) => candidate.severity === severity)) {
        output.out(`[${finding.severity}] ${finding.ruleId} ${finding.message}`);
      }
    }
  }
  return findings.some((finding) => finding.severity === '错误') ? 1 : 0;
}
