/**
 * The disclosure PDF: render time and file size for the three seed workbooks, for a generated
 * large county 部门's whole disclosure (tables, text, charts, 64 goal sheets; about 180 pages;
 * target ≤ 3 s and ≤ 1.5 MB, exported as `disclosure export-pdf` does it) and for a larger
 * 部门's tables, side by side with LibreOffice converting the same tables workbook (.xlsx, our
 * export) to PDF, as a ratio.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { WorkbookContent } from '../shared/workbook/content';
import type { DisclosureOptions } from '../src-main/services/export-pdf/disclosure-document';
import {
  type DisclosureRenderRequest,
  renderDisclosurePdf,
} from '../src-main/services/export-pdf/render-disclosure';
import { renderDisclosurePdfInWorker } from '../src-main/services/export-pdf/render-in-worker';
import { spawnSync } from 'node:child_process';
import { exportTablesXlsx } from '../src-main/services/spreadsheets/tables-export';
import { evaluateWorkbook } from '../shared/workbook/evaluate';
import { importReferenceJson } from '../src-main/services/workbook/import-reference-json';
import { generateDepartment } from './support-generate';
import { generatedDepartmentWithGoalSheets, seedFixture } from './support-workbooks';
import { median } from './support-timing';
import { disclosureText, exportDisclosurePdf } from '../src-main/services/export-pdf/export-disclosure-pdf';

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

function seedContent(seed: string, folder: string): WorkbookContent {
  const json = seedFixture(`${seed}-tables.json`);
  const workbook = importReferenceJson(json, path.join(fs.mkdtempSync(path.join(folder, seed)), 'seed.ysgk'));
  try {
    return workbook.content();
  } finally {
    workbook.close();
  }
}

/** Our figures for a workbook: median ms, pages, bytes. */
interface Figures {
  readonly ms: number;
  readonly pageCount: number;
  readonly bytes: number;
}

/** Median in-process time of `RUNS` renders (build + layout + draw + write), and the last result. */
async function timeRenders(
  request: Omit<DisclosureRenderRequest, 'outputFile'>,
  outputFile: string,
): Promise<Figures> {
  const times: number[] = [];
  let result = { pageCount: 0, bytes: 0 };
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    result = await renderDisclosurePdf({ ...request, outputFile });
    times.push(performance.now() - start);
  }
  return { ms: median(times), ...result };
}

function describe(label: string, figures: Figures): string {
  return `${label.padEnd(34)} ${String(figures.pageCount).padStart(4)} pages  ${figures.ms.toFixed(0).padStart(5)} ms  ${(figures.bytes / 1024).toFixed(0).padStart(5)} KB`;
}

/**
 * LibreOffice (headless, a fresh profile) converting the tables workbook of the same content
 * to PDF, against our figures for that content (measured before); skipped with a note where
 * soffice is not installed (apt-get install libreoffice-calc-nogui).
 */
async function compareWithLibreOffice(
  folder: string,
  workbooks: { label: string; content: WorkbookContent; ours: Figures }[],
) {
  if (spawnSync('soffice', ['--version']).status !== 0) {
    console.log(
      'LibreOffice comparison skipped: soffice is not installed (apt-get install libreoffice-calc-nogui)',
    );
    return;
  }
  console.log(
    'side by side with LibreOffice converting the same tables .xlsx to PDF (LibreOffice: one run each, wall time; ours: the median above):',
  );
  for (const { label, content, ours } of workbooks) {
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
    if (converted.status !== 0 || !fs.existsSync(libreOfficePdf)) {
      console.log(`  ${label}: LibreOffice failed (${converted.stderr.trim()})`);
      continue;
    }
    const libreOfficeBytes = fs.statSync(libreOfficePdf).size;
    console.log(
      `  ${label.padEnd(34)} ours ${ours.ms.toFixed(0).padStart(5)} ms ${String(ours.pageCount).padStart(4)} pages ${(ours.bytes / 1024).toFixed(0).padStart(5)} KB` +
        `   LibreOffice ${libreOfficeMs.toFixed(0).padStart(5)} ms ${(libreOfficeBytes / 1024).toFixed(0).padStart(5)} KB` +
        `   ratio ${(libreOfficeMs / ours.ms).toFixed(1)}× faster ${ours.ms < libreOfficeMs ? '(target met)' : '(target MISSED)'}`,
    );
  }
}

/** The export as the bench imports it from source, or from the compiled bundle. */
type ExportPdf = typeof exportDisclosurePdf;

/**
 * The export compiled as a packaged app runs it: the export and its worker entry bundled
 * (esbuild, which tsx brings) side by side into dist/, so that the export starts the worker
 * from plain JavaScript instead of registering tsx in it and transpiling its imports.
 */
async function compiledExport(): Promise<ExportPdf> {
  const folder = fileURLToPath(new URL('../dist/bench-pdf/', import.meta.url));
  const exportPdf = fileURLToPath(new URL('../src-main/services/export-pdf/', import.meta.url));
  await build({
    entryPoints: {
      'export-disclosure-pdf': path.join(exportPdf, 'export-disclosure-pdf.ts'),
      'render-worker': path.join(exportPdf, 'render-worker.ts'),
    },
    outdir: folder,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'error',
  });
  const compiled = (await import(pathToFileURL(path.join(folder, 'export-disclosure-pdf.js')).href)) as {
    exportDisclosurePdf: ExportPdf;
  };
  return compiled.exportDisclosurePdf;
}

