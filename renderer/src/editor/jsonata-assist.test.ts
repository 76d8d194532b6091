import { describe, expect, it } from 'vitest';
import { completionsAt, hoverAt, parseMarker } from './jsonata-assist';

const SOURCES = ['accountId', 'fullName', 'billing', 'billing.city', 'billing.countryCode', 'contacts', 'contacts.type'];

describe('completionsAt', () => {
  it('offers functions with their signatures after $', () => {
    const { items, replace } = completionsAt('$upp', SOURCES);
    expect(items.map((i) => i.label)).toEqual(['$uppercase']);
    expect(items[0]).toMatchObject({ kind: 'function', insertText: '$uppercase(', detail: '$uppercase(str) → string' });
    expect(replace).toBe(4);
  });

  it('offers source paths by the word typed, and the fields below a typed parent', () => {
    expect(completionsAt('$uppercase(bil', SOURCES).items.map((i) => i.label)).toEqual(['billing', 'billing.city', 'billing.countryCode']);
    const below = completionsAt('"x": billing.c', SOURCES);
    expect(below.items.map((i) => i.label)).toEqual(['city', 'countryCode']);
    expect(below.replace).toBe(1);
    expect(completionsAt('"a"', SOURCES).items).toEqual([]);
  });
});

describe('hoverAt', () => {
  it('documents the function under the cursor', () => {
    const line = '  "x": $trim(name)';
    expect(hoverAt(line, 9)?.text).toContain('$trim(str) → string');
    expect(hoverAt(line, 3)).toBeUndefined();
    expect(hoverAt('$myOwn(1)', 2)).toBeUndefined();
  });
});

describe('parseMarker', () => {
  it('marks a syntax error at its line, and nothing for valid text', () => {
    expect(parseMarker('{ "a": b }')).toBeUndefined();
    const marker = parseMarker('{\n  "a": b +\n}');
    expect(marker).toMatchObject({ code: 'COMPILE_PARSE', startLineNumber: 3 });
    expect(parseMarker('(\n  $x := 1;\n  "a" "b"\n)')?.startLineNumber).toBe(3);
  });
});
