import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../errors';
import { cancelledError, classifyRunError, memoryError, timeoutError, validationTimeoutError, workerCrashedError } from './run-errors';
import { DEFAULT_RUN_LIMITS, resolveRunLimits } from './run-limits';

/** What jsonata really throws for `expression`, at parse or evaluation time. */
async function thrownBy(expression: string, options?: jsonata.JsonataOptions, input: unknown = { a: 1 }): Promise<unknown> {
  try {
    await jsonata(expression, options).evaluate(input);
  } catch (error) {
    return error;
  }
  throw new Error(`expected ${expression} to fail`);
}

describe('classifyRunError', () => {
  it('makes a syntax error RUN_EXPRESSION with line and column from its position', async () => {
    const expression = '{\n  "total": a +\n}';
    const error = classifyRunError(await thrownBy(expression), expression);
    expect(error).toMatchObject({ code: 'RUN_EXPRESSION', jsonataCode: expect.stringMatching(/^S0/), line: 3, column: 1 });
  });

  it('makes a runtime error RUN_EVALUATION with code, token and position', async () => {
    const expression = '$number("x")';
    const error = classifyRunError(await thrownBy(expression), expression);
    expect(error).toMatchObject({ code: 'RUN_EVALUATION', jsonataCode: 'D3030', position: 8, line: 1, column: 8 });
  });

  it("shows a payload value in jsonata's own messages only by its shape, and keeps the mapping's own messages", async () => {
    const cast = classifyRunError(await thrownBy('$number(name)', undefined, { name: 'Anna Schmidt 42' }), '$number(name)');
    expect(cast.message).not.toContain('Anna');
    expect(cast.message).toContain('a value shaped "Aaaa Aaaaaaa 99"');
    const negated = classifyRunError(await thrownBy('-code', undefined, { code: 'X-4711' }), '-code');
    expect(negated.message).not.toContain('4711');
    const raised = classifyRunError(await thrownBy('$error("email is required (accountId \\"A-1\\")")'), '');
    expect(raised.message).toBe('email is required (accountId "A-1")');
  });

  it("keeps the expression's own literals and the limits readable: only payload values are shaped", async () => {
    const literal = '$number("drei")';
    expect(classifyRunError(await thrownBy(literal), literal).message).toContain('"drei"');
    const single = "$number('vier')";
    expect(classifyRunError(await thrownBy(single), single).message).toContain('"vier"');
    const loop = '($f := function($x){ $f($x) }; $f(1))';
    const timeout = classifyRunError(await thrownBy(loop, { timeout: 50 }), loop);
    expect(timeout.code).toBe('RUN_TIMEOUT');
    expect(timeout.message).toContain('after 50 milliseconds');
    expect(timeout.message).not.toContain('shaped');
    const deep = '($f := function($x){ 1 + $f($x) }; $f(1))';
    const long = '$map([1..20], function($v){ $v })';
    for (const [expression, options] of [[deep, { stack: 50 }], [long, { sequence: 5 }]] as const) {
      expect(classifyRunError(await thrownBy(expression, options), expression).message).not.toContain('shaped');
    }
  });

  it('shapes a number from the payload but not the same digits inside a longer number', () => {
    const thrown = { code: 'D1001', value: 12, message: 'Number out of range: 12 (not 123 or 1.12)', position: 1 };
    expect(classifyRunError(thrown, 'x * y').message).toBe('Number out of range: a value shaped "99" (not 123 or 1.12)');
    expect(classifyRunError(thrown, 'x * 12').message).toBe('Number out of range: 12 (not 123 or 1.12)');
  });

  it('maps jsonata guards to limit codes', async () => {
    const deep = '($f := function($x){ 1 + $f($x) }; $f(1))';
    expect(classifyRunError(await thrownBy(deep, { stack: 50 }), deep).code).toBe('RUN_STACK');
    const loop = '($f := function($x){ $f($x) }; $f(1))';
    expect(classifyRunError(await thrownBy(loop, { timeout: 50 }), loop).code).toBe('RUN_TIMEOUT');
    const long = '$map([1..20], function($v){ $v })';
    expect(classifyRunError(await thrownBy(long, { sequence: 5 }), long).code).toBe('RUN_MEMORY');
  });

  it('maps engine RangeErrors: string length to RUN_MEMORY, call stack to RUN_STACK', async () => {
    expect(classifyRunError(await thrownBy('$pad("", 1e9)'), '$pad("", 1e9)').code).toBe('RUN_MEMORY');
    expect(classifyRunError(new RangeError('Maximum call stack size exceeded'), 'x').code).toBe('RUN_STACK');
    expect(classifyRunError(new RangeError('Invalid time value'), 'x').code).toBe('RUN_EVALUATION');
  });

  it('copes with anything thrown', () => {
    expect(classifyRunError('boom', 'x')).toEqual({ code: 'RUN_EVALUATION', message: 'boom' });
    expect(classifyRunError({ code: 'ENOENT', message: 'no' }, 'x')).toEqual({ code: 'RUN_EVALUATION', message: 'no' });
  });

  it('builds host-side errors with registered codes', () => {
    const made = [timeoutError({ timeoutMs: 5 }), cancelledError(), memoryError({ memoryMb: 64 }), workerCrashedError('exit code 1'), validationTimeoutError({ timeoutMs: 5 })];
    expect(made.map((e) => e.code)).toEqual(['RUN_TIMEOUT', 'RUN_CANCELLED', 'RUN_MEMORY', 'RUN_WORKER_CRASHED', 'VALIDATION_TIMEOUT']);
    for (const error of made) expect(ERROR_CODES).toContain(error.code);
  });
});

describe('resolveRunLimits', () => {
  it('fills from the defaults and keeps an optional sequence limit', () => {
    expect(resolveRunLimits({ timeoutMs: 10 })).toEqual({ ...DEFAULT_RUN_LIMITS, timeoutMs: 10 });
    expect(resolveRunLimits({ maxSequence: 100 }).maxSequence).toBe(100);
  });

  it.each([{ timeoutMs: 0 }, { maxDepth: 1.5 }, { memoryMb: 4 }, { maxSequence: -1 }, { timeoutMs: Number.NaN }])('rejects %o with USAGE', (limits) => {
    expect(() => resolveRunLimits(limits)).toThrow(expect.objectContaining({ code: 'USAGE' }));
  });
});
