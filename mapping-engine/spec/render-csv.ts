/**
 * The spec as one CSV table: the source-to-target sheet, one row per target
 * field, mapped fields first (in rule order) and then the target schema's
 * unmapped fields. CSV holds one table, so lookups, tests and the masked source
 * fields live in the other formats; each mapped field's row says whether
 * personal data flows into it and whether its values may be logged, and
 * with lookup tables a column names the tables it uses, and with record keys
 * a last column says how an error of the field names its record.
 * `writeCsv` quotes and prefixes cells a spreadsheet would run as formulas (`=`, `+`, `-`, `@`, TAB, CR) with `'`.
 */
import { writeCsv } from '../payload/csv-write';
import type { JsonValue } from '../payload/types';
import type { MappingSpec } from './spec-types';
import { defaultText, personalTargetCells, requiredText } from './spec-text';
import { tablesByField } from './table-uses';

/** Column headers of the CSV export, in order. */
export const CSV_COLUMNS = ['Target field', 'Status', 'Type', 'Required in target', 'Array', 'Source fields', 'Transform', 'JSONata', 'When empty', 'Default', 'Notes', 'Personal data', 'Personal data from', 'Values may be logged', 'Rule (JSON)'] as const;

type Column = (typeof CSV_COLUMNS)[number];

/** The column after {@link CSV_COLUMNS} when the mapping has lookup tables: the tables each field uses. */
export const TABLES_COLUMN = 'Tables';

/** The last column when some field's errors name their record by a key (`recordKey`): how they name it. */
export const RECORD_COLUMN = 'Record in errors';

/** Renders the field table as CSV text (comma, `\n`, header row). */
export function renderCsv(spec: MappingSpec): string {
  // Both list one entry per rule: a field finds its personal-data cells by the rule's target.
  const personal = new Map(spec.masking.targets.map((t) => [t.target, personalTargetCells(t)]));
  const rows: Array<Record<Column, string>> = spec.fields.map((f) => {
    const [carries, from, logged] = personal.get(f.path) ?? ['', '', ''];
    return {
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
      'Personal data': carries,
      'Personal data from': from,
      'Values may be logged': logged,
      'Rule (JSON)': f.rule,
    };
  });
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
      'Personal data': '',
      'Personal data from': '',
      'Values may be logged': '',
      'Rule (JSON)': '',
    });
  }
  // With lookup tables, a column names the tables each field uses (custom code mentioning one included);
  // with record keys, a last column says how an error of the field names its record.
  const tables = tablesByField(spec.lookups);
  const hasTables = spec.lookups.length > 0;
  const hasRecords = spec.fields.some((f) => f.record !== undefined);
  const extended = rows.map((row, i) => {
    const field = i < spec.fields.length ? spec.fields[i] : undefined;
    return {
      ...row,
      ...(hasTables ? { [TABLES_COLUMN]: field ? (tables.get(row['Target field']) ?? []).join(', ') : '' } : {}),
      ...(hasRecords ? { [RECORD_COLUMN]: field?.record ?? '' } : {}),
    };
  });
  const columns = [...CSV_COLUMNS, ...(hasTables ? [TABLES_COLUMN] : []), ...(hasRecords ? [RECORD_COLUMN] : [])];
  return writeCsv(extended as unknown as JsonValue, { columns });
}
