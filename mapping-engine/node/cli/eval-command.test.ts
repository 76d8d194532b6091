import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { formatErrorLine, toCodedError } from '../../errors';
import { registerEvalCommand } from './eval-command';

const dir = mkdtempSync(join(tmpdir(), 'mapwright-eval-'));

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Runs `mapwright eval ...` through a program with only the eval command, as main.ts wires it. */
async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  let code = 0;
  const io = { stdout: (t: string) => void (out += t), stderr: (t: string) => void (err += t) };
  const program = new Command('mapwright').exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  registerEvalCommand(program, io, (c) => (code = c));
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    // main.ts prints thrown coded errors the same way and exits 2.
    err += `${formatErrorLine(toCodedError(error))}\n`;
    code = 2;
  }
  return { code, out, err };
}

describe('mapwright eval', () => {
  it('evaluates against a JSON payload and prints JSON', async () => {
    const expr = file('total.jsonata', '{ "total": $sum(lines.(qty * price)) }');
    const input = file('order.json', JSON.stringify({ lines: [{ qty: 2, price: 5 }, { qty: 1, price: 3 }] }));
    const { code, out, err } = await run('eval', expr, '--input', input);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({ total: 13 });
  });

  it('reads XML with the studio conventions (@attr, #text, local names)', async () => {
    const expr = file('xml.jsonata', 'Invoice.Amount.{ "currency": `@currencyID`, "value": `#text` }');
    const input = file('inv.xml', '<Invoice xmlns:cbc="urn:x"><cbc:Amount currencyID="EUR">12.50</cbc:Amount></Invoice>');
    const { code, out } = await run('eval', expr, '--input', input);
    expect(code).toBe(0);
    const value = JSON.parse(out) as { currency: string };
    expect(value.currency).toBe('EUR');
  });

  it('reads CSV rows as records with --from csv', async () => {
    const expr = file('csv.jsonata', '$.name');
    const input = file('people.txt', 'name;city\nAda;Berlin\nLin;Paris\n');
    const { code, out } = await run('eval', expr, '--input', input, '--from', 'csv');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual(['Ada', 'Lin']);
  });

  it('prints nothing on stdout for no result', async () => {
    const { code, out, err } = await run('eval', file('none.jsonata', 'missing'), '--input', file('a.json', '{}'));
    expect(code).toBe(0);
    expect(out).toBe('');
    expect(err).toContain('no result');
  });

  it('exits 2 with RUN_EXPRESSION naming the expression file, line and column', async () => {
    const expr = file('bad.jsonata', '{\n  "a": b +\n}');
    const { code, err } = await run('eval', expr, '--input', file('b.json', '{}'));
    expect(code).toBe(2);
    expect(err).toMatch(/^RUN_EXPRESSION .*bad\.jsonata:3:\d+: /);
  });

  it('exits 2 with RUN_TIMEOUT for a runaway expression under --timeout', async () => {
    const expr = file('loop.jsonata', '($f := function($x){ $f($x) }; $f(1))');
    const { code, err } = await run('eval', expr, '--input', file('c.json', '{}'), '--timeout', '200');
    expect(code).toBe(2);
    expect(err).toMatch(/^RUN_TIMEOUT /);
  });

  it('exits 2 with coded errors for bad usage and bad input', async () => {
    const expr = file('ok.jsonata', '1');
    expect((await run('eval', expr)).err).toMatch(/^USAGE[ :]/);
    expect((await run('eval', expr, '--input', file('d.json', '{}'), '--from', 'yaml')).err).toMatch(/^USAGE[ :]/);
    expect((await run('eval', expr, '--input', file('e.json', '{}'), '--timeout', 'soon')).err).toMatch(/^USAGE[ :]/);
    expect((await run('eval', expr, '--input', join(dir, 'absent.json'))).err).toMatch(/^FILE_READ[ :]/);
    expect((await run('eval', expr, '--input', file('broken.json', '{"a":'))).err).toMatch(/^JSON_PARSE[ :]/);
  });
});
