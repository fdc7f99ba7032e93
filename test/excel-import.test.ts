import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors';
import { tablesToReferenceJson } from '../shared/tables/reference-json';
import { draftFromTablesXlsx } from '../src-main/services/spreadsheets/import-tables';
import { createWorkbookFromDraft } from '../src-main/services/workbook/create-from-draft';
import { SEEDS, type Seed, readFixture, withoutBookkeeping } from './support/fixtures';
import { tempDir } from './support/temp-dir';

const TEMPLATES = new URL('./fixtures/templates/', import.meta.url);
const template = (name: string) => new URL(name, TEMPLATES).pathname;
const ENTERED_TABLES = ['t2', 't3', 't5', 't6', 't7', 't8', 't9', 't10', 't11', 't12', 't13'] as const;

async function importedTables(file: string) {
  const workbook = createWorkbookFromDraft(
    await draftFromTablesXlsx(file),
    path.join(tempDir(), 'x.ysgk'),
    'test',
  );
  const json = tablesToReferenceJson(workbook.content(), workbook.evaluate()) as {
    tables: Record<string, unknown>;
  };
  workbook.close();
  return json.tables;
}

async function importError(file: string): Promise<AppError> {
  try {
    await draftFromTablesXlsx(file);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error(`${file} was expected to be refused`);
}

/** 003 prints 单位:万元 with an ASCII colon in 表八 and 表十一 (tables-spec §1.3); we print the standard form. */
function fixtureTables(seed: Seed) {
  const fixture = readFixture(seed);
  if (seed === '003') {
    for (const key of ['t8', 't11']) Object.assign(fixture.tables[key] ?? {}, { unitLine: '单位：万元' });
  }
  return fixture.tables;
}

describe.each(SEEDS)('the %s tables template', (seed) => {
  it.each(['', '-messy'])('imports (%s) to exactly the seed fixture', async (variant) => {
    const tables = await importedTables(template(`${seed}-tables${variant}.xlsx`));
    const fixture = fixtureTables(seed);
    for (const key of ENTERED_TABLES)
      expect({ [key]: tables[key] }).toEqual({ [key]: withoutBookkeeping(fixture[key]) });
  });
});

/** Writes a copy of the 002 template with `edit` applied. */
async function edited(edit: (workbook: ExcelJS.Workbook) => void): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(template('002-tables.xlsx'));
  edit(workbook);
  const file = path.join(tempDir(), '改过的表格.xlsx');
  await workbook.xlsx.writeFile(file);
  return file;
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

function written(name: string, bytes: Buffer | string): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** A zip whose directory claims one entry of 2 GB uncompressed. */
function zipBomb(): Buffer {
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt32LE(2_000_000_000, 24);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46, 12);
  end.writeUInt32LE(30, 16);
  return Buffer.concat([local, central, end]);
}

function withMergedRange(xml: string, range: string): string {
  const merge = `<mergeCell ref="${range}"/>`;
  return xml.includes('<mergeCells')
    ? xml.replace(/<mergeCells[^>]*>/, (open) => `${open}${merge}`)
    : xml.replace('</sheetData>', `</sheetData><mergeCells count="1">${merge}</mergeCells>`);
}

