import { describe, expect, it } from 'vitest';
import { makeField, type SchemaField } from '../../schema/model';
import { initialPolicy, schemaDemands, schemaLevels } from './required-policy';

const origin = { kind: 'sample' as const };
const f = (name: string, path: string[], required: boolean, extra: Partial<SchemaField> = {}): SchemaField =>
  makeField({ name, path, type: extra.children ? 'object' : 'string', origin, required, ...extra });

// orderNumber (required), note (optional); shipTo (required) { city (required) }; billing (optional) { city (required) };
// lines (optional list) [ { sku (required), text (optional) } ].
const root = makeField({
  name: '', path: [], type: 'object', origin, children: [
    f('orderNumber', ['orderNumber'], true),
    f('note', ['note'], false),
    f('shipTo', ['shipTo'], true, { children: [f('city', ['shipTo', 'city'], true)] }),
    f('billing', ['billing'], false, { children: [f('city', ['billing', 'city'], true)] }),
    f('lines', ['lines'], false, { repeating: true, children: [f('sku', ['lines', 'sku'], true), f('text', ['lines', 'text'], false)] }),
  ],
});
const policy = (...names: string[]) => initialPolicy(schemaLevels(root, names));

describe('initialPolicy', () => {
  it('starts a required field as error and an optional one as omit', () => {
    expect(policy('orderNumber')).toBe('error');
    expect(policy('note')).toBe('omit');
  });

  it('demands a required field of a required object, not of an optional one (the object is left out)', () => {
    expect(policy('shipTo', 'city')).toBe('error');
    expect(policy('billing', 'city')).toBe('omit');
  });

  it('demands a required field of a list item even when the list is optional', () => {
    expect(policy('lines', 'sku')).toBe('error');
    expect(policy('lines', 'text')).toBe('omit');
  });

  it('is omit for a field the schema does not have or levels unknown', () => {
    expect(schemaLevels(root, ['nope'])).toBeUndefined();
    expect(policy('nope')).toBe('omit');
    expect(initialPolicy(undefined)).toBe('omit');
    expect(schemaDemands({ requires: [], repeats: [] })).toBe(false);
  });
});
