import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readXml } from '../../payload/xml-read';
import { runCli } from '../../../tests/helpers/run-cli';
import { SAMPLES_DIR, sampleProjects } from '../../../tests/helpers/sample-projects';

const projects = sampleProjects();

/** A copy of the CRM sample whose test cases are edited to fail in each way the command reports. */
function brokenCrmCopy(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'mapwright-test-')), 'crm');
  cpSync(join(SAMPLES_DIR, 'crm-to-erp'), dir, { recursive: true });
  const expectedFile = join(dir, 'tests', 'unknown-status.expected.json');
  const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as Record<string, unknown> & { address: Record<string, unknown> };
  expected.status = 'ACTIVE';
  expected.address.country = 'Germany';
  writeFileSync(expectedFile, JSON.stringify(expected));
  const file = join(dir, 'crm-to-erp.mapwright.json');
  const doc = JSON.parse(readFileSync(file, 'utf8')) as { tests: Array<Record<string, string>> };
  doc.tests[2]!.expectError = 'lastName';
  doc.tests.push({ name: 'input file is gone', input: 'tests/gone.json', expected: 'tests/unknown-status.expected.json' });
  doc.tests.push({ name: 'error code matches', input: 'tests/missing-name.input.json', expectError: 'RUN_EVALUATION' });
  doc.tests.push({ name: 'expects an error that never comes', input: 'tests/unknown-status.input.json', expectError: 'status' });
  writeFileSync(file, JSON.stringify(doc));
  return file;
}

describe('mapwright test', () => {
  it('passes every sample project and writes a JUnit report', async () => {
    const junit = join(mkdtempSync(join(tmpdir(), 'mapwright-test-')), 'report.xml');
    const { code, out, err } = await runCli('test', ...projects, '--junit', junit);
    expect(err).toBe('');
    expect(code).toBe(0);
    // Counted from the samples, so adding a sample or a test case needs no edit here.
    const cases = projects.reduce((n, p) => n + (JSON.parse(readFileSync(p, 'utf8')) as { tests: unknown[] }).tests.length, 0);
    expect(out).toContain(`\n${projects.length} document(s), ${cases} test case(s): ${cases} passed, 0 failed`);
    expect(out).not.toMatch(/FAIL|ERROR/);
    const report = readXml(readFileSync(junit)).value as { testsuites: Record<string, string> };
    expect(report.testsuites).toMatchObject({ '@tests': String(cases), '@failures': '0', '@errors': '0' });
  });

  it('reports differences, wrong errors, missing results and unreadable inputs, and exits 1', async () => {
    const file = brokenCrmCopy();
    const junit = join(file, '..', 'junit.xml');
    const { code, out, err } = await runCli('test', file, '--junit', junit);
    expect(err).toBe('');
    expect(code).toBe(1);
    expect(out).toContain('  ok    complete account');
    expect(out).toMatch(/FAIL {2}unknown status code becomes PROSPECT\n {6}2 difference\(s\) from tests\/unknown-status\.expected\.json\n {6}status: expected "ACTIVE", got "PROSPECT"\n {6}address\.country: expected "Germany", got "France"\n/);
    expect(out).toMatch(/FAIL {2}missing name is an error\n {6}expected an error matching "lastName", got RUN_EVALUATION tests\/missing-name\.input\.json: .*firstName/);
    expect(out).toMatch(/ERROR input file is gone\n {6}FILE_READ .*gone\.json/);
    expect(out).toContain('  ok    error code matches');
    expect(out).toMatch(/FAIL {2}expects an error that never comes\n {6}expected an error matching "status", but the mapping produced a result/);
    expect(out).toMatch(/^1 document\(s\), 7 test case\(s\): 3 passed, 3 failed, 1 could not run$/m);
    const report = readXml(readFileSync(junit)).value as { testsuites: Record<string, string> };
    expect(report.testsuites).toMatchObject({ '@tests': '7', '@failures': '3', '@errors': '1' });
  });

  it('caps the differences printed per case', async () => {
    const file = brokenCrmCopy();
    const expectedFile = join(file, '..', 'tests', 'complete-account.expected.json');
    writeFileSync(expectedFile, JSON.stringify({ labels: Array.from({ length: 20 }, (_, i) => `x${i}`) }));
    const { code, out } = await runCli('test', file);
    expect(code).toBe(1);
    const block = out.split('FAIL  complete account\n')[1]!.split(/\n {2}(?:ok|FAIL|ERROR)/)[0]!;
    expect(block.split('\n').length).toBeLessThanOrEqual(10);
    expect(block).toMatch(/… and \d+ more differences/);
  });

  it('exits 2 when a document cannot be loaded, after running the others', async () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'mapwright-test-')), 'bad.mapwright.json');
    writeFileSync(bad, '{"formatVersion": 1');
    const shipment = projects.find((p) => p.includes('shipment-to-csv'))!;
    const { code, out, err } = await runCli('test', bad, shipment);
    expect(code).toBe(2);
    expect(err).toMatch(/^(DOC_INVALID|JSON_PARSE) .*bad\.mapwright\.json/);
    expect(out).toMatch(/^2 document\(s\), 4 test case\(s\): 4 passed, 0 failed, 1 document\(s\) could not be loaded$/m);
  });
});
