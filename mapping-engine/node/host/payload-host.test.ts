/**
 * Payload work in a real forked engine host: previews and file runs are read
 * in the host, only bounded strings come back, and a host killed mid-run is
 * replaced; a sample is masked in the host and only the masked copy is
 * written. The in-process host is the reference for "same behaviour".
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPayload } from '../../payload/read-payload';
import { RunnerPool } from '../runner/runner-pool';
import { EngineHostClient, type EngineHostProcess } from './engine-host-client';
import { forkEngineHost } from './fork-host';
import { LocalPayloadHost, payloadHostOf } from './payload-host';

/** Backtracks for minutes: only killing its thread (or its process) stops it. */
const CATASTROPHIC = '$match("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", /(a+)+$/)';

let dir: string;
let csvFile: string;
let csvRows: number;
let jsonlFile: string;
let pool: RunnerPool;
let client: EngineHostClient;
/** Length of every message string the client received from its hosts. */
const received: number[] = [];
/** Every message string the client received, for tests that check what crossed back. */
const receivedTexts: string[] = [];

/** A forked host whose incoming messages are measured before the client sees them. */
function measuredHost(): EngineHostProcess {
  const child = forkEngineHost({ poolSize: 1 });
  return {
    postMessage: (text) => child.postMessage(text),
    on: ((event: string, listener: (...args: never[]) => void) => {
      if (event !== 'message') return child.on(event as 'exit', listener as () => void);
      return child.on('message', (message: unknown) => {
        received.push(typeof message === 'string' ? message.length : -1);
        receivedTexts.push(typeof message === 'string' ? message : JSON.stringify(message));
        (listener as (message: unknown) => void)(message);
      });
    }) as EngineHostProcess['on'],
    kill: () => child.kill(),
    get pid() {
      return child.pid;
    },
  };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mapwright-payload-host-'));
  // ~30 MB of CSV: far more than any preview page should ever move.
  const lines = ['id,name,city,amount,note'];
  for (let i = 0; i < 420_000; i++) lines.push(`${i},customer ${i},Springfield ${i % 97},${(i * 1.25).toFixed(2)},"note, with comma ${i}"`);
  csvRows = lines.length - 1;
  csvFile = join(dir, 'big.csv');
  writeFileSync(csvFile, lines.join('\n'));
  expect(statSync(csvFile).size).toBeGreaterThan(28_000_000);
  jsonlFile = join(dir, 'orders.jsonl');
  writeFileSync(jsonlFile, Array.from({ length: 2000 }, (_, i) => JSON.stringify({ id: i, total: i % 50, tags: i % 3 ? ['a'] : [] })).join('\n'));
  pool = new RunnerPool({ size: 1 });
  client = new EngineHostClient(measuredHost);
});

