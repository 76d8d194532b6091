/**
 * `mapwright init`: a project made from a source and a target (sample or
 * schema), which validates at once and whose first test case runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../tests/helpers/run-cli';
import { SAMPLES_DIR } from '../../../tests/helpers/sample-projects';

const fresh = (name: string) => join(mkdtempSync(join(tmpdir(), 'mapwright-init-')), name);
const sample = (path: string) => join(SAMPLES_DIR, path);

/** A key file in a fresh folder, so no test writes the user's own key. */
function keyFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'mapwright-init-key-')), 'mask.key');
  writeFileSync(file, '5a'.repeat(32), { mode: 0o600 });
  return file;
}

describe('mapwright init', () => {
  it('makes a project from a JSON sample and a JSON Schema: formats detected, schema referenced, no rules, a first test case that passes at once', async () => {
    const folder = fresh('orders');
    const made = await runCli('init', folder, '--source', sample('crm-to-erp/source/crm-account.json'), '--target', sample('crm-to-erp/target/erp-customer.schema.json'), '--key-file', keyFile());
    expect(made).toMatchObject({ code: 0, err: '' });
    const file = join(folder, 'orders.mapwright.json');
    const doc = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(doc).toMatchObject({
      formatVersion: 1,
      name: 'orders',
      source: { format: 'json', samples: ['source/crm-account.json'] },
      target: { format: 'json', schema: { file: 'target/erp-customer.schema.json' }, samples: [] },
      rules: [],
      tests: [{ name: 'first sample', input: 'source/crm-account.json', expected: 'tests/first-sample.expected.json' }],
    });
    // The case holds today's output and the violations it has now: the required fields left to map.
    expect(JSON.parse(readFileSync(join(folder, 'tests', 'first-sample.expected.json'), 'utf8'))).toEqual({});
    const violations = (doc.tests as Array<{ expectViolation: unknown[] }>)[0]!.expectViolation;
    expect(violations).toContainEqual({ field: 'customerNumber', code: 'MAP_REQUIRED_MISSING' });
    expect(violations).toContainEqual({ field: 'address', code: 'MAP_REQUIRED_MISSING' });
    // The next step init prints is true: both commands pass.
    expect(made.out).toContain(`mapwright validate ${file} && mapwright test ${file}`);
    expect(await runCli('validate', file)).toEqual({ code: 0, out: `ok ${file}\n`, err: '' });
    expect(await runCli('test', file)).toMatchObject({ code: 0, err: '' });

    // A rule added changes the output: the case fails and prints the expectViolation to paste.
    const edited = JSON.parse(readFileSync(file, 'utf8')) as { rules: unknown[] };
    edited.rules = [{ target: 'customerNumber', sources: ['accountId'], transforms: [{ kind: 'replace', pattern: '^ACC-0', replacement: 'C', regex: true }] }];
    writeFileSync(file, JSON.stringify(edited));
    const changed = await runCli('test', file);
    expect(changed.code).toBe(1);
    expect(changed.out).toContain('customerNumber: expected (missing), got "C00731"');
    // Refreshing the expected output as init says (run --out) leaves only the violations to update.
    const input = join(folder, 'source', 'crm-account.json');
    expect((await runCli('run', file, '--input', input, '--out', join(folder, 'tests', 'first-sample.expected.json'))).code).toBe(1);
    const refreshed = await runCli('test', file);
    expect(refreshed.out).toContain('expected violation {"field":"customerNumber","code":"MAP_REQUIRED_MISSING"} did not occur');
    expect(refreshed.out).not.toContain('difference(s)');
  });

  it('makes a CSV source and the pain.001 XSD target into a project whose first case is the root element, empty, with its violation expected', async () => {
    const folder = fresh('pay');
    const made = await runCli('init', folder, '--source', sample('payments-csv-to-pain001/source/payments.csv'), '--target', sample('payments-csv-to-pain001/target/pain.001.001.03.xsd'), '--key-file', keyFile());
    expect(made).toMatchObject({ code: 0, err: '' });
    const file = join(folder, 'pay.mapwright.json');
    const doc = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(doc).toMatchObject({
      source: { format: 'csv', samples: ['source/payments.csv'] },
      target: { format: 'xml', schema: { file: 'target/pain.001.001.03.xsd' } },
      tests: [{ name: 'first sample', input: 'source/payments.csv', expected: 'tests/first-sample.expected.xml', expectViolation: [{ field: 'Document.CstmrCdtTrfInitn', code: 'MAP_REQUIRED_MISSING' }] }],
    });
    // The schema's root element, in its namespace, is the empty mapping's output.
    expect(readFileSync(join(folder, 'tests', 'first-sample.expected.xml'), 'utf8')).toMatch(/<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain\.001\.001\.03"\/>/);
    expect(made.out).toContain(`mapwright validate ${file} && mapwright test ${file}`);
    expect((await runCli('validate', file)).code).toBe(0);
    expect(await runCli('test', file)).toMatchObject({ code: 0, err: '' });
    // `run` writes the same root element and names the same violation.
    const ran = await runCli('run', file, '--input', join(folder, 'source', 'payments.csv'));
    expect(ran.code).toBe(1);
    expect(ran.out).toBe(readFileSync(join(folder, 'tests', 'first-sample.expected.xml'), 'utf8'));
    expect(ran.err).toMatch(/^MAP_REQUIRED_MISSING Document\.CstmrCdtTrfInitn: /m);
  });

  it('prints commands that paste into a shell as they are, for a folder with a space and a quote in its name', async () => {
    const folder = fresh("bob's orders");
    const made = await runCli('init', folder, '--source', sample('crm-to-erp/source/crm-account.json'), '--target', sample('crm-to-erp/target/erp-customer.schema.json'), '--key-file', keyFile());
    expect(made.code).toBe(0);
    const bin = join(import.meta.dirname, '..', '..', '..', 'bin', 'mapwright.mjs');
    const shell = (command: string) => spawnSync('sh', ['-c', `mapwright() { "${process.execPath}" "${bin}" "$@"; }; ${command}`], { encoding: 'utf8', timeout: 120_000 });
    const next = /^next: (.*) \(passes now\)/m.exec(made.out)?.[1];
    expect(next).toBeDefined();
    expect(shell(next!).status).toBe(0);
    const refresh = /^ {2}(mapwright run .*)$/m.exec(made.out)?.[1];
    expect(refresh).toBeDefined();
    // The empty output breaks the schema, so run exits 1 and still writes it.
    expect(shell(refresh!)).toMatchObject({ status: 1, stderr: expect.stringContaining('output written to') });
  });

  it('never writes over an expected file the folder already has, and removes what it wrote', async () => {
    const folder = fresh('kept');
    mkdirSync(join(folder, 'tests'), { recursive: true });
    writeFileSync(join(folder, 'tests', 'first-sample.expected.json'), '{"mine": true}');
    const refused = await runCli('init', folder, '--source', sample('crm-to-erp/source/crm-account.json'), '--target', sample('crm-to-erp/target/erp-customer.schema.json'), '--key-file', keyFile());
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/^FILE_EXISTS /);
    expect(readFileSync(join(folder, 'tests', 'first-sample.expected.json'), 'utf8')).toBe('{"mine": true}');
    for (const left of ['kept.mapwright.json', 'source/crm-account.json', 'target/erp-customer.schema.json']) expect(existsSync(join(folder, left)), left).toBe(false);
  });

  it('prints no passing next step for a goal case (a target sample) or for a schema source without a case', async () => {
    const folder = fresh('goal');
    const made = await runCli('init', folder, '--source', sample('crm-to-erp/source/crm-account.json'), '--target', sample('crm-to-erp/tests/complete-account.expected.json'), '--key-file', keyFile());
    const file = join(folder, 'goal.mapwright.json');
    // The target sample is the goal: the case fails until the rules produce it, and the next step comes after adding rules.
    expect(made.out).toMatch(new RegExp(`then: mapwright validate ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} && mapwright test`));
    expect((await runCli('test', file)).code).toBe(1);

    const schemaSource = fresh('from-schema');
    const fromSchema = await runCli('init', schemaSource, '--source', sample('crm-to-erp/target/erp-customer.schema.json'), '--target', sample('payments-csv-to-pain001/target/pain.001.001.03.xsd'), '--key-file', keyFile());
    expect(fromSchema.code).toBe(0);
    const schemaFile = join(schemaSource, 'from-schema.mapwright.json');
    expect((JSON.parse(readFileSync(schemaFile, 'utf8')) as { tests: unknown[] }).tests).toEqual([]);
    // Without a sample there is no case, and `test` would fail on that: only validate is offered.
    expect(fromSchema.out).not.toContain('&& mapwright test');
    expect((await runCli('validate', schemaFile)).code).toBe(0);
  });

  it('detects an XML source sample and a JSON target sample, the target sample being the expected output', async () => {
    const folder = fresh('po');
    expect((await runCli('init', folder, '--source', sample('po-xml-to-json/source/purchase-order.xml'), '--target', sample('crm-to-erp/tests/complete-account.expected.json'), '--name', 'po-import', '--key-file', keyFile())).code).toBe(0);
    const doc = JSON.parse(readFileSync(join(folder, 'po-import.mapwright.json'), 'utf8')) as Record<string, unknown>;
    expect(doc).toMatchObject({
      source: { format: 'xml', samples: ['source/purchase-order.xml'] },
      target: { format: 'json', samples: ['target/complete-account.expected.json'] },
      tests: [{ input: 'source/purchase-order.xml', expected: 'target/complete-account.expected.json' }],
    });
  });

  it('refuses a folder that already has the project, and leaves nothing behind when a file cannot be read', async () => {
    const folder = fresh('twice');
    const args = ['--source', sample('crm-to-erp/source/crm-account.json'), '--target', sample('crm-to-erp/target/erp-customer.schema.json'), '--key-file', keyFile()];
    expect((await runCli('init', folder, ...args)).code).toBe(0);
    const again = await runCli('init', folder, ...args);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/^FILE_EXISTS /);

    const other = fresh('missing');
    const missing = await runCli('init', other, '--source', sample('crm-to-erp/source/crm-account.json'), '--target', join(other, '..', 'nope.json'), '--key-file', keyFile());
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^(FILE_READ|NOT_FOUND) /);
    expect(existsSync(other)).toBe(false);

    const broken = join(fresh('broken'), '..', 'broken.schema.json');
    writeFileSync(broken, '{"type": "object", "properties": {"a": {"$ref": "#/nowhere"}}}');
    const refused = await runCli('init', fresh('p'), '--source', sample('crm-to-erp/source/crm-account.json'), '--target', broken, '--key-file', keyFile());
    expect(refused.err).toMatch(/^SCHEMA_REF /);
  });
});

