import { describe, expect, it } from 'vitest';
import { compileDocument } from '../compiler/compile-document';
import { mappingDocumentSchema, type MappingDocumentInput } from '../document/document-schema';
import { makeField, type SchemaField } from '../schema/model';
import { buildSpec } from './build-spec';
import { renderCsv } from './render-csv';
import { renderHtml } from './render-html';
import { renderMarkdown } from './render-markdown';

const origin = { kind: 'json-schema' } as const;
const field = (path: string[], type: SchemaField['type'], required: boolean, children?: SchemaField[], repeating = false): SchemaField =>
  makeField({ name: path[path.length - 1] ?? '', path, type, required, origin, repeating, ...(children ? { children } : {}) });

/** Target: customer with an address (required), an optional phones list and a required vatId nobody maps. */
const TARGET = field([], 'object', true, [
  field(['id'], 'string', true),
  field(['vatId'], 'string', true),
  field(['segment'], 'string', false),
  field(['address'], 'object', true, [field(['address', 'city'], 'string', true), field(['address', 'zip'], 'string', true)]),
  field(['phones'], 'object', false, [field(['phones', 'number'], 'string', true)], true),
]);

const DOC: MappingDocumentInput = {
  formatVersion: 1,
  name: 'Customers',
  description: 'CRM to ERP <b>customers</b>',
  source: { format: 'json', samples: ['in.json'] },
  target: { format: 'json', schema: { file: 'target.schema.json' } },
  lookups: { Status: { entries: { B: 'Bronze', A: 'Active' } } },
  rules: [
    { target: 'id', sources: ['customerId'], required: 'error', notes: '=HYPERLINK("http://x")' },
    { target: 'segment', sources: ['status'], transforms: [{ kind: 'lookup', table: 'Status', default: 'Other' }], required: 'default', default: 'Other' },
    { target: 'address.city', sources: ['billing.city'] },
    { target: 'contactName', sources: ['contact.fullName'] },
    { target: 'email', sources: ['contact.email'] },
  ],
  tests: [
    { name: 'good', input: 'in.json', expected: 'out.json' },
    { name: 'values differ', input: 'in2.json', expected: 'out2.json' },
    { name: 'bad date', input: 'bad.json', expectError: 'birthDate' },
    { name: 'never run', input: 'x.json', expectError: 'x' },
  ],
  masking: { keepCategories: ['city'], fields: { 'contact.email': 'never', 'notes.text': 'always' } },
};

function build(tests = true) {
  const document = mappingDocumentSchema.parse(DOC);
  return buildSpec({
    document,
    compiled: compileDocument(document),
    targetFields: TARGET,
    generatedAt: '2026-01-01T00:00:00.000Z',
    engineVersion: '9.9.9',
    ...(tests
      ? {
          tests: [
            { name: 'good', outcome: 'passed' as const },
            {
              name: 'values differ',
              outcome: 'failure' as const,
              message: '2 difference(s) from out2.json',
              details: 'address.city: expected "Hamburg", got "Hannover"\nid: expected "C-4711", got (missing)',
            },
            { name: 'bad date', outcome: 'failure' as const, message: 'expected an error matching "birthDate", got RUN_EVALUATION bad.json: date "31.02.1980" does not match' },
          ],
        }
      : {}),
  });
}

