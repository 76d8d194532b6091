import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { compileDocument } from './compile-document';
import { doc } from './compiler-test-helpers';
import { fieldAtOffset } from './source-map-lookup';
import { buildTargetTree } from './target-tree';
import { nameValueMaps } from './value-map-names';

const STATUS = { A: 'ACTIVE', I: 'INACTIVE' };

describe('value maps bound at the top', () => {
  const d = doc({
    arrays: [{ target: 'contacts', source: 'contacts' }],
    rules: [
      { target: 'status', sources: ['status'], transforms: [{ kind: 'valueMap', entries: STATUS, default: 'NEW' }] },
      { target: 'contacts.status', sources: ['state'], transforms: [{ kind: 'valueMap', entries: { x: 1 } }, { kind: 'valueMap', entries: { '1': true }, onUnknown: 'keep' }] },
      { target: '`cbc:ID`', sources: ['id'], transforms: [{ kind: 'valueMap', entries: {} }] },
    ],
  });

  it('names each map after its field, then its path, then with a number, in compiled order', () => {
    expect(nameValueMaps(buildTargetTree(d)).map((m) => [m.variable, m.target, m.index])).toEqual([
      ['$statusMap', 'status', 0],
      ['$contactsStatusMap', 'contacts.status', 0],
      ['$contactsStatusMap2', 'contacts.status', 1],
      ['$cbcIDMap', '`cbc:ID`', 0],
    ]);
    const odd = doc({ rules: ['`#text`', '`2nd`', '`!`'].map((target) => ({ target, sources: ['x'], transforms: [{ kind: 'valueMap' as const, entries: {} }] })) });
    expect(nameValueMaps(buildTargetTree(odd)).map((m) => m.variable)).toEqual(['$textMap', '$field2ndMap', '$valueMap']);
  });

  it('binds every map once, one entry per line, and the fields read it', async () => {
    const { expression } = compileDocument(d);
    expect(expression.startsWith('(\n')).toBe(true);
    expect(expression.includes('\n  $statusMap := {\n    "A": "ACTIVE",\n    "I": "INACTIVE"\n  };\n  $contactsStatusMap := {\n    "x": 1\n  };\n')).toBe(true);
    expect(expression).toContain('\n  $cbcIDMap := {};\n');
    expect(expression.match(/"ACTIVE"/g)).toHaveLength(1);
    expect(expression).toContain('"status": $omitEmpty(($v := status; $k := $string($v); $exists($v) ? ($exists($lookup($statusMap, $k)) ? $lookup($statusMap, $k) : "NEW") : ())),');
    expect(compileDocument(structuredClone(d)).expression).toBe(expression);
    expect(await jsonata(expression).evaluate({ status: 'I', id: 'z', contacts: [{ state: 'x' }, { state: 'y' }] })).toEqual({ status: 'INACTIVE', contacts: [{ status: true }, {}] });
  });

  it('gives the bindings no field span: fieldAtOffset is undefined there', () => {
    const { expression, sourceMap } = compileDocument(d);
    const binding = expression.indexOf('$contactsStatusMap :=');
    expect(fieldAtOffset(sourceMap, binding)).toBeUndefined();
    const use = expression.indexOf('$lookup($contactsStatusMap');
    expect(fieldAtOffset(sourceMap, use)).toBe('contacts.status');
  });
});