/** Leaf strings of a JSON value, for "no original value survives" checks. */
function leafStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(leafStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(leafStrings);
  return [];
}

describe('mapwright init stores only masked samples', () => {
  it('masks the source and target samples under the key before writing them; the structure and the first test case stay', async () => {
    const folder = fresh('masked');
    const key = keyFile();
    const original = sample('crm-to-erp/source/crm-account.json');
    const made = await runCli('init', folder, '--source', original, '--target', sample('crm-to-erp/tests/complete-account.expected.json'), '--key-file', key);
    expect(made.code).toBe(0);
    expect(made.out).toMatch(/masked \d+ values in source\/crm-account\.json/);
    const before = JSON.parse(readFileSync(original, 'utf8')) as Record<string, unknown>;
    const stored = JSON.parse(readFileSync(join(folder, 'source', 'crm-account.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(stored)).toEqual(Object.keys(before));
    // The person's name, street and contact values are replaced; codes such as the account id are kept.
    const personal = [before.fullName, (before.billing as Record<string, unknown>).street, ...(before.contacts as Array<{ value: string }>).map((c) => c.value)];
    for (const value of personal) expect(leafStrings(stored)).not.toContain(value);
    expect(stored.accountId).toBe(before.accountId);
    const expectedOut = JSON.parse(readFileSync(join(folder, 'target', 'complete-account.expected.json'), 'utf8')) as Record<string, unknown>;
    const expectedIn = JSON.parse(readFileSync(sample('crm-to-erp/tests/complete-account.expected.json'), 'utf8')) as Record<string, unknown>;
    expect(expectedOut.firstName).not.toBe(expectedIn.firstName);
    // The same key masks the same way: a second project from the same sample stores the same bytes.
    const again = fresh('masked-again');
    expect((await runCli('init', again, '--source', original, '--target', sample('crm-to-erp/target/erp-customer.schema.json'), '--key-file', key)).code).toBe(0);
    expect(readFileSync(join(again, 'source', 'crm-account.json'), 'utf8')).toBe(readFileSync(join(folder, 'source', 'crm-account.json'), 'utf8'));
  });

  it('refuses a bad key file with its code and leaves nothing behind', async () => {
    const folder = fresh('bad-key');
    const bad = join(mkdtempSync(join(tmpdir(), 'mapwright-init-key-')), 'bad.key');
    writeFileSync(bad, 'not hex', { mode: 0o600 });
    const refused = await runCli('init', folder, '--source', sample('crm-to-erp/source/crm-account.json'), '--target', sample('crm-to-erp/target/erp-customer.schema.json'), '--key-file', bad);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/^MASK_KEY_INVALID /);
    expect(existsSync(folder)).toBe(false);
  });
});

describe('mapwright init copies a schema with the files it refers to', () => {
  /** Writes `files` (path -> text) below a fresh folder and returns it. */
  function tree(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'mapwright-init-schema-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return dir;
  }
  const XS = 'xmlns:xs="http://www.w3.org/2001/XMLSchema"';

  it('copies an XSD with its include and import in sub-folders, keeping their relative places, and the project runs from its folder', async () => {
    const dir = tree({
      'schemas/order.xsd': `<xs:schema ${XS} xmlns:a="urn:addr" elementFormDefault="qualified"><xs:include schemaLocation="common/types.xsd"/><xs:import namespace="urn:addr" schemaLocation="common/addr/address.xsd"/><xs:element name="Order"><xs:complexType><xs:sequence><xs:element name="Id" type="IdType"/><xs:element ref="a:Address"/></xs:sequence></xs:complexType></xs:element></xs:schema>`,
      'schemas/common/types.xsd': `<xs:schema ${XS}><xs:simpleType name="IdType"><xs:restriction base="xs:string"/></xs:simpleType></xs:schema>`,
      'schemas/common/addr/address.xsd': `<xs:schema ${XS} targetNamespace="urn:addr" elementFormDefault="qualified"><xs:element name="Address"><xs:complexType><xs:sequence><xs:element name="City" type="xs:string"/></xs:sequence></xs:complexType></xs:element></xs:schema>`,
    });
    const folder = fresh('xsd');
    const made = await runCli('init', folder, '--source', sample('crm-to-erp/source/crm-account.json'), '--target', join(dir, 'schemas', 'order.xsd'), '--key-file', keyFile());
    expect(made).toMatchObject({ code: 0, err: '' });
    const file = join(folder, 'xsd.mapwright.json');
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { target: unknown; tests: unknown };
    expect(doc.target).toMatchObject({ format: 'xml', schema: { file: 'target/order.xsd' } });
    // The empty mapping's output is the schema's root element, empty; its missing children are the expected violations.
    expect(doc.tests).toEqual([{ name: 'first sample', input: 'source/crm-account.json', expected: 'tests/first-sample.expected.xml', expectViolation: [{ field: 'Order.Id', code: 'MAP_REQUIRED_MISSING' }, { field: 'Order.Address', code: 'MAP_REQUIRED_MISSING' }] }]);
    for (const copied of ['target/order.xsd', 'target/common/types.xsd', 'target/common/addr/address.xsd']) expect(existsSync(join(folder, copied)), copied).toBe(true);
    // The references inside are the author's, unchanged.
    expect(readFileSync(join(folder, 'target', 'order.xsd'), 'utf8')).toContain('schemaLocation="common/types.xsd"');
    rmSync(dir, { recursive: true, force: true });
    expect(await runCli('validate', file)).toMatchObject({ code: 0 });
    expect(await runCli('test', file)).toMatchObject({ code: 0 });
  });

  it("copies a JSON Schema's $ref files, one climbing to a sibling folder (with --allow-outside), below their common folder", async () => {
    const dir = tree({
      'api/customer.schema.json': JSON.stringify({ type: 'object', properties: { address: { $ref: '../shared/address.schema.json' }, tags: { $ref: 'defs/tags.json#/$defs/tags' } } }),
      'api/defs/tags.json': JSON.stringify({ $defs: { tags: { type: 'array', items: { type: 'string' } } } }),
      'shared/address.schema.json': JSON.stringify({ type: 'object', properties: { city: { type: 'string' } } }),
    });
    const folder = fresh('json');
    const target = join(dir, 'api', 'customer.schema.json');
    const args = ['init', folder, '--source', sample('crm-to-erp/source/crm-account.json'), '--target', target, '--key-file', keyFile()];
    // Without the flag a reference out of the schema's folder is refused, as everywhere in the CLI.
    expect((await runCli(...args)).err).toMatch(/^ACCESS_DENIED /);
    expect(existsSync(folder)).toBe(false);
    expect((await runCli('--allow-outside', ...args)).code).toBe(0);
    const file = join(folder, 'json.mapwright.json');
    expect((JSON.parse(readFileSync(file, 'utf8')) as { target: unknown }).target).toMatchObject({ schema: { file: 'target/api/customer.schema.json' } });
    for (const copied of ['target/api/customer.schema.json', 'target/api/defs/tags.json', 'target/shared/address.schema.json']) expect(existsSync(join(folder, copied)), copied).toBe(true);
    rmSync(dir, { recursive: true, force: true });
    // The copy's references stay inside the project folder: it validates without the flag.
    expect(await runCli('validate', file)).toMatchObject({ code: 0 });
  });
});
