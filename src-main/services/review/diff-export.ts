import ExcelJS from 'exceljs';
import { type VersionDiff, diffLines } from '../../../shared/review/diff';

const COLUMNS = [
  { header: '类别', key: 'category', width: 16 },
  { header: '位置', key: 'place', width: 48 },
  { header: '项目', key: 'item', width: 24 },
  { header: '原内容', key: 'before', width: 40 },
  { header: '新内容', key: 'after', width: 40 },
] as const;

/** The difference of two versions as an .xlsx a reviewer can filter and print: one line a change. */
export async function exportDiffXlsx(diff: VersionDiff): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('版本差异');
  sheet.columns = COLUMNS.map((column) => ({ ...column }));
  sheet.spliceRows(1, 0, [`${diff.fromLabel} → ${diff.toLabel}`]);
  sheet.mergeCells('A1:E1');
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getRow(2).font = { bold: true };
  for (const line of diffLines(diff)) sheet.addRow(line);
  sheet.eachRow((row, number) => {
    if (number > 1) row.alignment = { wrapText: true, vertical: 'top' };
  });
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  sheet.autoFilter = { from: 'A2', to: 'E2' };
  sheet.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
  };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
