import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { draftFromTablesXlsx } from '../src-main/services/spreadsheets/import-tables';

const TEMPLATES = fileURLToPath(new URL('../test/fixtures/templates/', import.meta.url));
const TARGET_MS = 300;

async function timed(file: string): Promise<number> {
  const start = performance.now();
  await draftFromTablesXlsx(file);
  return performance.now() - start;
}

/** The 003 template with 表十二 ten times as long (its projects repeated under the last unit). */
async function tenTimesLarger(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path.join(TEMPLATES, '003-tables.xlsx'));
  const sheet = workbook.getWorksheet('表十二');
  if (!sheet) throw new Error('no 表十二');
  const projectRows: unknown[][] = [];
  sheet.eachRow((row, number) => {
    if (number > 5 && (row.getCell(1).alignment?.indent ?? 0) === 2)
      projectRows.push(row.values as unknown[]);
  });
  for (let copy = 0; copy < 9; copy++) {
    for (const values of projectRows) {
      const row = sheet.addRow((values as unknown[]).slice(1));
      row.getCell(1).alignment = { indent: 2 };
    }
  }
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ysgk-bench-')), '003-x10.xlsx');
  await workbook.xlsx.writeFile(file);
  return file;
}

export async function run(): Promise<void> {
  for (const name of ['002-tables.xlsx', '003-tables.xlsx', '004-tables.xlsx', '003-tables-messy.xlsx']) {
    const file = path.join(TEMPLATES, name);
    await timed(file); // the first run pays for loading exceljs
    const samples = [await timed(file), await timed(file), await timed(file)].sort((a, b) => a - b);
    const median = samples[1] ?? Number.NaN;
    console.log(
      `import ${name.padEnd(22)} ${median.toFixed(0).padStart(5)} ms   target ≤ ${TARGET_MS} ms   ${median <= TARGET_MS ? 'met' : 'MISSED'}`,
    );
  }
  const large = await tenTimesLarger();
  const largeMs = await timed(large);
  const sampleMs = await timed(path.join(TEMPLATES, '003-tables.xlsx'));
  console.log(
    `import 003 with 表十二 ×10 ${largeMs.toFixed(0).padStart(7)} ms   (${(largeMs / sampleMs).toFixed(1)}× the sample; the draft then holds the synthetic projects)`,
  );
}
