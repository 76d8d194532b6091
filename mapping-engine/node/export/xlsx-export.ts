/**
 * The spec as an Excel workbook (exceljs): sheets Overview, Fields, Lookups,
 * Tests, Unmapped, Masking (the masked source fields) and Personal data (each
 * mapped target field: whether personal data flows into it, whether its values may be logged), each with a bold header row that stays frozen,
 * a filter on every column and widths fitted to the content.
 *
 * Formula injection: exceljs writes strings as text and never as formulas
 * (a formula needs `{ formula }`), so nothing runs on open. A text that a
 * user re-editing the cell would turn into a formula (starting with `=`, `+`,
 * `-`, `@`, TAB or CR and not a plain number) still gets a leading `'`, the
 * same rule as the CSV export, so both exports show the same cell text.
 */
import ExcelJS from 'exceljs';
import type { MappingSpec } from '../../spec/spec-types';
import { defaultText, headerRows, maskingNoteText, maskingPolicyText, personalTargetCells, requiredText, testResultText } from '../../spec/spec-text';
import { originText, usedByText } from '../../spec/table-uses';

/** Starts like a formula but is not a plain number (the rule of `payload/csv-write.ts`). */
const FORMULA = /^(?![-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$)[=+\-@\t\r]/;

/** Sheet names, in workbook order. */
export const XLSX_SHEETS = ['Overview', 'Fields', 'Lookups', 'Tests', 'Unmapped', 'Masking', 'Personal data'] as const;

const MIN_WIDTH = 8;
const MAX_WIDTH = 70;

/** A cell's text with a `'` in front when it would read as a formula. */
export function safeCellText(text: string): string {
  return FORMULA.test(text) ? `'${text}` : text;
}

function addSheet(workbook: ExcelJS.Workbook, name: string, header: string[], rows: string[][]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row.map(safeCellText));
  const top = sheet.getRow(1);
  top.font = { bold: true };
  top.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF9' } };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: header.length } };
  header.forEach((title, i) => {
    // Width from the longest line in the column, so multi-line JSONata does not make it huge.
    const longest = Math.max(title.length, ...rows.map((r) => Math.max(...(r[i] ?? '').split('\n').map((line) => line.length))));
    const column = sheet.getColumn(i + 1);
    column.width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
    column.alignment = { vertical: 'top', wrapText: longest > MAX_WIDTH || rows.some((r) => (r[i] ?? '').includes('\n')) };
  });
  return sheet;
}

function overviewRows(spec: MappingSpec): string[][] {
  const rows = headerRows(spec).map(([k, v]) => [k, v]);
  for (const a of spec.arrays) rows.push([`Array ${a.target}`, a.description]);
  rows.push(['Masking policy', maskingPolicyText(spec)], ['Masked fields', maskingNoteText(spec)]);
  for (const o of spec.masking.overrides) rows.push([`Masking override ${o.field}`, o.decision]);
  return rows;
}

function testRows(spec: MappingSpec): string[][] {
  if (!spec.tests) return [['(tests were not run for this spec)', '', '', 'not run', '']];
  return spec.tests.map((t) => [t.name, t.input, t.expects, t.outcome, testResultText(t)]);
}

/** Builds the workbook of `spec` (exported for tests that inspect cells). */
export function buildWorkbook(spec: MappingSpec): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = `Mapwright ${spec.header.engineVersion}`;
  const date = new Date(spec.header.generatedAt);
  if (!Number.isNaN(date.getTime())) {
    workbook.created = date;
    workbook.modified = date;
  }
  addSheet(workbook, 'Overview', ['Item', 'Value'], overviewRows(spec));
  addSheet(
    workbook,
    'Fields',
    ['Target field', 'Type', 'Required in target', 'Array', 'Record in errors', 'Source fields', 'Transform', 'JSONata', 'When empty', 'Default', 'Notes', 'Rule (JSON)'],
    spec.fields.map((f) => [f.path, f.type ?? '', requiredText(f.schemaRequired), f.array ?? '', f.record ?? '', f.sources.join('\n'), f.transform, f.jsonata, f.policyText, defaultText(f), f.notes ?? '', f.rule]),
  );
  addSheet(
    workbook,
    'Lookups',
    ['Table', 'Origin', 'Key', 'Value', 'Used by'],
    // Every use after its field: a row table's column, a constant, custom code (see spec/table-uses.ts).
    spec.lookups.flatMap((l) => l.entries.map(([k, v]) => [l.name, l.origin === 'inline' ? 'inline' : l.valueColumn === undefined ? originText(l, (t) => t) : `${l.origin} (${l.keyColumn} -> ${l.valueColumn})`, k, v, usedByText(l, (t) => t)])),
  );
  addSheet(workbook, 'Tests', ['Test case', 'Input', 'Expects', 'Outcome', 'Details'], testRows(spec));
  addSheet(
    workbook,
    'Unmapped',
    ['Target field', 'Type', 'Required'],
    spec.unmappedUnknown ? [['(the target has no schema)', '', '']] : spec.unmapped.map((u) => [u.path, u.type, u.required ? 'yes' : 'no']),
  );
  addSheet(workbook, 'Masking', ['Source field', 'Category', 'Masked', 'Why'], spec.masking.fields.map((m) => [m.field, m.category, m.masked ? 'yes' : 'no', m.reason]));
  addSheet(workbook, 'Personal data', ['Target field', 'Personal data', 'From', 'Values may be logged'], spec.masking.targets.map((t) => [t.target, ...personalTargetCells(t)]));
  return workbook;
}

/** Renders `spec` as the bytes of an `.xlsx` file. */
export async function renderXlsx(spec: MappingSpec): Promise<Uint8Array> {
  const buffer = await buildWorkbook(spec).xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
