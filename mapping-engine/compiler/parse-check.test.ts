import { describe, expect, it } from 'vitest';
import { compileDocument } from './compile-document';
import { doc } from './compiler-test-helpers';
import { assertParses } from './parse-check';

describe('assertParses', () => {
  it('passes what the compiler writes', () => {
    expect(() => assertParses(compileDocument(doc({ rules: [{ target: 'a', sources: ['x'] }] })))).not.toThrow();
  });

  it('names the target field where the generated text stops parsing', () => {
    const expression = '{\n  "ok": x,\n  "sorted": items^(<),\n  "after": y\n}';
    const start = expression.indexOf('items');
    const sourceMap = { ok: { start: 9, end: 10 }, sorted: { start, end: start + 'items^(<)'.length } };
    expect(() => assertParses({ expression, sourceMap })).toThrow(expect.objectContaining({ code: 'COMPILE_PARSE', message: expect.stringContaining('target field sorted') }));
  });
});
