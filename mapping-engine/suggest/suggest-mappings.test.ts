import { describe, expect, it } from 'vitest';
import { mappingDocumentSchema } from '../document/document-schema';
import { makeField, type SchemaField } from '../schema/model';
import { compareNames, normaliseName } from './normalise-name';
import { suggestMappings } from './suggest-mappings';
import { acceptSuggestions } from './suggest-project';
import { valueShape } from './value-shapes';

const origin = { kind: 'sample' as const };
function tree(spec: Record<string, unknown>, path: string[] = []): SchemaField[] {
  return Object.entries(spec).map(([name, v]) => {
    const p = [...path, name.replace(/\[\]$/, '')];
    const repeating = name.endsWith('[]');
    if (typeof v === 'string') return makeField({ name: p[p.length - 1]!, path: p, type: v as SchemaField['type'], origin, required: true, repeating });
    const { enum: e, ...rest } = v as Record<string, unknown>;
    if (Array.isArray(e)) return makeField({ name: p[p.length - 1]!, path: p, type: 'string', origin, required: true, enum: e as string[] });
    return makeField({ name: p[p.length - 1]!, path: p, type: 'object', origin, required: true, repeating, children: tree(rest, p) });
  });
}
const root = (spec: Record<string, unknown>) => makeField({ name: '', path: [], type: 'object', origin, children: tree(spec) });
const doc = mappingDocumentSchema.parse({ formatVersion: 1, name: 't', source: { format: 'json' }, target: { format: 'json' } });

describe('names', () => {
  it('normalises case, separators, plurals and abbreviations', () => {
    expect(compareNames(normaliseName('postal_code'), normaliseName('PostalCode')).score).toBe(1);
    expect(normaliseName('Qty').joined).toBe('quantity');
    expect(normaliseName('lines').joined).toBe('line');
  });
  it('knows integration synonyms', () => {
    for (const [a, b] of [['zip', 'postalCode'], ['surname', 'last_name'], ['familyName', 'surname'], ['dob', 'birthDate'], ['iban', 'accountNumber']]) {
      expect(compareNames(normaliseName(a!), normaliseName(b!)).score, `${a} ~ ${b}`).toBeGreaterThanOrEqual(0.9);
    }
  });
  it('does not match on a generic word alone', () => {
    expect(compareNames(normaliseName('Zahlungs-Nr'), normaliseName('Id')).score).toBe(0);
  });
});

describe('value shapes', () => {
  it('tells dates, numbers as text, emails and codes apart', () => {
    expect(valueShape(['01.02.2024', '31.12.2023'])).toEqual({ kind: 'date', pattern: 'dd.MM.yyyy' });
    expect(valueShape(['1.234,50', '12,00'])).toEqual({ kind: 'numberText', decimalSeparator: ',' });
    expect(valueShape(['a@b.de'])).toEqual({ kind: 'email' });
    expect(valueShape(['DE', 'fr'])).toEqual({ kind: 'countryCode' });
  });
});