afterAll(async () => {
  await client.close();
  await pool.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('PayloadHost through a forked engine host', () => {
  it('previews page 2 of a ~30 MB CSV with a total, and only a small message crosses back', async () => {
    received.length = 0;
    const page = await client.readPreview({ file: csvFile, shownAs: 'big.csv', page: 1, pageSize: 50 });
    expect(page.format).toBe('csv');
    expect(page.records.map((r) => r.index)).toEqual(Array.from({ length: 50 }, (_, i) => 50 + i));
    // Without a schema, CSV values stay text.
    expect(JSON.parse(page.records[0]!.text)).toEqual({ id: '50', name: 'customer 50', city: 'Springfield 50', amount: '62.50', note: 'note, with comma 50' });
    // The total of a cut CSV is an estimate from the share of text read (early rows are shorter here): the right order of magnitude.
    expect(page.totalExact).toBe(false);
    expect(page.total).toBeGreaterThan(csvRows * 0.5);
    expect(page.total).toBeLessThan(csvRows * 2);
    expect(page.truncated).toBe(true);
    const biggest = Math.max(...received);
    expect(biggest).toBeGreaterThan(0);
    expect(biggest).toBeLessThan(30_000);
    // The same page as the in-process host gives.
    expect(await new LocalPayloadHost(() => pool).readPreview({ file: csvFile, shownAs: 'big.csv', page: 1, pageSize: 50 })).toEqual(page);
  });

  it('runs a JSON Lines file in the host with the same value as the in-process path', async () => {
    const expression = '{ "count": $count($), "sum": $sum(total), "tagged": $count($[$count(tags) > 0]) }';
    const remote = await client.runFile({ expression, file: jsonlFile, shownAs: 'orders.jsonl', format: 'jsonl' });
    const local = await payloadHostOf(pool).runFile({ expression, file: jsonlFile, shownAs: 'orders.jsonl', format: 'jsonl' });
    expect(remote.error).toBeUndefined();
    expect(remote.value).toEqual(local.value);
    expect(remote.value).toEqual({ count: 2000, sum: 49_000, tagged: 1333 });
    expect(remote.input).toMatchObject({ format: 'jsonl' });
    // And the in-process path equals evaluating the parsed file directly.
    const parsed = readPayload(readFileSync(jsonlFile), { format: 'jsonl' });
    expect((await pool.run({ expression, input: parsed.value })).value).toEqual(remote.value);
  });

  it('validates the value in the host, and stops a target pattern that backtracks for ever with VALIDATION_TIMEOUT', async () => {
    const expression = '{ "count": $string($count($)) }';
    const checked = await client.runFile({ expression, file: jsonlFile, format: 'jsonl', validate: { jsonSchema: { properties: { count: { pattern: '^1' } } } } });
    expect(checked.value).toEqual({ count: '2000' });
    expect(checked.violations?.map((v) => `${v.code} ${v.path}`)).toEqual(['MAP_PATTERN count']);
    const evil = { jsonSchema: { properties: { s: { pattern: '^(a+)+$' } } } };
    const stopped = await client.runFile({ expression: `{ "s": "${'a'.repeat(40)}b" }`, file: jsonlFile, format: 'jsonl', validate: evil, limits: { timeoutMs: 300 } });
    expect(stopped.error?.code).toBe('VALIDATION_TIMEOUT');
    expect(stopped.value).toBeUndefined();
    expect((await client.runFile({ expression, file: jsonlFile, format: 'jsonl' })).value).toEqual({ count: '2000' });
  });

  it('throws the coded read errors a local read throws, naming the shown file', async () => {
    const broken = join(dir, 'broken.jsonl');
    writeFileSync(broken, '{"a":1}\n{"a":\n');
    const remote = client.runFile({ expression: '$', file: broken, shownAs: 'broken.jsonl' });
    await expect(remote).rejects.toMatchObject({ name: 'MapwrightError', code: 'JSONL_PARSE', file: 'broken.jsonl', line: 2 });
    await expect(client.readPreview({ file: broken, shownAs: 'broken.jsonl', pageSize: 5 })).rejects.toMatchObject({ code: 'JSONL_PARSE', line: 2 });
    await expect(client.readPreview({ file: join(dir, 'missing.csv'), shownAs: 'missing.csv' })).rejects.toMatchObject({ code: 'FILE_READ', file: 'missing.csv' });
  });

  it('ends a file run with RUN_HOST_CRASHED when the host is killed, and the next call works', async () => {
    await client.readPreview({ file: jsonlFile, pageSize: 1 });
    const firstPid = client.hostPid;
    const long = client.runFile({ expression: CATASTROPHIC, file: jsonlFile, limits: { timeoutMs: 60_000 } });
    await new Promise((resolve) => setTimeout(resolve, 600));
    process.kill(firstPid!, 'SIGKILL');
    const crashed = await long;
    expect(crashed.error?.code).toBe('RUN_HOST_CRASHED');
    expect(crashed.value).toBeUndefined();
    expect((await client.runFile({ expression: '$count($)', file: jsonlFile })).value).toBe(2000);
    expect(client.hostPid).not.toBe(firstPid);
  });

  it('cancels a file run and keeps the host', async () => {
    await client.readPreview({ file: jsonlFile, pageSize: 1 });
    const pid = client.hostPid;
    const controller = new AbortController();
    const long = client.runFile({ expression: CATASTROPHIC, file: jsonlFile, limits: { timeoutMs: 60_000 } }, { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 400));
    controller.abort();
    expect((await long).error?.code).toBe('RUN_CANCELLED');
    expect((await client.readPreview({ file: jsonlFile, page: 1999, pageSize: 1 })).records[0]?.index).toBe(1999);
    expect(client.hostPid).toBe(pid);
  });

  it('uses a runner that is a payload host as one, and previews in-process without any runner', async () => {
    expect(payloadHostOf(client)).toBe(client);
    const local = payloadHostOf(undefined);
    expect((await local.readPreview({ file: jsonlFile, page: 3, pageSize: 2 })).records.map((r) => r.index)).toEqual([6, 7]);
    await expect(local.runFile({ expression: '$', file: jsonlFile })).rejects.toMatchObject({ code: 'USAGE' });
  });

  it('masks a CSV in the host: the written copy and every message back are free of the original emails', async () => {
    const emails = Array.from({ length: 40 }, (_, i) => `person.${i}.sommerfeld@example.org`);
    const original = join(dir, 'people.csv');
    writeFileSync(original, ['id,email,qty', ...emails.map((email, i) => `${i},${email},${i * 3}`)].join('\n'));
    const key = 'a1'.repeat(32);
    const out = join(dir, 'people.masked.csv');
    receivedTexts.length = 0;
    const result = await client.maskFile({ file: original, shownAs: 'people.csv', key, out });
    expect(result.format).toBe('csv');
    expect(result.report.find((entry) => entry.path === '[].email')).toMatchObject({ category: 'email', count: 40, masked: true });
    const written = readFileSync(out, 'utf8');
    expect(result.bytes).toBe(statSync(out).size);
    for (const email of emails) expect(written).not.toContain(email);
    // Still a CSV of the same shape: header, 40 rows, untouched columns kept.
    const rows = written.trim().split(/\r?\n/);
    expect(rows[0]).toBe('id,email,qty');
    expect(rows).toHaveLength(41);
    expect(rows[5]).toMatch(/^4,[^@,\s]+@[^@,\s]+,12$/);
    expect(receivedTexts.length).toBeGreaterThan(0);
    for (const text of receivedTexts) expect(text).not.toMatch(/sommerfeld/i);
    // The in-process host writes the same bytes with the same key.
    const localOut = join(dir, 'people.local.csv');
    expect(await new LocalPayloadHost(() => pool).maskFile({ file: original, shownAs: 'people.csv', key, out: localOut })).toEqual(result);
    expect(readFileSync(localOut, 'utf8')).toBe(written);
  });

  it('refuses a bad key and an unreadable sample without writing anything', async () => {
    const out = join(dir, 'never.csv');
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"email": "x@example.org",');
    await expect(client.maskFile({ file: broken, key: 'not hex', out })).rejects.toMatchObject({ code: 'MASK_KEY_INVALID' });
    await expect(client.maskFile({ file: broken, shownAs: 'broken.json', key: 'b2'.repeat(32), out })).rejects.toMatchObject({
      code: 'JSON_PARSE',
      file: 'broken.json',
    });
    await expect(client.maskFile({ file: join(dir, 'missing.csv'), shownAs: 'missing.csv', key: 'b2'.repeat(32), out })).rejects.toMatchObject({
      code: 'FILE_READ',
      file: 'missing.csv',
    });
    expect(existsSync(out)).toBe(false);
  });
});
