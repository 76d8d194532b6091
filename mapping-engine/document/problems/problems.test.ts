import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../load-document';
import type { MappingDocument } from '../document-schema';
import { absoluteSource, documentProblems, pathNames, targetCoverage, type SideField } from './problems';

const crm = loadDocument(readFileSync('samples/crm-to-erp/crm-to-erp.mapwright.json', 'utf8')).document;

const leaf = (path: string, required = false): SideField => ({ path, required, container: false });
const box = (path: string, required = false): SideField => ({ path, required, container: true });

/** The CRM source's fields as importSchema lists them. */
const SOURCE: SideField[] = [
  leaf('accountId'),
  leaf('fullName'),
  leaf('status'),
  leaf('createdOn'),
  box('billing'),
  leaf('billing.street'),
  leaf('billing.postalCode'),
  leaf('billing.city'),
  leaf('billing.countryCode'),
  box('contacts'),
  leaf('contacts[].type'),
  leaf('contacts[].value'),
  leaf('annualRevenue'),
  leaf('tags'),
];

const TARGET: SideField[] = [
  leaf('customerNumber', true),
  leaf('firstName', true),
  leaf('vatId', true),
  box('address', true),
  leaf('address.city', true),
  box('shipping'),
  leaf('shipping.city', true),
  box('bank', true),
  leaf('bank.iban', true),
  leaf('bank.bic', true),
];

function without(doc: MappingDocument, target: string): MappingDocument {
  return { ...doc, rules: doc.rules.filter((r) => r.target !== target) };
}

describe('pathNames and absoluteSource', () => {
  it('reads flat and indexed paths, and places sources inside their array context', () => {
    expect(pathNames('contacts[].value')).toEqual(['contacts', 'value']);
    expect(pathNames('lines[2].`unit price`')).toEqual(['lines', 'unit price']);
    expect(absoluteSource(crm, ['contacts', 'value'], 'value')).toEqual(['contacts', 'value']);
    expect(absoluteSource(crm, ['contacts', 'customerNumber'], '../accountId')).toEqual(['accountId']);
    expect(absoluteSource(crm, ['address', 'city'], '/billing.city')).toEqual(['billing', 'city']);
    expect(absoluteSource(crm, ['x'], '$position')).toBeUndefined();
  });

  it("reads the fields of a CSV (the input's own array mark first), so a CSV project's columns are known sources", () => {
    expect(pathNames('[].InvoiceNo')).toEqual(['InvoiceNo']);
    const csv = loadDocument(readFileSync('samples/invoice-csv-to-xml/invoice-csv-to-xml.mapwright.json', 'utf8')).document;
    const columns = ['InvoiceNo', 'InvoiceDate', 'Customer', 'Currency', 'VatRate', 'LineNo', 'Item', 'Quantity', 'UnitPrice'];
    const sourceFields: SideField[] = [{ path: '[]', required: false, container: true }, ...columns.map((c) => ({ path: `[].${c}`, required: false, container: false }))];
    expect(documentProblems(csv, { sourceFields }).problems.filter((p) => p.code === 'MAP_UNKNOWN_SOURCE')).toEqual([]);
  });
});

