/**
 * The formats the Export dialog offers, in the order it lists them, each
 * with the one line that tells a consultant what they get.
 */
import type { ExportKindName } from '../../../electron/contract/methods/export-methods';

/** One format of the Export dialog. */
export interface ExportChoice {
  kind: ExportKindName;
  label: string;
  /** What the file is, in one line. */
  description: string;
}

/** Every export format; the first is the default. */
export const EXPORT_CHOICES: readonly ExportChoice[] = [
  { kind: 'xlsx', label: 'Excel workbook (.xlsx)', description: 'The full spec in sheets: overview, fields, lookups, tests, unmapped fields, masking.' },
  { kind: 'html', label: 'Web page (.html)', description: 'The full spec as one standalone page; print it to PDF from any browser.' },
  { kind: 'md', label: 'Markdown (.md)', description: 'The full spec as Markdown tables, for a wiki or a pull request.' },
  { kind: 'csv', label: 'CSV (.csv)', description: 'The field table only: one row per target field, mapped or not.' },
  { kind: 'jsonata', label: 'JSONata expression (.jsonata)', description: 'The generated expression with its lookup tables, runnable by any JSONata engine.' },
  { kind: 'document', label: 'Mapping document (.mapwright.json)', description: 'The mapping document itself, as the studio holds it now (unsaved edits included).' },
];

/**
 * True when the test results can appear in `kind`: only the spec formats
 * show them, the expression and the document do not (the backend skips the
 * run for those anyway).
 */
export function showsTestResults(kind: ExportKindName): boolean {
  return kind !== 'jsonata' && kind !== 'document';
}