/** A sheet's XML of the clean 002 template, rewritten by `edit`, in a copy. */
async function withSheetXml(sheetName: string, edit: (xml: string) => string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(template('002-tables.xlsx')));
  const entryText = (name: string): Promise<string> => {
    const file = zip.file(name);
    if (file === null) throw new Error(`模板中没有 ${name}`);
    return file.async('string');
  };
  const workbookXml = await entryText('xl/workbook.xml');
  const position = [...workbookXml.matchAll(/<sheet [^>]*name="([^"]*)"/g)].findIndex(
    (match) => match[1] === sheetName,
  );
  const entry = `xl/worksheets/sheet${position + 1}.xml`;
  zip.file(entry, edit(await entryText(entry)));
  return written('改过的XML.xlsx', await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/** Writes 1 as every entry's uncompressed size, in the local headers and the central directory. */
function lieAboutUncompressedSizes(bytes: Buffer): void {
  for (let offset = 0; offset + 4 <= bytes.length; offset++) {
    const signature = bytes.readUInt32LE(offset);
    if (signature === 0x04034b50) bytes.writeUInt32LE(1, offset + 22);
    if (signature === 0x02014b50) bytes.writeUInt32LE(1, offset + 24);
  }
}

describe('hostile and broken table files', () => {
  it.each([
    ['an empty file', () => written('empty.xlsx', ''), '文件为空（0 字节）'],
    ['a text file', () => written('notes.xlsx', '这不是表格'.repeat(50)), '不是 xlsx 文件'],
    [
      'an old .xls (OLE) or encrypted workbook',
      () =>
        written(
          'old.xls.xlsx',
          Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]),
        ),
      '旧版 Excel 97-2003 文件（.xls）',
    ],
    ['a zip bomb', () => written('bomb.xlsx', zipBomb()), '疑似压缩炸弹'],
    [
      'a truncated zip',
      () => written('cut.xlsx', fs.readFileSync(template('002-tables.xlsx')).subarray(0, 4000)),
      '文件不完整或已损坏',
    ],
  ])('refuses %s at once, naming the file', async (_name, make, message) => {
    const error = await importError(make());
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain(message);
  });

  it('lists every problem at once, each with file, sheet and cell', async () => {
    const file = await edited((workbook) => {
      sheet(workbook, '表二').getCell('D7').value = 'abc';
      sheet(workbook, '表二').getCell('E8').value = -5;
      sheet(workbook, '表三').getCell('D8').value = '12.3.4';
      sheet(workbook, '表六').getCell('C7').value = {
        formula: "'[预算.xlsx]表六'!C7",
      } as ExcelJS.CellFormulaValue;
      workbook.removeWorksheet(sheet(workbook, '表十').id);
    });
    const error = await importError(file);
    expect(error.details.problems).toEqual([
      '改过的表格.xlsx 表二!D7：应为金额（万元），实际为“abc”：“abc”不是有效的金额',
      '改过的表格.xlsx 表二!E8：金额不应为负数（-5）',
      '改过的表格.xlsx 表三!D8：应为金额（万元），实际为“12.3.4”：“12.3.4”含有多个小数点',
      '改过的表格.xlsx 表六!C7：公式没有计算结果（可能引用了其他文件），请在 Excel/WPS 中重新计算并保存后再导入',
      '改过的表格.xlsx：缺少“表十”工作表（YYYY年财政拨款安排“三公”经费支出预算表）',
    ]);
  });

  it('finds a table by its title when the sheet is renamed, and refuses swapped columns', async () => {
    const renamed = await edited((workbook) => {
      sheet(workbook, '表三').name = '支出总表（最终）';
    });
    expect((await importedTables(renamed))['t3']).toEqual(
      withoutBookkeeping(readFixture('002').tables['t3']),
    );
    const swapped = await edited((workbook) => {
      const table = sheet(workbook, '表三');
      table.getCell('D4').value = '项目支出';
      table.getCell('E4').value = '基本支出';
    });
    expect((await importError(swapped)).message).toContain(
      '表三：找不到表头（应依次有：科目编码、科目名称、合计、基本支出、项目支出）',
    );
  });

  it('names the row of a duplicate 科目编码 by its cell', async () => {
    const file = await edited((workbook) => {
      sheet(workbook, '表二').getCell('A8').value = '20801';
    });
    const error = await importError(file);
    expect(error.message).toContain('表二!A8');
    expect(error.message).toContain('科目编码 20801 在本表中重复出现');
  });

  it('refuses a sheet of more than 20,000 rows before the xlsx library reads it', async () => {
    const file = await edited((workbook) => {
      const table = sheet(workbook, '表二');
      for (let row = 30; row <= 20_030; row++) table.getCell(`F${row}`).value = 1;
    });
    expect((await importError(file)).message).toContain('工作表“表二”有 20030 行，超过上限 20000 行');
  });

  it('reads only the cells a sheet holds: a stray cell at XFD and row 19,000 is named, not looped over', async () => {
    const file = await edited((workbook) => {
      sheet(workbook, '表二').getCell('XFD1').value = '备注';
      sheet(workbook, '表二').getCell('A19000').value = ' ';
    });
    expect((await importError(file)).message).toContain('改过的表格.xlsx：表二!XFD1 有内容，超出第 256 列');
  });

  it('refuses a merged range covering the whole sheet before the xlsx library expands it', async () => {
    const file = await withSheetXml('表二', (xml) => withMergedRange(xml, 'K1:XFD1048576'));
    expect((await importError(file)).message).toContain('合并单元格覆盖的范围过大');
  });

  it('refuses a zip whose entry inflates beyond the size it declares', async () => {
    const file = await withSheetXml('表二', (xml) => xml);
    const bytes = fs.readFileSync(file);
    lieAboutUncompressedSizes(bytes);
    expect((await importError(written('lying.xlsx', bytes))).message).toContain(
      '解压后比声明的更大（疑似压缩炸弹）',
    );
  });
});

