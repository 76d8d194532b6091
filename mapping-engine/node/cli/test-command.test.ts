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
    expect(out).toMatch(/FAIL {2}missing name is an error\n {6}expected an error matching "lastName", got \{"field":"firstName","code":"MAP_REQUIRED_MISSING"\}: RUN_EVALUATION tests\/missing-name\.input\.json: .*firstName/);
    expect(out).toMatch(/ERROR input file is gone\n {6}FILE_READ .*gone\.json/);
    expect(out).toContain('  ok    error code matches');
    expect(out).toMatch(/FAIL {2}expects an error that never comes\n {6}expected an error matching "status", but the mapping produced a result/);
    expect(out).toMatch(/^1 document\(s\), 7 test case\(s\): 3 passed, 3 failed, 1 could not run$/m);
    const report = readXml(readFileSync(junit)).value as { testsuites: Record<string, string> };
    expect(report.testsuites).toMatchObject({ '@tests': '7', '@failures': '3', '@errors': '1' });
  });

  it('matches an expected error by target field and code, and what a failing case prints is what it can expect', async () => {
    const file = brokenCrmCopy();
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { tests: Array<Record<string, unknown>> };
    doc.tests = [
      { name: 'right field and code', input: 'tests/missing-name.input.json', expectError: { field: 'firstName', code: 'MAP_REQUIRED_MISSING' } },
      { name: 'code only', input: 'tests/malformed-date.input.json', expectError: { code: 'MAP_INVALID_VALUE' } },
      { name: 'wrong field', input: 'tests/malformed-date.input.json', expectError: { field: 'lastName', code: 'MAP_INVALID_VALUE' } },
      { name: 'wrong code', input: 'tests/missing-name.input.json', expectError: { field: 'firstName', code: 'MAP_INVALID_VALUE' } },
    ];
    writeFileSync(file, JSON.stringify(doc));
    const first = await runCli('test', file);
    expect(first.code).toBe(1);
    expect(first.out).toContain('  ok    right field and code');
    expect(first.out).toContain('  ok    code only');
    const printed = (name: string) => JSON.parse(new RegExp(`FAIL {2}${name}\\n {6}expected an error matching .*?, got (\\{.*?\\}): `).exec(first.out)![1]!) as unknown;
    expect(printed('wrong field')).toEqual({ field: 'customerSince', code: 'MAP_INVALID_VALUE' });
    expect(printed('wrong code')).toEqual({ field: 'firstName', code: 'MAP_REQUIRED_MISSING' });
    // Pasting what the failures printed makes them pass.
    doc.tests[2]!.expectError = printed('wrong field');
    doc.tests[3]!.expectError = printed('wrong code');
    writeFileSync(file, JSON.stringify(doc));
    const second = await runCli('test', file);
    expect(second.out).toMatch(/4 passed, 0 failed/);
    expect(second.code).toBe(0);
  });

  it('fails a case whose output breaks the target schema unless it expects the violation', async () => {
    const file = brokenCrmCopy();
    const schemaFile = join(file, '..', 'target', 'erp-customer.schema.json');
    writeFileSync(schemaFile, readFileSync(schemaFile, 'utf8').replace('"^C[0-9]{6}$"', '"^K[0-9]{6}$"'));
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { tests: Array<Record<string, unknown>> };
    doc.tests = [
      { name: 'violation not expected', input: 'source/crm-account.json', expected: 'tests/complete-account.expected.json' },
      { name: 'violation expected', input: 'source/crm-account.json', expected: 'tests/complete-account.expected.json', expectViolation: [{ field: 'customerNumber', code: 'MAP_PATTERN' }] },
      { name: 'another violation expected', input: 'source/crm-account.json', expected: 'tests/complete-account.expected.json', expectViolation: [{ field: 'status', code: 'MAP_ENUM' }] },
    ];
    writeFileSync(file, JSON.stringify(doc));
    const { code, out } = await runCli('test', file);
    expect(code).toBe(1);
    expect(out).toMatch(/FAIL {2}violation not expected\n {6}the output breaks the target schema other than expected; expectViolation: \[\{"field":"customerNumber","code":"MAP_PATTERN"\}\]/);
    expect(out).toContain('  ok    violation expected');
    expect(out).toMatch(/FAIL {2}another violation expected\n.*\n {6}unexpected violation \{"field":"customerNumber","code":"MAP_PATTERN"\}\n {6}expected violation \{"field":"status","code":"MAP_ENUM"\} did not occur/);
  });

  it('says a project without test cases checked nothing, and exits 1 unless --pass-with-no-tests', async () => {
    const file = brokenCrmCopy();
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { tests: unknown[] };
    doc.tests = [];
    writeFileSync(file, JSON.stringify(doc));
    const { code, out } = await runCli('test', file);
    expect(out).toContain('  (no test cases)');
    expect(out).toMatch(/^1 document\(s\), no test cases: nothing was checked$/m);
    expect(out).not.toMatch(/0 passed/);
    expect(code).toBe(1);
    expect((await runCli('test', file, '--pass-with-no-tests')).code).toBe(0);
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
