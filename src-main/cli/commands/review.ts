import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { diffLines } from '../../../shared/review/diff';
import { formatReviewTime, shortHash } from '../../../shared/review/format';
import {
  type CommentTarget,
  REVIEW_STATES,
  type ReviewComment,
  type ReviewState,
  STAMP_OPINIONS,
  type Stamp,
  type StampOpinion,
} from '../../../shared/review/model';
import { exportDiffXlsx } from '../../services/review/diff-export';
import type { VersionRef } from '../../services/review/review';
import { Workbook } from '../../services/workbook/workbook';
import { type Output, UsageError, parseCommandArgs } from '../args';

type Options = Parameters<typeof parseCommandArgs>[1];

/** `disclosure review <action> <工作簿.ysgk> …`: 内部审核 from the command line. */
export async function runReview(args: readonly string[], output: Output): Promise<number> {
  const [action, ...rest] = args;
  const handler = action === undefined ? undefined : ACTIONS[action];
  if (handler === undefined) {
    throw new UsageError(
      action === undefined
        ? '缺少 review 的操作'
        : `未知的 review 操作“${action}”（可用：${Object.keys(ACTIONS).join('、')}）`,
    );
  }
  return handler(rest, output);
}

/** Parses the arguments, opens the workbook named first, runs `use` and closes it. */
async function withWorkbook<T extends Options>(
  args: readonly string[],
  options: T,
  use: (
    workbook: Workbook,
    values: ReturnType<typeof parseCommandArgs<T>>['values'],
    extra: string[],
  ) => number | Promise<number>,
): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, options);
  const [file, ...extra] = positionals;
  if (file === undefined) throw new UsageError('缺少工作簿文件路径');
  const workbook = Workbook.open(file);
  try {
    return await use(workbook, values, extra);
  } finally {
    workbook.close();
  }
}

function text(value: unknown, usage: string): string {
  if (typeof value !== 'string') throw new UsageError(`缺少 ${usage}`);
  return value;
}

function noExtra(extra: readonly string[]): void {
  if (extra.length > 0) throw new UsageError(`多余的参数：${extra.join(' ')}`);
}

function stampLine(stamp: Stamp, index: number): string {
  const opinion = stamp.opinionText === '' ? stamp.opinion : `${stamp.opinion}：${stamp.opinionText}`;
  const status = stamp.statusReason === '' ? stamp.status : `${stamp.status}（${stamp.statusReason}）`;
  return (
    `  ${index + 1}. ${stamp.reviewer}（${stamp.role}）${formatReviewTime(stamp.stampedAt)} 第${stamp.versionId}版 ` +
    `${opinion}${stamp.seal === null ? '' : ' [印章图片]'} —— ${status}`
  );
}

function commentLine(comment: ReviewComment): string {
  const state =
    comment.resolvedAt === null
      ? '未处理'
      : `已处理（${comment.resolvedBy ?? ''} ${formatReviewTime(comment.resolvedAt)}）`;
  return `  #${comment.id} [${state}] ${comment.place}：${comment.text} —— ${comment.author} ${formatReviewTime(comment.createdAt)}`;
}

const JSON_OPTION = { json: { type: 'boolean' } } as const;

function status(args: readonly string[], output: Output): Promise<number> {
  return withWorkbook(args, JSON_OPTION, (workbook, values, extra) => {
    noExtra(extra);
    const status = workbook.review.status();
    if (values.json === true) {
      output.out(
        JSON.stringify(
          status,
          (key, value: unknown) => (key === 'seal' && value !== null ? '[PNG]' : value),
          2,
        ),
      );
      return 0;
    }
    const version = status.latestVersion;
    output.out(
      `${path.basename(workbook.path)}：${status.state}` +
        (version === null
          ? '（尚未提交审核）'
          : `（最新为第 ${version.id} 版，${formatReviewTime(version.createdAt)} ${version.createdBy}提交）`),
    );
    output.out(
      `当前内容校验值 ${shortHash(status.currentSha256)}` +
        (version === null
          ? ''
          : status.changedSinceLatestVersion
            ? `，与第 ${version.id} 版不同`
            : `，与第 ${version.id} 版一致`),
    );
    output.out(status.stamps.length === 0 ? '尚无印章' : `印章 ${status.stamps.length} 枚：`);
    status.stamps.forEach((stamp, index) => output.out(stampLine(stamp, index)));
    output.out(`未处理的批注 ${status.unresolvedComments} 条`);
    for (const change of status.history) {
      output.out(
        `  ${formatReviewTime(change.at)} ${change.by}：${change.from} → ${change.to}${change.reason === '' ? '' : `（${change.reason}）`}`,
      );
    }
    return 0;
  });
}