describe('import progress', () => {
  it('reports every sheet read, with the rows so far', async () => {
    const reports: { sheet: string; sheetsDone: number; sheetsTotal: number; rowsDone: number }[] = [];
    await draftFromTablesXlsx(template('003-tables-messy.xlsx'), (progress) => reports.push(progress));
    expect(reports).toHaveLength(13);
    expect(reports.map((report) => report.sheetsDone)).toEqual(
      Array.from({ length: 13 }, (_, index) => index + 1),
    );
    expect(reports.every((report) => report.sheetsTotal === 13)).toBe(true);
    expect(reports.at(-1)?.rowsDone).toBeGreaterThan(200);
  });
});

describe('import preview', () => {
  it('lists the new, removed and changed rows and cells, and writes nothing', async () => {
    const { previewImport } = await import('../src-main/services/spreadsheets/preview');
    const workbook = createWorkbookFromDraft(
      await draftFromTablesXlsx(template('002-tables.xlsx')),
      path.join(tempDir(), 'p.ysgk'),
      'x',
    );
    const before = JSON.stringify(workbook.content());
    expect(
      previewImport(workbook.content(), await draftFromTablesXlsx(template('002-tables-messy.xlsx'))),
    ).toEqual({
      newRows: [],
      removedRows: [],
      changedCells: [],
    });
    const changed = await edited((edit) => {
      sheet(edit, '表二').getCell('D8').value = 491.56; // 2080109 一般公共预算: 490.56 → 491.56
      sheet(edit, '表十二').spliceRows(7, 1); // drops 城乡医疗救助, the unit's first project
    });
    const preview = previewImport(workbook.content(), await draftFromTablesXlsx(changed));
    expect(preview.removedRows).toEqual([{ table: '表十二', row: '阳城县医疗保障局 / 城乡医疗救助' }]);
    expect(preview.changedCells).toContainEqual({
      table: '表二',
      row: '2080109 社会保险经办机构',
      column: '一般公共预算',
      before: '490.56',
      after: '491.56',
    });
    expect(JSON.stringify(workbook.content())).toBe(before);
    workbook.close();
  });
});

describe('export of the tables workbook', () => {
  it.each(SEEDS)('writes %s in the template layout and imports back to the same workbook', async (seed) => {
    const { exportTablesXlsx } = await import('../src-main/services/spreadsheets/tables-export');
    const original = await importedTables(template(`${seed}-tables.xlsx`));
    const workbook = createWorkbookFromDraft(
      await draftFromTablesXlsx(template(`${seed}-tables.xlsx`)),
      path.join(tempDir(), 'o.ysgk'),
      'x',
    );
    const file = path.join(tempDir(), `${seed}-exported.xlsx`);
    fs.writeFileSync(file, await exportTablesXlsx(workbook.content(), workbook.evaluate()));
    workbook.close();
    expect(await importedTables(file)).toEqual(original);

    const written = new ExcelJS.Workbook();
    await written.xlsx.readFile(file);
    expect(written.worksheets.map((candidate) => candidate.name)).toEqual([
      '表一',
      '表二',
      '表三',
      '表四',
      '表五',
      '表六',
      '表七',
      '表八',
      '表九',
      '表十',
      '表十一',
      '表十二',
      '表十三',
    ]);
    const t2 = sheet(written, '表二');
    expect(t2.model.merges).toEqual(expect.arrayContaining(['A1:I1', 'A3:B3', 'C3:H3', 'I3:I4']));
    expect(t2.getCell('A6').numFmt).toBe('@');
    expect(t2.getCell('C5').numFmt).toBe('#,##0.00');
    expect(t2.pageSetup.orientation).toBe('landscape');
    expect(t2.pageSetup.printTitlesRow).toBe('3:4');
    const t7 = sheet(written, '表七');
    expect(t7.getCell('A6').value).toBe('注：本表无数据');
  });
});

