/**
 * Builds the mapping spec model once from a document, its compiled
 * expression and (optionally) the target schema and test results; every
 * export format renders this model, so they all say the same thing.
 */
import type { FileTables } from '../compiler/lookup-table';
import type { CompiledMapping } from '../compiler/compile-document';
import type { ArrayContext, MappingDocument, MappingRule } from '../document/document-schema';
import type { JsonValue } from '../payload/types';
import type { SchemaField } from '../schema/model';
import { quoteName, splitPath } from '../transforms/jsonata-text';
import { ruleJson } from './rule-json';
import { arrayRow } from './array-words';
import { describeChain, showScalar } from './describe-transform';
import { summariseMasking } from './masking-summary';
import { lookupRows } from './table-uses';
import { arrayRecordWords, documentRecordWords } from './record-words';
import type { MappingSpec, SpecEndpoint, SpecField, SpecUnmapped } from './spec-types';
import { summariseTests, type TestResultInput } from './test-summary';

/** What {@link buildSpec} needs. */
export interface BuildSpecInput {
  document: MappingDocument;
  /** The compiled expression and its source map (for each field's JSONata). */
  compiled: CompiledMapping;
  /** Root of the target schema's field tree: types, required flags and unmapped fields. */
  targetFields?: SchemaField;
  /** Entries of the lookup tables stored as CSV files (as `readLookupTables` returns them). */
  tables?: FileTables;
  /** Results of the document's test cases; omit when the tests were not run. */
  tests?: readonly TestResultInput[];
  /** The source samples as read (payload values): the data-protection section judges their fields as masking does. */
  sourceSamples?: readonly JsonValue[];
  /** ISO date-time to print as the generation date (passed in so golden files stay stable). */
  generatedAt: string;
  engineVersion: string;
}

function endpoint(side: MappingDocument['source']): SpecEndpoint {
  const schema = side.schema === undefined ? undefined : 'file' in side.schema ? side.schema.file : 'inline';
  return { format: side.format, ...(schema === undefined ? {} : { schema }), samples: [...side.samples] };
}

function namesOf(path: string): string[] {
  return path === '.' ? [] : splitPath(path);
}

function startsWith(names: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= names.length && prefix.every((n, i) => names[i] === n);
}

/** The innermost array context a target path sits in. */
function arrayOf(names: readonly string[], arrays: readonly ArrayContext[]): ArrayContext | undefined {
  let best: ArrayContext | undefined;
  for (const a of arrays) {
    const prefix = namesOf(a.target);
    if (prefix.length < names.length && startsWith(names, prefix) && (!best || prefix.length > namesOf(best.target).length)) best = a;
  }
  return best;
}

function findByNames(root: SchemaField | undefined, names: readonly string[]): SchemaField | undefined {
  let current = root;
  for (const name of names) current = current?.children?.find((c) => c.name === name);
  return current;
}

function typeText(field: SchemaField): string {
  const format = field.format && field.format !== field.type ? ` (${field.format})` : '';
  return `${field.type}${format}${field.repeating ? ', repeating' : ''}`;
}

function policyText(rule: MappingRule): string {
  if (rule.required === 'error') return 'required: no value is an error';
  if (rule.required === 'default') return `no value gives the default ${showScalar(rule.default)}`;
  return 'left out when there is no value';
}

function fieldRow(rule: MappingRule, input: BuildSpecInput): SpecField {
  const names = splitPath(rule.target);
  const span = input.compiled.sourceMap[names.join('.')];
  const schemaField = findByNames(input.targetFields, names);
  const array = arrayOf(names, input.document.arrays);
  const row: SpecField = {
    path: rule.target,
    sources: [...rule.sources],
    steps: rule.transforms.map((t) => describeChain([t], rule.sources.length, rule.target)),
    transform: describeChain(rule.transforms, rule.sources.length, rule.target),
    jsonata: span ? input.compiled.expression.slice(span.start, span.end) : '',
    rule: ruleJson(rule),
    policy: rule.required,
    policyText: policyText(rule),
  };
  if (schemaField) {
    row.type = typeText(schemaField);
    row.schemaRequired = schemaField.required;
  }
  if (array) row.array = array.target;
  const record = fieldRecordWords(names, input.document);
  if (record) row.record = record;
  if (rule.default !== undefined) row.default = rule.default;
  if (rule.notes !== undefined) row.notes = rule.notes;
  return row;
}

/** How errors name the record of a field at target `names`: as the innermost array around it with a record key does, else as the document's key does. */
function fieldRecordWords(names: readonly string[], doc: MappingDocument): string | undefined {
  const keyed = doc.arrays.filter((a) => arrayRecordWords(a) !== undefined);
  const array = arrayOf(names, keyed);
  return array ? arrayRecordWords(array) : documentRecordWords(doc);
}

/**
 * Target fields the schema lists that no rule covers. A leaf counts as
 * required when it is required in its parent and each parent is required or
 * written anyway (some rule fills a field inside it).
 */
function unmappedRows(root: SchemaField, doc: MappingDocument): SpecUnmapped[] {
  const mapped = doc.rules.map((r) => splitPath(r.target));
  const rows: SpecUnmapped[] = [];
  const visit = (field: SchemaField, names: string[], required: boolean): void => {
    const covered = mapped.some((m) => startsWith(names, m));
    if (covered) return;
    const written = mapped.some((m) => startsWith(m, names));
    const children = field.children ?? [];
    if (children.length === 0) {
      if (names.length > 0) rows.push({ path: names.map(quoteName).join('.'), type: typeText(field), required });
      return;
    }
    for (const child of children) visit(child, [...names, child.name], child.required && (required || written));
  };
  visit(root, [], true);
  return rows;
}

/** Builds the spec of a compiled document. Pure; never reads files. */
export function buildSpec(input: BuildSpecInput): MappingSpec {
  const doc = input.document;
  const spec: MappingSpec = {
    header: {
      name: doc.name,
      ...(doc.description === undefined ? {} : { description: doc.description }),
      source: endpoint(doc.source),
      target: endpoint(doc.target),
      formatVersion: doc.formatVersion,
      engineVersion: input.engineVersion,
      generatedAt: input.generatedAt,
      ...(documentRecordWords(doc) === undefined ? {} : { records: documentRecordWords(doc) }),
    },
    fields: doc.rules.map((rule) => fieldRow(rule, input)),
    arrays: doc.arrays.map((a) => arrayRow(a, doc.arrays)),
    lookups: lookupRows(doc, input.tables),
    unmapped: input.targetFields ? unmappedRows(input.targetFields, doc) : [],
    unmappedUnknown: input.targetFields === undefined,
    masking: summariseMasking(doc, input.sourceSamples),
  };
  if (input.tests) spec.tests = summariseTests(doc.tests, input.tests);
  return spec;
}