describe('buildSpec', () => {
  it('gives one field row per rule with schema type, sources, words, JSONata and policy', () => {
    const spec = build();
    expect(spec.fields.map((f) => f.path)).toEqual(['id', 'segment', 'address.city', 'contactName', 'email']);
    const segment = spec.fields[1]!;
    expect(segment).toMatchObject({ type: 'string', schemaRequired: false, sources: ['status'], transform: 'map via table Status; an unknown key becomes "Other"', policy: 'default', default: 'Other' });
    expect(segment.jsonata).toContain('$table_Status');
    expect(segment.policyText).toBe('no value gives the default "Other"');
    expect(spec.fields[0]).toMatchObject({ schemaRequired: true, policyText: 'required: no value is an error', notes: '=HYPERLINK("http://x")' });
    // A field the schema does not list has no type rather than a guessed one.
    expect(spec.fields[3]!.type).toBeUndefined();
  });

  it('lists the header, and inline lookup tables in full with the fields that use them', () => {
    const spec = build();
    expect(spec.header).toMatchObject({ name: 'Customers', source: { format: 'json', samples: ['in.json'] }, target: { schema: 'target.schema.json' }, engineVersion: '9.9.9' });
    expect(spec.lookups).toEqual([{ name: 'Status', origin: 'inline', entries: [['A', 'Active'], ['B', 'Bronze']], usedBy: ['segment'], uses: [{ target: 'segment', how: 'lookup' }] }]);
  });

  it('lists unmapped schema fields, flagging required ones only where their parent is written or required', () => {
    const spec = build();
    expect(spec.unmapped).toEqual([
      { path: 'vatId', type: 'string', required: true },
      { path: 'address.zip', type: 'string', required: true },
      // phones is optional and nothing writes it, so its required child is not required here.
      { path: 'phones.number', type: 'string', required: false },
    ]);
    expect(spec.unmappedUnknown).toBe(false);
  });

  it('reports test outcomes with counts and paths, never the values a failure quoted', () => {
    const tests = build().tests!;
    expect(tests.map((t) => t.outcome)).toEqual(['passed', 'failed', 'failed', 'not run']);
    expect(tests[1]).toMatchObject({ message: '2 difference(s) from out2.json', differingPaths: ['address.city', 'id'] });
    expect(tests[2]!.message).toBe('got a different error (RUN_EVALUATION)');
    const text = [renderMarkdown(build()), renderCsv(build()), renderHtml(build())].join('\n');
    for (const value of ['Hamburg', 'Hannover', 'C-4711', '31.02.1980']) expect(text).not.toContain(value);
    expect(build(false).tests).toBeUndefined();
  });

  it('summarises masking from the policy and the source field names', () => {
    const { masking } = build();
    expect(masking.keepCategories).toEqual(['city']);
    expect(masking.minConfidence).toBe(0.5);
    expect(masking.overrides).toEqual([
      { field: 'contact.email', decision: 'never' },
      { field: 'notes.text', decision: 'always' },
    ]);
    const byField = Object.fromEntries(masking.fields.map((m) => [m.field, m]));
    expect(byField['billing.city']).toMatchObject({ category: 'city', masked: false });
    expect(byField['contact.fullName']).toMatchObject({ masked: true });
    expect(byField['contact.email']).toMatchObject({ category: 'email', masked: false });
    expect(byField['notes.text']).toMatchObject({ category: 'policy', masked: true });
    expect(byField.customerId).toBeUndefined();
  });

  it('says when the target has no schema to list unmapped fields from', () => {
    const document = mappingDocumentSchema.parse(DOC);
    const spec = buildSpec({ document, compiled: compileDocument(document), generatedAt: 'x', engineVersion: '1' });
    expect(spec.unmappedUnknown).toBe(true);
    expect(renderMarkdown(spec)).toContain('cannot be listed');
  });
});

describe('renderers', () => {
  it('escape document text in HTML and Markdown', () => {
    const html = renderHtml(build());
    expect(html).toContain('CRM to ERP &lt;b&gt;customers&lt;/b&gt;');
    expect(html).not.toContain('<b>customers');
    expect(html).not.toMatch(/<script|<link|src=|href=/i);
    expect(renderMarkdown(build())).toContain('CRM to ERP \\<b\\>customers\\</b\\>');
  });

  it('prefix a formula-like cell in the CSV so a spreadsheet shows it as text', () => {
    expect(renderCsv(build())).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it('give the CSV one row per mapped and per unmapped target field', () => {
    const lines = renderCsv(build()).trimEnd().split('\n');
    expect(lines).toHaveLength(1 + 5 + 3);
    expect(lines.at(-3)).toMatch(/^vatId,unmapped \(required\),/);
  });
});