/** More hand edits and hostile contents: each is refused with its cell named, or accepted as documented. */
describe('hostile contents, edit by edit', () => {
  const refused: [string, (workbook: ExcelJS.Workbook) => void, string][] = [
    [
      'an amount in scientific notation',
      (w) => void (sheet(w, '表二').getCell('D8').value = '4.9056e2'),
      '表二!D8：应为金额（万元），实际为“4.9056e2”：“4.9056e2”是科学计数法',
    ],
    [
      'misplaced thousands separators',
      (w) => void (sheet(w, '表二').getCell('D8').value = '4,90.56'),
      '表二!D8：应为金额（万元），实际为“4,90.56”',
    ],
    [
      'precision finer than 1 分',
      (w) => void (sheet(w, '表二').getCell('D8').value = '490.5600001'),
      '精度超过 1 分',
    ],
    ['an absurd amount', (w) => void (sheet(w, '表二').getCell('D8').value = 9e12), '不超过 1 万亿元'],
    [
      'a huge string in a cell',
      (w) => void (sheet(w, '表二').getCell('B8').value = '长'.repeat(12_000)),
      '表二!B8 的内容超过 10000 字',
    ],
    [
      'a 科目编码 that is not a code',
      (w) => void (sheet(w, '表三').getCell('A8').value = '20801-09'),
      '“20801-09”不是有效的科目编码',
    ],
    ['a 项 without its 款', (w) => sheet(w, '表五').spliceRows(6, 1), '表五!A6'],
    [
      'an amount merged across two amount columns (it would count twice)',
      (w) => {
        const t10 = sheet(w, '表十');
        t10.getCell('B6').value = 0.29;
        t10.mergeCells('B6:C6');
      },
      '表十!C6：金额单元格与 B6 合并，同一金额会被计入两栏',
    ],
    [
      'an unknown 表十 row',
      (w) => void (sheet(w, '表十').getCell('A6').value = '会议费'),
      '表十!A6：表十没有“会议费”这一行',
    ],
    [
      'a 表六 class that is a detail item',
      (w) => void (sheet(w, '表六').getCell('A6').value = '基本工资'),
      '不是部门预算支出经济分类的类级科目',
    ],
    [
      'a 合计 row replaced by data',
      (w) => void (sheet(w, '表三').getCell('A5').value = '201'),
      '表三!A5：第一行应为合计行',
    ],
    [
      'no name line on any sheet',
      (w) => w.worksheets.forEach((candidate) => void (candidate.getCell('A2').value = '阳城县医疗保障局')),
      '找不到“单位名称：”或“部门名称：”一行',
    ],
    ['a header renamed', (w) => void (sheet(w, '表八').getCell('E3').value = '专项支出'), '表八：找不到表头'],
    [
      'a unit listed twice in 表十一',
      (w) => void sheet(w, '表十一').addRow(['阳城县医疗保障局', 57.68, 57.68]),
      '在表十一中重复出现',
    ],
    [
      'a cell with a formula on another workbook',
      (w) =>
        void (sheet(w, '表十一').getCell('C6').value = {
          formula: '[1]Sheet1!A1',
        } as ExcelJS.CellFormulaValue),
      '表十一!C6：公式没有计算结果',
    ],
    [
      'a 单位 document with a unit row in 表十二',
      (w) => {
        // exceljs shares style objects between cells: the edited cell gets its own.
        const cell = sheet(w, '表十二').getCell('A8');
        cell.style = { ...cell.style, alignment: { ...cell.alignment, indent: 2 } };
      },
      '单位预算公开的表十二只有单位和项目两级',
    ],
  ];
  it.each(refused)('refuses %s', async (_name, edit, message) => {
    const error = await importError(await edited(edit));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain(message);
    expect(error.message).toContain('改过的表格.xlsx');
  });

  const accepted: [
    string,
    (workbook: ExcelJS.Workbook) => void,
    (tables: Record<string, unknown>) => void,
  ][] = [
    [
      'full-width digits in an amount',
      (w) => void (sheet(w, '表二').getCell('D8').value = '４９０．５６'),
      (t) => expect(JSON.stringify(t['t2'])).toContain('"gpb":"490.56"'),
    ],
    [
      'watermark and label rows, and blank rows, in a table',
      (w) => {
        const t3 = sheet(w, '表三');
        t3.spliceRows(
          8,
          0,
          ['仅供内部审核'],
          [],
          ['预算公开表3'],
          ['2025年预算支出总表'],
          ['单位名称：阳城县医疗保障局'],
        );
      },
      (t) => expect(t['t3']).toEqual(withoutBookkeeping(readFixture('002').tables['t3'])),
    ],
    [
      'a code the catalogue does not have (flagged as user-added)',
      (w) => {
        const t2 = sheet(w, '表二');
        t2.getCell('A8').value = '2080188';
        t2.getCell('B8').value = '自编科目';
      },
      (t) => expect(JSON.stringify(t['t2'])).toContain('"code":"2080188","name":"自编科目"'),
    ],
    [
      'a sheet named 预算公开表N (the messy samples reorder the sheets)',
      (w) => {
        sheet(w, '表二').name = '预算公开表2';
      },
      (t) => expect(t['t2']).toEqual(withoutBookkeeping(readFixture('002').tables['t2'])),
    ],
  ];
  it.each(accepted)('accepts %s', async (_name, edit, check) => {
    check(await importedTables(await edited(edit)));
  });
});

