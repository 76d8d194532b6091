import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from './main';

const repo = join(import.meta.dirname, '..', '..', '..');
const corpus = join(repo, 'tests', 'fixtures', 'corpus');

/** Runs the CLI in-process and captures its output. */
async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (t) => void (out += t), stderr: (t) => void (err += t) });
  return { code, out, err };
}

function tempFile(name: string, content: string | Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'mapwright-cli-'));
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

describe('mapwright infer', () => {
  it('prints one field per line with --flat for a CSV sample', async () => {
    const file = tempFile('people.csv', 'id;zip;active\n001;01067;true\n002;75001;false\n003;10115;true\n');
    const { code, out, err } = await run('infer', file, '--flat');
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out.split('\n')).toEqual(expect.arrayContaining(['id\tstring\trequired', 'zip\tstring\trequired', 'active\tboolean\trequired']));
  });

  it('merges several samples: optional when absent, repeating when an array anywhere', async () => {
    const a = tempFile('a.json', JSON.stringify({ id: 1, tag: 'x', extra: true }));
    const b = tempFile('b.json', JSON.stringify({ id: 2, tag: ['y', 'z'] }));
    const { code, out } = await run('infer', a, b, '--flat');
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines).toContain('id\tinteger\trequired');
    expect(lines).toContain('tag\tstring\trepeating,required');
    expect(lines).toContain('extra\tboolean');
  });

  it('loads the UBL 2.1 Invoice XSD with its imports and prints JSON', async () => {
    const { code, out } = await run('infer', join(corpus, 'xsd/ubl-2.1/maindoc/UBL-Invoice-2.1.xsd'));
    expect(code).toBe(0);
    const doc = JSON.parse(out) as { root: { children: Array<{ name: string }> } };
    expect(doc.root.children.map((c) => c.name)).toEqual(['Invoice']);
  });

  it('picks an OpenAPI component with --root', async () => {
    const { code, out } = await run('infer', join(corpus, 'openapi/oai-examples/v3.0/petstore-expanded.yaml'), '--root', 'Pet', '--flat');
    expect(code).toBe(0);
    expect(out).toMatch(/^name\tstring\trequired$/m);
    expect(out).toMatch(/^id\tinteger\trequired$/m);
  });
});

describe('mapwright convert', () => {
  it('gives InvoiceLine as an array for a single-line UBL invoice when the XSD says it repeats', async () => {
    const { code, out } = await run(
      'convert',
      join(corpus, 'xml/ubl-2.1/UBL-Invoice-2.1-Example-Trivial.xml'),
      '--to',
      'json',
      '--schema',
      join(corpus, 'xsd/ubl-2.1/maindoc/UBL-Invoice-2.1.xsd'),
    );
    expect(code).toBe(0);
    const value = JSON.parse(out) as { Invoice: { InvoiceLine: unknown } };
    expect(Array.isArray(value.Invoice.InvoiceLine)).toBe(true);
  });

  it('converts CSV to JSON by streaming into a file, atomically', async () => {
    const file = tempFile('rows.csv', 'a,b\r\n1,"x, y"\r\n2,"multi\nline"\r\n');
    const out = join(file, '..', 'rows.json');
    const { code } = await run('convert', file, '--to', 'json', '--out', out);
    expect(code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual([
      { a: '1', b: 'x, y' },
      { a: '2', b: 'multi\nline' },
    ]);
  });

  it('notes truncation on stderr with --limit', async () => {
    const file = tempFile('many.csv', `n\n${Array.from({ length: 50 }, (_, i) => i).join('\n')}\n`);
    const { code, out, err } = await run('convert', file, '--to', 'json', '--limit', '10');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toHaveLength(10);
    const match = /^truncated: 10 of (about )?(\d+) records/.exec(err);
    expect(match).not.toBeNull();
    // The total is estimated from the bytes read so far; it must be in the right range.
    expect(Number(match?.[2])).toBeGreaterThanOrEqual(40);
    expect(Number(match?.[2])).toBeLessThanOrEqual(65);
  });

  it('round-trips XML through JSON conventions back to XML', async () => {
    const file = join(corpus, 'xml/books/books.xml');
    const { code, out } = await run('convert', file, '--to', 'xml');
    expect(code).toBe(0);
    const again = tempFile('again.xml', out);
    const first = await run('convert', file, '--to', 'json');
    const second = await run('convert', again, '--to', 'json');
    expect(second.out).toBe(first.out);
  });
});

describe('CLI errors', () => {
  it('exits 2 with a one-line coded error for malformed JSON, naming line and column', async () => {
    const file = tempFile('bad.json', '{\n  "a": 1,\n  "b" 2\n}\n');
    const { code, err, out } = await run('convert', file, '--to', 'csv');
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/^JSON_PARSE \S*bad\.json:3:7: /);
    expect(err.trim().split('\n')).toHaveLength(1);
  });

  it('exits 2 with FILE_READ for a missing file and USAGE for a bad format', async () => {
    expect((await run('infer', '/nonexistent/x.json')).err).toMatch(/^FILE_READ /);
    const bad = await run('convert', join(corpus, 'xml/books/books.xml'), '--to', 'yaml');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^USAGE: unknown format "yaml"/);
  });

  it('exits 2 on an unknown command and 0 for --help', async () => {
    expect((await run('frobnicate')).code).toBe(2);
    expect((await run('--help')).code).toBe(0);
  });

  it('runs as a real process through bin/mapwright.mjs without a stack trace', async () => {
    const bin = join(repo, 'bin', 'mapwright.mjs');
    expect(existsSync(bin)).toBe(true);
    const result = await promisify(execFile)(process.execPath, [bin, 'infer', join(corpus, 'xml/fast-xml-parser/mixed.xml')]).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect('code' in result ? result.code : 0).toBe(2);
    expect(result.stderr).toMatch(/^XML_PARSE \S*mixed\.xml:\d+:\d+: /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