describe('documentProblems', () => {
  it('does not judge paths through a variable ($items of a group, $param, a variable of custom code) as source fields', () => {
    const payments = loadDocument(readFileSync('samples/payments-csv-to-pain001/payments-csv-to-pain001.mapwright.json', 'utf8')).document;
    const columns = ['Zahlungs-Nr', 'Ausführungsdatum', 'Lieferant', 'IBAN', 'BIC', 'Betrag', 'Währung', 'Verwendungszweck'];
    const sourceFields: SideField[] = [box('[]'), ...columns.map((c) => leaf(`[].\`${c}\``))];
    const unknown = (doc: MappingDocument) => documentProblems(doc, { sourceFields }).problems.filter((p) => p.code === 'MAP_UNKNOWN_SOURCE');
    // Members of a group ($items) and run parameters ($param.MsgId) are bound by the mapping.
    expect(unknown(payments)).toEqual([]);
    const custom = { ...crm, rules: [...crm.rules, { target: 'note', sources: ['$v.amount', '$param.day'], transforms: [], required: 'omit' as const }] };
    expect(documentProblems(custom, { sourceFields: SOURCE }).problems).toEqual([]);
    // A typo is still reported, at the root and among a group's members (`$items` are the grouped rows).
    const ustrd = 'Document.CstmrCdtTrfInitn.PmtInf.CdtTrfTxInf.RmtInf.Ustrd';
    const rules = payments.rules.map((r) => (r.target === ustrd ? { ...r, sources: ['Verwendungszwek'] } : r));
    const typo = { ...payments, rules: [...rules, { target: 'x', sources: ['Betrg'], transforms: [], required: 'omit' as const }] };
    expect(unknown(typo).map((p) => [p.code, p.target])).toEqual([
      ['MAP_UNKNOWN_SOURCE', ustrd],
      ['MAP_UNKNOWN_SOURCE', 'x'],
    ]);
  });

  it('finds nothing in the bundled mapping against its own source fields', () => {
    expect(documentProblems(crm, { sourceFields: SOURCE }).problems).toEqual([]);
  });

  it('reports a rule reading a source path the source does not have, with its target', () => {
    const doc = { ...crm, rules: crm.rules.map((r) => (r.target === 'address.city' ? { ...r, sources: ['billing.town'] } : r)) };
    expect(documentProblems(doc, { sourceFields: SOURCE }).problems).toEqual([
      expect.objectContaining({ kind: 'source', code: 'MAP_UNKNOWN_SOURCE', target: 'address.city' }),
    ]);
  });

  it('reports required fields nothing maps once per object, and counts the coverage', () => {
    const { problems, coverage } = documentProblems(without(crm, 'firstName'), { targetFields: TARGET });
    expect(problems.map((p) => [p.code, p.target])).toEqual([
      ['MAP_REQUIRED_UNMAPPED', 'firstName'],
      ['MAP_REQUIRED_UNMAPPED', 'vatId'],
      ['MAP_REQUIRED_UNMAPPED', 'bank'],
    ]);
    // Leaves: customerNumber and address.city mapped; firstName, vatId, shipping.city, bank.iban, bank.bic not.
    expect(coverage).toEqual({ mapped: 2, unmapped: 5, requiredUnmapped: 3 });
  });

  it('lists a missing required field nothing maps once: as unmapped, not again as the output violation', () => {
    const doc = without(crm, 'firstName');
    const { problems, coverage } = documentProblems(doc, {
      targetFields: TARGET,
      violations: [
        { path: 'firstName', code: 'MAP_REQUIRED_MISSING', message: 'required field is missing' },
        { path: 'bank', code: 'MAP_REQUIRED_MISSING', message: 'required field is missing' },
        { path: 'bank.iban', code: 'MAP_REQUIRED_MISSING', message: 'required field is missing' },
        // Mapped but empty: the rule is there, the violation is news.
        { path: 'customerNumber', code: 'MAP_REQUIRED_MISSING', message: 'required field is missing' },
        { path: 'vatId', code: 'MAP_TYPE', message: 'expected a string' },
      ],
    });
    expect(problems.map((p) => [p.kind, p.code, p.target])).toEqual([
      ['violation', 'MAP_REQUIRED_MISSING', 'customerNumber'],
      ['violation', 'MAP_TYPE', 'vatId'],
      ['unmapped', 'MAP_REQUIRED_UNMAPPED', 'firstName'],
      ['unmapped', 'MAP_REQUIRED_UNMAPPED', 'vatId'],
      ['unmapped', 'MAP_REQUIRED_UNMAPPED', 'bank'],
    ]);
    // One count everywhere: the unmapped entries are the coverage's required-unmapped count.
    expect(coverage?.requiredUnmapped).toBe(problems.filter((p) => p.code === 'MAP_REQUIRED_UNMAPPED').length);
    expect(targetCoverage(doc, TARGET)).toEqual({ coverage, requiredUnmapped: ['firstName', 'vatId', 'bank'] });
  });

  it('ties runtime errors, violations and a compile error to the rule they concern', () => {
    const { problems } = documentProblems(crm, {
      compileError: { code: 'DOC_INVALID', message: 'customerSince: date transform: bad pattern', line: 19 },
      fieldErrors: [{ field: 'contacts[].channel', code: 'MAP_REQUIRED', message: 'contacts[].channel is required' }],
      violations: [{ path: 'contacts[1].value', code: 'MAP_TYPE', message: 'expected a string' }],
    });
    expect(problems.map((p) => [p.kind, p.target, p.line])).toEqual([
      ['compile', 'customerSince', 19],
      ['runtime', 'contacts.channel', undefined],
      ['violation', 'contacts.value', undefined],
    ]);
  });
});