describe('the goal-sheets workbook', () => {
  /** A text of the goals workbook is the disclosure's (trimmed), or completes a text the disclosure cut (README §2.2). */
  function sameOrCompleted(fromWorkbook: unknown, fromJson: unknown): boolean {
    if (typeof fromWorkbook === 'string' && typeof fromJson === 'string')
      return fromWorkbook.startsWith(fromJson.trim());
    return JSON.stringify(fromWorkbook) === JSON.stringify(fromJson);
  }

  it.each(SEEDS)('of %s attaches the same sheets as the seed’s goal data', async (seed) => {
    const { readSpreadsheet } = await import('../src-main/services/spreadsheets/spreadsheet');
    const { goalsFromSheets } = await import('../src-main/services/spreadsheets/goals-workbook');
    const { importGoals, importGoalsJson } =
      await import('../src-main/services/goal-sheets/import-goals-json');
    const { importReferenceJson } = await import('../src-main/services/workbook/import-reference-json');
    const tables = new URL(`./fixtures/seed-data/${seed}-tables.json`, import.meta.url).pathname;
    const fromWorkbook = importReferenceJson(tables, path.join(tempDir(), 'a.ysgk'));
    const fromJson = importReferenceJson(tables, path.join(tempDir(), 'b.ysgk'));
    const goals = goalsFromSheets('goals.xlsx', await readSpreadsheet(template(`${seed}-goals.xlsx`)));
    const report = importGoals(fromWorkbook, goals, 'goals.xlsx');
    expect(report).toEqual(importGoalsJson(fromJson, tables.replace('-tables.json', '-goals.json')));
    const sheets = fromWorkbook.goalSheets();
    const expected = fromJson.goalSheets();
    expect(sheets.map((sheet) => sheet.projectId)).toEqual(expected.map((sheet) => sheet.projectId));
    sheets.forEach((sheet, index) => {
      const other = expected[index] as unknown as Record<string, Record<string, unknown>>;
      for (const [field, value] of Object.entries(sheet)) {
        if (field === 'texts' || field === 'overallGoal') {
          for (const [key, text] of Object.entries(value as Record<string, string>)) {
            expect(sameOrCompleted(text, other[field]?.[key]), `${seed} #${index} ${field}.${key}`).toBe(
              true,
            );
          }
        } else {
          expect(value, `${seed} #${index} ${field}`).toEqual(other[field]);
        }
      }
    });
    expect(fromWorkbook.wholeUnitGoalSheet()).toEqual(fromJson.wholeUnitGoalSheet());
    fromWorkbook.close();
    fromJson.close();
  });
});

describe('export of the goal-sheets workbook', () => {
  it.each(SEEDS)(
    'writes the sheets of %s in the template layout, and they import back the same',
    async (seed) => {
      const { exportGoalsXlsx } = await import('../src-main/services/spreadsheets/goals-export');
      const { readSpreadsheet } = await import('../src-main/services/spreadsheets/spreadsheet');
      const { goalsFromSheets } = await import('../src-main/services/spreadsheets/goals-workbook');
      const { importGoals, importGoalsJson } =
        await import('../src-main/services/goal-sheets/import-goals-json');
      const { importReferenceJson } = await import('../src-main/services/workbook/import-reference-json');
      const tables = new URL(`./fixtures/seed-data/${seed}-tables.json`, import.meta.url).pathname;
      const original = importReferenceJson(tables, path.join(tempDir(), 'a.ysgk'));
      importGoalsJson(original, tables.replace('-tables.json', '-goals.json'));
      const file = path.join(tempDir(), `${seed}-goals.xlsx`);
      const bytes = await exportGoalsXlsx(
        original.content(),
        original.evaluate(),
        original.goalSheets(),
        original.wholeUnitGoalSheet(),
      );
      fs.writeFileSync(file, bytes);

      const again = importReferenceJson(tables, path.join(tempDir(), 'b.ysgk'));
      importGoals(again, goalsFromSheets(file, await readSpreadsheet(file)), file);
      expect(again.goalSheets()).toEqual(original.goalSheets());
      expect(again.wholeUnitGoalSheet()).toEqual(original.wholeUnitGoalSheet());

      const written = new ExcelJS.Workbook();
      await written.xlsx.readFile(file);
      const first = written.worksheets[0];
      expect(first?.getCell('A6').value).toBe('项目资金（元）');
      expect(first?.model.merges).toEqual(expect.arrayContaining(['A1:H1', 'B3:H3', 'A6:A11', 'A17:A18']));
      expect(String(first?.getCell('H' + String(first.rowCount)).value)).toMatch(/^\d{14}$/u);
      original.close();
      again.close();
    },
  );
});
