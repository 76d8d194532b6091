/**
 * The spec as one CSV table: the source-to-target sheet, one row per target
 * field, mapped fields first (in rule order) and then the target schema's
 * unmapped fields. CSV holds one table, so lookups, tests and masking live in
 * the other formats. `writeCsv` quotes and prefixes cells a spreadsheet would
 * run as formulas (`=`, `+`, `-`, `@`, TAB, CR) with `'`.
 */
import { writeCsv } from '../payload/csv-write';
import type { JsonValue } from '../payload/types';
import type { MappingSpec } from './spec-types';
import { defaultText, requiredText } from './spec-text';

/** Column headers of the CSV export, in order. */
export const CSV_COLUMNS = ['Target field', 'Status', 'Type', 'Required in target', 'Array', 'Source fields', 'Transform', 'JSONata', 'When empty', 'Default', 'Notes'] as const;

type Column = (typeof CSV_COLUMNS)[number];

/** Renders the field table as CSV text (comma, `\n`, header row). */
export function renderCsv(spec: MappingSpec): string {
  const rows: Array<Record<Column, string>> = spec.fields.map((f) => ({
    'Target field': f.path,
    Status: 'mapped',
    Type: f.type ?? '',
    'Required in target': requiredText(f.schemaRequired),
    Array: f.array ?? '',
    'Source fields': f.sources.join(', '),
    Transform: f.transform,
    JSONata: f.jsonata,
    'When empty': f.policyText,
    Default: defaultText(f),
    Notes: f.notes ?? '',
  }));
  for (const u of spec.unmapped) {
    rows.push({
      'Target field': u.path,
      Status: u.required ? 'unmapped (required)' : 'unmapped',
      Type: u.type,
      'Required in target': requiredText(u.required),
      Array: '',
      'Source fields': '',
      Transform: '',
      JSONata: '',
      'When empty': '',
      Default: '',
      Notes: '',
    });
  }
  return writeCsv(rows as unknown as JsonValue, { columns: [...CSV_COLUMNS] });
}
