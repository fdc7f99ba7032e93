/**
 * The disclosure PDF: render time and file size for the three seed workbooks and for a
 * generated large county 部门 of about 160 pages (target ≤ 3 s and ≤ 1.5 MB), side by side with
 * LibreOffice converting the same tables workbook (.xlsx, our export) to PDF, as a ratio.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorkbookContent } from '../shared/workbook/content';
import type { DisclosureOptions } from '../src-main/services/export-pdf/disclosure-document';
import { renderDisclosurePdf } from '../src-main/services/export-pdf/render-disclosure';
import { renderDisclosurePdfInWorker } from '../src-main/services/export-pdf/render-in-worker';
import { spawnSync } from 'node:child_process';
import { exportTablesXlsx } from '../src-main/services/spreadsheets/tables-export';
import { evaluateWorkbook } from '../shared/workbook/evaluate';
import { importReferenceJson } from '../src-main/services/workbook/import-reference-json';
import { generateDepartment } from './support-generate';
import { tablesToReferenceJson } from '../shared/tables/reference-json';
import { exportDisclosurePdf } from '../src-main/services/export-pdf/export-disclosure-pdf';
import { importGoalsJson } from '../src-main/services/goal-sheets/import-goals-json';

const SEEDS = ['002', '003', '004'] as const;
const UNITS = 60;
const PROJECTS = 3_300;
const RUNS = 5;
const TARGET_MS = 3_000;
const TARGET_BYTES = 1_500_000;
const GOAL_SHEETS = 64;
/** Projects of the 部门 whose whole disclosure (tables, text, 64 sheets) is about 160 pages. */
const WHOLE_DISCLOSURE_PROJECTS = 300;
const DRAFT: DisclosureOptions = { kind: 'draft', figures: 'asEntered', watermarkText: '仅供内部审核' };

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function seedContent(seed: string, folder: string): WorkbookContent {
  const json = fixture(`${seed}-tables.json`);
  const workbook = importReferenceJson(json, path.join(fs.mkdtempSync(path.join(folder, seed)), 'seed.ysgk'));
  try {
    return workbook.content();
  } finally {
    workbook.close();
  }
}

/** Median in-process time of `RUNS` renders (build + layout + draw + write), and the last result. */
async function timeRenders(content: WorkbookContent, outputFile: string) {
  const times: number[] = [];
  let result = { pageCount: 0, bytes: 0 };
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    result = await renderDisclosurePdf({ content, options: DRAFT, outputFile });
    times.push(performance.now() - start);
  }
  return { ms: median(times), ...result };
}

function describe(label: string, figures: { ms: number; pageCount: number; bytes: number }): string {
  return `${label.padEnd(34)} ${String(figures.pageCount).padStart(4)} pages  ${figures.ms.toFixed(0).padStart(5)} ms  ${(figures.bytes / 1024).toFixed(0).padStart(5)} KB`;
}

/**
 * LibreOffice (headless, a fresh profile) converting the tables workbook of the same content
 * to PDF, against our render of the whole disclosure; skipped with a note where soffice is
 * not installed (apt-get install libreoffice-calc-nogui).
 */
async function compareWithLibreOffice(
  folder: string,
  workbooks: { label: string; content: WorkbookContent }[],
) {
  if (spawnSync('soffice', ['--version']).status !== 0) {
    console.log(
      'LibreOffice comparison skipped: soffice is not installed (apt-get install libreoffice-calc-nogui)',
    );
    return;
  }
  console.log(
    'side by side with LibreOffice converting the same tables .xlsx to PDF (one run each, wall time):',
  );
  for (const { label, content } of workbooks) {
    const xlsx = path.join(folder, `${label.replace(/\s/g, '-')}.xlsx`);
    fs.writeFileSync(xlsx, await exportTablesXlsx(content, evaluateWorkbook(content)));
    const profile = fs.mkdtempSync(path.join(folder, 'lo-profile-'));
    const start = performance.now();
    const converted = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        folder,
        xlsx,
      ],
      { encoding: 'utf8' },
    );
    const libreOfficeMs = performance.now() - start;
    const libreOfficePdf = xlsx.replace(/\.xlsx$/u, '.pdf');
    const ours = await timeRenders(content, path.join(folder, `${label.replace(/\s/g, '-')}-ours.pdf`));
    if (converted.status !== 0 || !fs.existsSync(libreOfficePdf)) {
      console.log(`  ${label}: LibreOffice failed (${converted.stderr.trim()})`);
      continue;
    }
    const libreOfficeBytes = fs.statSync(libreOfficePdf).size;
    console.log(
      `  ${label.padEnd(16)} ours ${ours.ms.toFixed(0).padStart(5)} ms ${(ours.bytes / 1024).toFixed(0).padStart(5)} KB` +
        `   LibreOffice ${libreOfficeMs.toFixed(0).padStart(5)} ms ${(libreOfficeBytes / 1024).toFixed(0).padStart(5)} KB` +
        `   ratio ${(libreOfficeMs / ours.ms).toFixed(1)}× faster ${ours.ms < libreOfficeMs ? '(target met)' : '(target MISSED)'}`,
    );
  }
}