function submit(args: readonly string[], output: Output): Promise<number> {
  return withWorkbook(
    args,
    { by: { type: 'string' }, note: { type: 'string' } },
    (workbook, values, extra) => {
      noExtra(extra);
      const version = workbook.review.submit({
        by: text(values.by, '--by <提交人>'),
        ...(values.note === undefined ? {} : { note: values.note }),
      });
      output.out(
        `已提交审核：第 ${version.id} 版，内容校验值 ${shortHash(version.contentSha256)}，${Math.ceil(version.bytes / 1024)} KB`,
      );
      return 0;
    },
  );
}

function stamp(args: readonly string[], output: Output): Promise<number> {
  const options = {
    name: { type: 'string' },
    role: { type: 'string' },
    opinion: { type: 'string' },
    text: { type: 'string' },
    seal: { type: 'string' },
  } as const;
  return withWorkbook(args, options, (workbook, values, extra) => {
    noExtra(extra);
    const opinion = text(values.opinion, '--opinion 通过|退回修改');
    if (!STAMP_OPINIONS.includes(opinion as StampOpinion))
      throw new UsageError('--opinion 应为“通过”或“退回修改”');
    const seal = values.seal === undefined ? undefined : readSeal(values.seal);
    const stamped = workbook.review.stamp({
      reviewer: text(values.name, '--name <审核人>'),
      role: text(values.role, '--role <职务>'),
      opinion: opinion as StampOpinion,
      opinionText: values.text ?? '',
      ...(seal === undefined ? {} : { seal }),
    });
    output.out(`已盖章：${stampLine(stamped, stamped.id - 1).trim()}`);
    return 0;
  });
}

function readSeal(file: string): Uint8Array {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw new AppError('FILE_NOT_FOUND', `无法读取印章图片“${file}”：${(error as Error).message}`, { file });
  }
}

function approve(args: readonly string[], output: Output): Promise<number> {
  return withWorkbook(
    args,
    { by: { type: 'string' }, note: { type: 'string' } },
    (workbook, values, extra) => {
      noExtra(extra);
      workbook.review.approve({
        by: text(values.by, '--by <定稿人>'),
        ...(values.note === undefined ? {} : { note: values.note }),
      });
      output.out(`已定稿：${path.basename(workbook.path)}`);
      return 0;
    },
  );
}

function reopen(args: readonly string[], output: Output): Promise<number> {
  const options = { by: { type: 'string' }, reason: { type: 'string' }, to: { type: 'string' } } as const;
  return withWorkbook(args, options, (workbook, values, extra) => {
    noExtra(extra);
    const to = values.to ?? '编制中';
    if (!REVIEW_STATES.includes(to as ReviewState)) throw new UsageError('--to 应为“编制中”或“内部审核”');
    const from = workbook.review.state();
    workbook.review.reopen({
      by: text(values.by, '--by <退回人>'),
      reason: text(values.reason, '--reason <理由>'),
      to: to as ReviewState,
    });
    output.out(`已退回：${from} → ${to}`);
    return 0;
  });
}

/** t2:2080109:gpb — the row key may itself hold colons (unit:3, project:12). */
function commentTarget(values: {
  cell?: string | undefined;
  row?: string | undefined;
  'goal-sheet'?: string | undefined;
  section?: string | undefined;
}): CommentTarget {
  const given = [values.cell, values.row, values['goal-sheet'], values.section].filter(
    (value) => value !== undefined,
  );
  if (given.length !== 1) {
    throw new UsageError(
      '批注需要且只需要一个位置：--cell 表:行:列、--row 表:行、--goal-sheet 项目编号|整体 或 --section 一',
    );
  }
  const table = (key: string) => (/^\d+$/.test(key) ? `t${key}` : key);
  if (values.cell !== undefined) {
    const parts = values.cell.split(':');
    if (parts.length < 3) throw new UsageError('--cell 应写作 表:行:列，如 t2:2080109:gpb');
    return {
      kind: 'cell',
      table: table(parts[0] ?? ''),
      row: parts.slice(1, -1).join(':'),
      column: parts.at(-1) ?? '',
    };
  }
  if (values.row !== undefined) {
    const [key = '', ...row] = values.row.split(':');
    if (row.length === 0) throw new UsageError('--row 应写作 表:行，如 t12:project:3');
    return { kind: 'row', table: table(key), row: row.join(':') };
  }
  if (values['goal-sheet'] !== undefined) {
    const sheet = values['goal-sheet'];
    if (sheet === '整体') return { kind: 'goalSheet', projectId: null };
    if (!/^\d+$/.test(sheet)) throw new UsageError('--goal-sheet 应为项目编号或“整体”');
    return { kind: 'goalSheet', projectId: Number(sheet) };
  }
  return { kind: 'section', sectionNo: values.section ?? '' };
}

