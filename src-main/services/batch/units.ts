import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';

/** Where a unit's disclosure comes from. */
export type UnitSource =
  | { readonly kind: 'workbook'; readonly file: string }
  | { readonly kind: 'templates'; readonly tablesFile: string; readonly goalsFile: string | null }
  /** A file that cannot make a unit, e.g. goal sheets without their tables: reported, not processed. */
  | { readonly kind: 'unusable'; readonly file: string; readonly problem: string };

export interface BatchUnit {
  /** Unique within the batch: the base name of what an export writes (`<name>.pdf`, `<name>.ysgk`). */
  readonly name: string;
  /** The unit's files, by name, as the summary lists them. */
  readonly fileLabel: string;
  readonly source: UnitSource;
}

export interface FolderUnits {
  readonly units: readonly BatchUnit[];
  /** Files of other kinds in the folder, left alone. */
  readonly otherFiles: readonly string[];
}

/** The summary `batch export` writes into its output folder; never taken for a unit's tables. */
export const EXPORT_SUMMARY_NAME = '批量导出汇总.xlsx';

const TABLES_SUFFIX = /-tables\.xlsx$/iu;
const GOALS_SUFFIX = /-goals\.xlsx$/iu;
const byName = new Intl.Collator('zh-Hans-CN', { numeric: true }).compare;

/** `X-tables.xlsx` and `X.xlsx` are the tables of X; `X-goals.xlsx` are its goal sheets. */
function templateStem(fileName: string): string {
  return fileName.replace(TABLES_SUFFIX, '').replace(/\.xlsx$/iu, '');
}

/** Excel's and WPS's lock files (`~$X.xlsx`) and hidden or scratch files (`.X.partial`). */
function isTransient(fileName: string): boolean {
  return fileName.startsWith('~$') || fileName.startsWith('.');
}

/**
 * The units in a folder (not its subfolders), in name order: each workbook (`.ysgk`) is a
 * unit, and so is each tables workbook (`.xlsx`) with its goal sheets beside it, paired by
 * name as `disclosure export-xlsx` writes them: `X-tables.xlsx` + `X-goals.xlsx`. A goals
 * file without its tables is a unit that fails with that message, so nothing is silently
 * dropped. `skip` names files the batch itself writes into the folder.
 */
export function unitsInFolder(folder: string, skip: readonly string[] = []): FolderUnits {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch {
    throw new AppError('FILE_NOT_FOUND', `文件夹“${folder}”不存在或无法读取`, { file: folder });
  }
  const skipped = new Set(skip.map((file) => path.resolve(file)));
  const names = entries
    .filter((entry) => entry.isFile() && !isTransient(entry.name) && entry.name !== EXPORT_SUMMARY_NAME)
    .map((entry) => entry.name)
    .filter((name) => !skipped.has(path.resolve(folder, name)));
  const goalsByStem = new Map(
    names.filter((name) => GOALS_SUFFIX.test(name)).map((name) => [name.replace(GOALS_SUFFIX, ''), name]),
  );
  const paired = new Set<string>();
  const sources: BatchUnit[] = [];
  const otherFiles: string[] = [];
  for (const name of names) {
    const file = path.join(folder, name);
    if (/\.ysgk$/iu.test(name)) {
      sources.push({
        name: name.replace(/\.ysgk$/iu, ''),
        fileLabel: name,
        source: { kind: 'workbook', file },
      });
    } else if (/\.xlsx$/iu.test(name) && !GOALS_SUFFIX.test(name)) {
      const stem = templateStem(name);
      const goals = goalsByStem.get(stem) ?? null;
      if (goals !== null) paired.add(goals);
      sources.push({
        name: stem,
        fileLabel: goals === null ? name : `${name} + ${goals}`,
        source: {
          kind: 'templates',
          tablesFile: file,
          goalsFile: goals === null ? null : path.join(folder, goals),
        },
      });
    } else if (!GOALS_SUFFIX.test(name)) {
      otherFiles.push(name);
    }
  }
  for (const [stem, goals] of goalsByStem) {
    if (paired.has(goals)) continue;
    sources.push({
      name: stem,
      fileLabel: goals,
      source: {
        kind: 'unusable',
        file: path.join(folder, goals),
        problem: `${goals}：找不到与之配对的表格文件“${stem}-tables.xlsx”（绩效目标表须与同名的表格文件放在一起）`,
      },
    });
  }
  sources.sort((a, b) => byName(a.fileLabel, b.fileLabel));
  return { units: withUniqueNames(sources), otherFiles: otherFiles.sort(byName) };
}

/** `X.ysgk` and `X-tables.xlsx` would both export `X.pdf`: the second becomes `X（2）`. */
function withUniqueNames(sources: readonly BatchUnit[]): BatchUnit[] {
  const taken = new Set<string>();
  return sources.map((unit) => {
    let name = unit.name;
    for (let copy = 2; taken.has(name.toLowerCase()); copy++) name = `${unit.name}（${copy}）`;
    taken.add(name.toLowerCase());
    return { ...unit, name };
  });
}