/**
 * The whole disclosure of the generated 部门 as a user exports it: tables, 情况说明 with its
 * charts, and a 项目支出绩效目标表 for each of the first GOAL_SHEETS projects (seed 002's
 * sheets, each re-attached to a generated project), through the worker, to a file.
 */
async function timeWholeDisclosure(folder: string): Promise<void> {
  const department = generateDepartment(UNITS, WHOLE_DISCLOSURE_PROJECTS);
  const json = path.join(folder, 'department.json');
  fs.writeFileSync(json, JSON.stringify(tablesToReferenceJson(department, evaluateWorkbook(department))));
  const workbook = importReferenceJson(json, path.join(folder, 'department.ysgk'));
  try {
    const seed = importReferenceJson(fixture('002-tables.json'), path.join(folder, 'goals-002.ysgk'));
    importGoalsJson(seed, fixture('002-goals.json'));
    const templates = seed.goalSheets();
    seed.close();
    const projects = department.projects.filter((project) => project.kind === 'current');
    for (let index = 0; index < GOAL_SHEETS; index++) {
      const template = templates[index % templates.length];
      const project = projects[index];
      if (template && project) workbook.setGoalSheet({ ...template, projectId: project.id });
    }
    const start = performance.now();
    const result = await exportDisclosurePdf(workbook, {
      outputFile: path.join(folder, 'department-whole.pdf'),
      kind: 'draft',
      figures: 'asEntered',
    });
    const ms = performance.now() - start;
    console.log(
      `whole disclosure of a generated 部门 (${UNITS} units, ${WHOLE_DISCLOSURE_PROJECTS} projects, ${workbook.goalSheets().length} goal sheets), worker, start to file: ` +
        `${result.pageCount} pages   ${ms.toFixed(0)} ms   ${(result.bytes / 1e6).toFixed(2)} MB` +
        `   targets ≤ ${TARGET_MS} ms ${ms <= TARGET_MS ? 'met' : 'MISSED'}, ≤ ${TARGET_BYTES / 1e6} MB ${result.bytes <= TARGET_BYTES ? 'met' : 'MISSED'}`,
    );
  } finally {
    workbook.close();
  }
}

function fixture(name: string): string {
  return fileURLToPath(new URL(`../test/fixtures/seed-data/${name}`, import.meta.url));
}

export async function run(): Promise<void> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ysgk-bench-pdf-'));
  try {
    const seeds = SEEDS.map((seed) => ({ seed, content: seedContent(seed, folder) }));
    const coldStart = performance.now();
    await renderDisclosurePdf({
      content: seedContent('002', folder),
      options: DRAFT,
      outputFile: path.join(folder, 'cold.pdf'),
    });
    console.log(
      `first render in a fresh thread (seed 002, loads pdfmake and the fonts): ${(performance.now() - coldStart).toFixed(0)} ms`,
    );
    console.log(`draft with watermark, figures as entered; median of ${RUNS} renders in this thread`);
    for (const { seed, content } of seeds) {
      console.log(describe(`seed ${seed}`, await timeRenders(content, path.join(folder, `${seed}.pdf`))));
    }
    const department = generateDepartment(UNITS, PROJECTS);
    const outputFile = path.join(folder, 'department.pdf');
    const large = await timeRenders(department, outputFile);
    console.log(describe(`generated 部门 (${UNITS} units, ${PROJECTS} projects)`, large));
    const start = performance.now();
    await renderDisclosurePdfInWorker({ content: department, options: DRAFT, outputFile });
    const workerMs = performance.now() - start;
    console.log(
      `  the same in a worker thread, start to file: ${workerMs.toFixed(0)} ms (includes starting the worker)`,
    );
    console.log(
      `  time ${large.ms.toFixed(0)} ms   target ≤ ${TARGET_MS} ms   ${large.ms <= TARGET_MS ? 'met' : 'MISSED'}` +
        `;  size ${(large.bytes / 1e6).toFixed(2)} MB   target ≤ ${TARGET_BYTES / 1e6} MB   ${large.bytes <= TARGET_BYTES ? 'met' : 'MISSED'}`,
    );
    console.log(
      `  peak RSS of the bench process (all renders and the worker): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
    );
    await timeWholeDisclosure(folder);
    await compareWithLibreOffice(folder, [
      ...seeds.map(({ seed, content }) => ({ label: `seed ${seed}`, content })),
      { label: 'generated 部门', content: department },
    ]);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