/**
 * The whole disclosure of the generated 部门 as a user exports it: tables, 情况说明 with its
 * charts, and a 项目支出绩效目标表 for each of the first GOAL_SHEETS projects (seed 002's
 * sheets, each re-attached to a generated project), to a file. Every export starts a fresh
 * worker, as the app does: the first is the one after the app starts (nothing of the export
 * loaded yet in this process), the median the usual one, the best the one least disturbed by
 * other processes; CPU time (all of this process's threads: the worker, the collector's) does
 * not grow with the machine's load, wall time does. From source (the CLI: tsx in the worker) and compiled (the packaged app).
 * Returns the same render request, to be timed in this thread too, and the figures from source.
 */
async function timeWholeDisclosure(
  folder: string,
): Promise<{ request: Omit<DisclosureRenderRequest, 'outputFile'>; fromSource: Figures }> {
  const workbook = generatedDepartmentWithGoalSheets(folder, {
    units: UNITS,
    projects: WHOLE_DISCLOSURE_PROJECTS,
    goalSheets: GOAL_SHEETS,
  });
  try {
    const variants: [string, () => Promise<ExportPdf>][] = [
      ['from source (tsx)', async () => exportDisclosurePdf],
      ['compiled (esbuild bundle)', compiledExport],
    ];
    console.log(
      `whole disclosure of a generated 部门 (${UNITS} units, ${WHOLE_DISCLOSURE_PROJECTS} projects, ${workbook.goalSheets().length} goal sheets), ` +
        `draft, through a fresh worker each time, start to file; ${RUNS} exports each (load average ${os.loadavg()[0]?.toFixed(2)}):`,
    );
    let fromSource: Figures | undefined;
    for (const [label, load] of variants) {
      const exportPdf = await load();
      const times: number[] = [];
      const cpuTimes: number[] = [];
      let result = { pageCount: 0, bytes: 0 };
      for (let run = 0; run < RUNS; run++) {
        const start = performance.now();
        const cpuStart = process.cpuUsage();
        result = await exportPdf(workbook, {
          outputFile: path.join(folder, 'department-whole.pdf'),
          kind: 'draft',
          figures: 'asEntered',
        });
        times.push(performance.now() - start);
        const cpu = process.cpuUsage(cpuStart);
        cpuTimes.push((cpu.user + cpu.system) / 1000);
      }
      const [first = Number.NaN] = times;
      const ms = median(times);
      fromSource ??= { ms, pageCount: result.pageCount, bytes: result.bytes };
      console.log(
        `  ${label.padEnd(26)} ${result.pageCount} pages   first ${first.toFixed(0).padStart(5)} ms   median ${ms.toFixed(0).padStart(5)} ms` +
          `   best ${Math.min(...times)
            .toFixed(0)
            .padStart(
              5,
            )} ms   CPU median ${median(cpuTimes).toFixed(0)} ms   ${(result.bytes / 1e6).toFixed(2)} MB` +
          `   targets ≤ ${TARGET_MS} ms ${Math.max(first, ms) <= TARGET_MS ? 'met' : 'MISSED'},` +
          ` ≤ ${TARGET_BYTES / 1e6} MB ${result.bytes <= TARGET_BYTES ? 'met' : 'MISSED'}`,
      );
    }
    console.log(
      `  peak RSS of the bench process so far (its workbook and the exports' workers): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
    );
    if (fromSource === undefined) throw new Error('no export timed');
    return {
      request: {
        content: workbook.content(),
        text: disclosureText(workbook, 'asEntered', new Date()),
        options: DRAFT,
      },
      fromSource,
    };
  } finally {
    workbook.close();
  }
}

export async function run(): Promise<void> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ysgk-bench-pdf-'));
  try {
    // First, so that nothing of the export is loaded yet and the peak RSS is its own.
    const wholeDisclosure = await timeWholeDisclosure(folder);
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
    const seedFigures = [];
    for (const { seed, content } of seeds) {
      const ours = await timeRenders({ content, options: DRAFT }, path.join(folder, `${seed}.pdf`));
      console.log(describe(`seed ${seed}`, ours));
      seedFigures.push({ seed, content, ours });
    }
    console.log(
      describe(
        `whole disclosure (${WHOLE_DISCLOSURE_PROJECTS} projects)`,
        await timeRenders(wholeDisclosure.request, path.join(folder, 'department-whole-in-thread.pdf')),
      ),
    );
    const department = generateDepartment(UNITS, PROJECTS);
    const outputFile = path.join(folder, 'department.pdf');
    const large = await timeRenders({ content: department, options: DRAFT }, outputFile);
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
    await compareWithLibreOffice(folder, [
      ...seedFigures.map(({ seed, content, ours }) => ({ label: `seed ${seed}`, content, ours })),
      {
        label: `whole disclosure (export, from source)`,
        content: wholeDisclosure.request.content,
        ours: wholeDisclosure.fromSource,
      },
      { label: `generated 部门 (${PROJECTS} projects)`, content: department, ours: large },
    ]);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