describe('suggestMappings', () => {
  const source = root({ customer: { last_name: 'string', zip: 'string', dob: 'string', status: 'string' }, items: { '': 'string' }, 'lines[]': { qty: 'string', sku: 'string' }, orderNo: 'string' });
  const target = root({ surname: 'string', postalCode: 'string', birthDate: 'date', state: { enum: ['ACTIVE', 'INACTIVE'] }, 'positions[]': { quantity: 'number', sku: 'string', orderNumber: 'string' } });
  const samples = [{ customer: { last_name: 'Doe', zip: '12345', dob: '03.04.1980', status: 'A' }, lines: [{ qty: '2', sku: 'X' }], orderNo: 'O-1' }];
  const suggestions = suggestMappings({ document: doc, sourceRoot: source, targetRoot: target, sourceSamples: samples });
  const byTarget = new Map(suggestions.map((s) => [s.target, s]));

  it('maps synonyms with a confidence and a reason', () => {
    expect(byTarget.get('surname')).toMatchObject({ sources: ['customer.last_name'] });
    expect(byTarget.get('postalCode')!.reason).toMatch(/zip/);
    expect(byTarget.get('postalCode')!.confidence).toBeGreaterThan(0.8);
  });
  it('suggests a date reformat from the sample values', () => {
    expect(byTarget.get('birthDate')!.transforms).toEqual([expect.objectContaining({ kind: 'date', from: 'dd.MM.yyyy', to: 'yyyy-MM-dd' })]);
    expect(byTarget.get('birthDate')!.reason).toMatch(/dd\.MM\.yyyy dates, target is a date/);
  });
  it('suggests a value map from the target enum', () => {
    expect(byTarget.get('state')!.transforms[0]).toMatchObject({ kind: 'valueMap', entries: { A: 'ACTIVE' } });
  });
  it('suggests the array context and relative sources inside it', () => {
    expect(byTarget.get('positions')).toMatchObject({ kind: 'array', sources: ['lines'] });
    expect(byTarget.get('positions.quantity')).toMatchObject({ sources: ['qty'], requires: 'array:positions', transforms: [expect.objectContaining({ kind: 'parseNumber' })] });
    expect(byTarget.get('positions.orderNumber')).toMatchObject({ sources: ['../orderNo'] });
  });
  it('accepts one (with its context), a group and all as one edit each', () => {
    const one = acceptSuggestions(doc, [byTarget.get('positions.sku')!], suggestions);
    expect(one.ok && one.document.arrays.map((a) => a.target)).toEqual(['positions']);
    expect(one.ok && one.document.rules.map((r) => r.target)).toEqual(['positions.sku']);
    const all = acceptSuggestions(doc, suggestions);
    expect(all.ok && all.document.rules.length).toBe(suggestions.filter((s) => s.kind === 'rule').length);
    // Accepted fields are no longer suggested.
    if (all.ok) expect(suggestMappings({ document: all.document, sourceRoot: source, targetRoot: target, sourceSamples: samples })).toEqual([]);
  });
  it('starts an accepted rule as required: error where the target schema demands the field, else omit', () => {
    const optional = makeField({ name: 'nickname', path: ['nickname'], type: 'string', origin, required: false });
    const target = root({ surname: 'string' });
    target.children!.push(optional);
    const source = root({ last_name: 'string', nick_name: 'string' });
    const out = suggestMappings({ document: doc, sourceRoot: source, targetRoot: target });
    expect(out.map((s) => [s.target, s.required])).toEqual([['surname', 'error'], ['nickname', 'omit']]);
    const accepted = acceptSuggestions(doc, out);
    expect(accepted.ok && accepted.document.rules.map((r) => [r.target, r.required])).toEqual([['surname', 'error'], ['nickname', 'omit']]);
  });
});

describe('array contexts', () => {
  it('suggests the source list whose items hold the target items fields, though the lists are named apart, and the links inside it', () => {
    const source = root({ 'entries[]': { sku: 'string', qty: 'number', price: 'number' }, 'notes[]': { text: 'string', author: 'string' } });
    const target = root({ 'positions[]': { sku: 'string', quantity: 'number', price: 'number' } });
    const out = suggestMappings({ document: doc, sourceRoot: source, targetRoot: target });
    const list = out.find((s) => s.kind === 'array');
    expect(list).toMatchObject({ target: 'positions', sources: ['entries'] });
    expect(list!.reason).toContain('3 of 3 item fields match');
    expect(list!.confidence).toBeGreaterThanOrEqual(0.75);
    // The fields inside the list are suggested relative to it, and need it.
    expect(out.filter((s) => s.kind === 'rule').map((s) => [s.target, s.sources[0], s.requires])).toEqual([
      ['positions.sku', 'sku', 'array:positions'],
      ['positions.quantity', 'qty', 'array:positions'],
      ['positions.price', 'price', 'array:positions'],
    ]);
  });
  it('leaves a target list without a context when no source list fits by name or items', () => {
    const out = suggestMappings({ document: doc, sourceRoot: root({ 'notes[]': { text: 'string' }, 'tags[]': { label: 'string' } }), targetRoot: root({ 'positions[]': { sku: 'string', price: 'number' } }) });
    expect(out.filter((s) => s.kind === 'array')).toEqual([]);
  });
});
