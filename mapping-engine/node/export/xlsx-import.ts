/**
 * Reads one sheet of an XLSX mapping spreadsheet into a {@link SheetTable}
 * (exceljs, as the XLSX export writes): the sheet named `Fields` (a spec
 * exported by Mapwright) or the one asked for, else the first.
 */
import ExcelJS from 'exceljs';
import { MapwrightError } from '../../errors';
import { cellText, MAX_SHEET_ROWS, type SheetTable } from '../../sheet-import/sheet-table';

/**
 * Reads the sheet's cells as text, the first row as headers.
 * @throws MapwrightError `IMPORT_SHEET` (not an XLSX file, no such sheet, no header row), `LIMIT_EXCEEDED`
 */
export async function readXlsxSheet(bytes: Uint8Array, file: string, sheetName?: string): Promise<SheetTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new MapwrightError('IMPORT_SHEET', 'not a readable XLSX workbook', { file, expected: 'an .xlsx file (Excel 2007 or later)', cause: error });
  }
  const sheet = sheetName !== undefined ? workbook.getWorksheet(sheetName) : (workbook.getWorksheet('Fields') ?? workbook.worksheets[0]);
  if (!sheet) throw new MapwrightError('IMPORT_SHEET', sheetName === undefined ? 'the workbook has no sheet' : `the workbook has no sheet "${sheetName}"`, { file, expected: workbook.worksheets.map((w) => w.name).join(', ') || 'a sheet' });
  if (sheet.rowCount - 1 > MAX_SHEET_ROWS) throw new MapwrightError('LIMIT_EXCEEDED', `the sheet has ${sheet.rowCount - 1} rows`, { file, expected: `at most ${MAX_SHEET_ROWS} rows` });
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c).text ?? ''));
    rows.push(cells);
  });
  const [headers, ...rest] = rows;
  if (!headers || headers.every((h) => h.trim() === '')) throw new MapwrightError('IMPORT_SHEET', 'the sheet has no header row', { file, expected: 'a first row naming the columns' });
  return { headers: headers.map((h) => h.trim()), rows: rest };
}
