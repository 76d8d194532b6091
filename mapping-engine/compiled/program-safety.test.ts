/**
 * A compiled program is built with `new Function`, so nothing a document
 * says may become code: every user string enters the program as a JSON
 * literal, and the program sees none of the names through which code could
 * reach Node or the host.
 */
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../document/load-document';
import type { MappingDocumentInput } from '../document/document-schema';
import { compileProgram } from './compile-program';
import { buildProgram, runProgram } from './run-program';

const HOSTILE = ['"); globalThis.hacked = 1; ("', "'; process.exit(1); '", '`${process.exit(1)}`', '\u2028\u2029</script>', '\\"', '*/ throw 1; /*'];

describe('compiled program safety', () => {
  it('keeps hostile names, constants, map entries and patterns as data', () => {
    const input: MappingDocumentInput = {
      formatVersion: 1,
      name: 'hostile',
      source: { format: 'json' },
      target: { format: 'json' },
      rules: HOSTILE.map((text, i) => ({
        target: `\`f${i}${text.replace(/[`.]/g, '')}\``,
        sources: [`\`${text.replace(/[`.]/g, '')}\``],
        transforms: [{ kind: 'valueMap', entries: { [text]: text }, default: text }, { kind: 'replace', pattern: text, replacement: text }],
      })),
    };
    const { document } = loadDocument(JSON.stringify(input));
    const result = compileProgram(document);
    if (!('program' in result)) throw new Error(result.unsupported);
    const payload = Object.fromEntries(HOSTILE.map((text) => [text.replace(/[`.]/g, ''), text]));
    const outcome = runProgram(result.program, payload);
    expect('value' in outcome).toBe(true);
    expect(Object.values((outcome as { value: Record<string, unknown> }).value)).toEqual(HOSTILE);
    expect((globalThis as { hacked?: unknown }).hacked).toBeUndefined();
  });

  it('gives a program no way to name process, require or the global object', () => {
    const probe = buildProgram('return function () { return [typeof process, typeof require, typeof globalThis, typeof Function, typeof setTimeout, typeof Buffer]; };');
    expect(probe(undefined)).toEqual(['undefined', 'undefined', 'undefined', 'undefined', 'undefined', 'undefined']);
  });
});