function comment(args: readonly string[], output: Output): Promise<number> {
  const options = {
    by: { type: 'string' },
    text: { type: 'string' },
    cell: { type: 'string' },
    row: { type: 'string' },
    'goal-sheet': { type: 'string' },
    section: { type: 'string' },
    list: { type: 'boolean' },
    unresolved: { type: 'boolean' },
    resolve: { type: 'string' },
    reopen: { type: 'string' },
    json: { type: 'boolean' },
  } as const;
  return withWorkbook(args, options, (workbook, values, extra) => {
    noExtra(extra);
    const commentId = (value: string) => {
      if (!/^\d+$/.test(value)) throw new UsageError(`批注编号应为数字，而不是“${value}”`);
      return Number(value);
    };
    if (values.list === true) {
      const comments = workbook.review.comments({ unresolvedOnly: values.unresolved === true });
      if (values.json === true) output.out(JSON.stringify(comments, null, 2));
      else {
        output.out(comments.length === 0 ? '没有批注' : `批注 ${comments.length} 条：`);
        comments.forEach((entry) => output.out(commentLine(entry)));
      }
      return 0;
    }
    if (values.resolve !== undefined) {
      const resolved = workbook.review.resolveComment(
        commentId(values.resolve),
        text(values.by, '--by <处理人>'),
      );
      output.out(`已处理：${commentLine(resolved).trim()}`);
      return 0;
    }
    if (values.reopen !== undefined) {
      output.out(
        `已重新打开：${commentLine(workbook.review.reopenComment(commentId(values.reopen))).trim()}`,
      );
      return 0;
    }
    const added = workbook.review.addComment({
      target: commentTarget(values),
      author: text(values.by, '--by <批注人>'),
      text: text(values.text, '--text <批注内容>'),
    });
    output.out(`已添加批注：${commentLine(added).trim()}`);
    return 0;
  });
}

function versions(args: readonly string[], output: Output): Promise<number> {
  return withWorkbook(args, JSON_OPTION, (workbook, values, extra) => {
    noExtra(extra);
    const list = workbook.review.versions();
    if (values.json === true) {
      output.out(JSON.stringify(list, null, 2));
      return 0;
    }
    output.out(list.length === 0 ? '尚无版本（提交审核时生成）' : `版本 ${list.length} 个：`);
    for (const version of list) {
      output.out(
        `  第 ${version.id} 版 ${formatReviewTime(version.createdAt)} ${version.createdBy}` +
          `${version.note === '' ? '' : `（${version.note}）`} 校验值 ${shortHash(version.contentSha256)} ` +
          `${Math.ceil(version.bytes / 1024)} KB，印章 ${version.stampCount} 枚`,
      );
    }
    return 0;
  });
}

function versionRef(text: string): VersionRef {
  if (text === 'current' || text === '当前') return 'current';
  if (!/^\d+$/.test(text)) throw new UsageError(`版本应为版本号或 current，而不是“${text}”`);
  return Number(text);
}

function diff(args: readonly string[], output: Output): Promise<number> {
  const options = { output: { type: 'string', short: 'o' }, json: { type: 'boolean' } } as const;
  return withWorkbook(args, options, async (workbook, values, extra) => {
    const [from, to = 'current', ...more] = extra;
    if (from === undefined)
      throw new UsageError('缺少要比较的版本：review diff <工作簿> <版本> [<版本>|current]');
    noExtra(more);
    const difference = workbook.review.diff(versionRef(from), versionRef(to));
    if (values.output !== undefined) {
      if (path.extname(values.output).toLowerCase() !== '.xlsx') {
        throw new UsageError(`输出文件应以 .xlsx 结尾：“${values.output}”`);
      }
      fs.writeFileSync(values.output, await exportDiffXlsx(difference));
    }
    const lines = diffLines(difference);
    if (values.json === true) output.out(JSON.stringify(difference, null, 2));
    else {
      output.out(`${difference.fromLabel} → ${difference.toLabel}：${lines.length} 处不同`);
      for (const line of lines) {
        const item = line.item === '' ? '' : `·${line.item}`;
        output.out(
          `  [${line.category}] ${line.place}${item}：${line.before || '（空）'} → ${line.after || '（空）'}`,
        );
      }
      if (values.output !== undefined) output.out(`已导出差异 ${values.output}`);
    }
    return 0;
  });
}

const ACTIONS: Readonly<Record<string, (args: readonly string[], output: Output) => Promise<number>>> = {
  status,
  submit,
  stamp,
  approve,
  reopen,
  comment,
  versions,
  diff,
};
