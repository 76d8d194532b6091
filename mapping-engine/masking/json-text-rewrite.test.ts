import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../payload/types';
import { rewriteJsonText } from './json-text-rewrite';
import { maskPayload } from './mask-payload';

const key = new TextEncoder().encode('json-rewrite-test-key-0123456789');

describe('rewriteJsonText', () => {
  it('changes only masked tokens and keeps layout and number spelling', () => {
    const text = '{\n  "email" : "bob@corp.example.de",\t"price": 1.10, "big": 1e3,\n  "tags": [ ],\n  "name\\"x": "a\\"b", "ok": true }\n';
    const before = JSON.parse(text) as JsonValue;
    const { value } = maskPayload(before, { key });
    const out = rewriteJsonText(text, before, value)!;
    expect(out).toBeDefined();
    expect(out.replace(/"email" : "[^"]+"/, '"email" : "X"')).toBe(text.replace(/"email" : "[^"]+"/, '"email" : "X"'));
    expect(out).toContain('1.10');
    expect(out).toContain('1e3');
    expect(JSON.parse(out)).toEqual(value);
  });

  it('gives up when JavaScript reorders integer-like keys', () => {
    const text = '{"email": "a@corp.example.de", "2": "b@corp.example.de"}';
    const before = JSON.parse(text) as JsonValue;
    const { value } = maskPayload(before, { key });
    expect(rewriteJsonText(text, before, value)).toBeUndefined();
  });
});
