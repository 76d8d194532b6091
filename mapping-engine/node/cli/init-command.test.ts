/**
 * `mapwright init`: a project made from a source and a target (sample or
 * schema), which validates at once and whose first test case runs.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../tests/helpers/run-cli';
import { SAMPLES_DIR } from '../../../tests/helpers/sample-projects';

const fresh = (name: string) => join(mkdtempSync(join(tmpdir(), 'mapwright-init-')), name);
const sample = (path: string) => join(SAMPLES_DIR, path);

describe('mapwright init', () => {
  it('makes a project from a JSON sample and a JSON Schema: formats detected, schema referenced, no rules, a first test case', async () => {
    const folder = fresh('orders');
    const made = await runCli('init', folder, '--source', sample('crm-to-erp/source/crm-account.json'), '--target', sample('crm-to-erp/target/erp-customer.schema.json'));
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
    expect(await runCli('validate', file)).toEqual({ code: 0, out: `ok ${file}\n`, err: '' });
    // The empty mapping breaks the target's required fields: the first case says what is left to map.
    const tested = await runCli('test', file);
    expect(tested.code).toBe(1);
    expect(tested.out).toContain('{"field":"customerNumber","code":"MAP_REQUIRED_MISSING"}');
  });

  it('detects an XML source sample and a JSON target sample, the target sample being the expected output', async () => {
    const folder = fresh('po');
    expect((await runCli('init', folder, '--source', sample('po-xml-to-json/source/purchase-order.xml'), '--target', sample('crm-to-erp/tests/complete-account.expected.json'), '--name', 'po-import')).code).toBe(0);
    const doc = JSON.parse(readFileSync(join(folder, 'po-import.mapwright.json'), 'utf8')) as Record<string, unknown>;
    expect(doc).toMatchObject({
      source: { format: 'xml', samples: ['source/purchase-order.xml'] },
      target: { format: 'json', samples: ['target/complete-account.expected.json'] },
      tests: [{ input: 'source/purchase-order.xml', expected: 'target/complete-account.expected.json' }],
    });
  });

  it('refuses a folder that already has the project, and leaves nothing behind when a file cannot be read', async () => {
    const folder = fresh('twice');
    const args = ['--source', sample('crm-to-erp/source/crm-account.json'), '--target', sample('crm-to-erp/target/erp-customer.schema.json')];
    expect((await runCli('init', folder, ...args)).code).toBe(0);
    const again = await runCli('init', folder, ...args);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/^FILE_EXISTS /);

    const other = fresh('missing');
    const missing = await runCli('init', other, '--source', sample('crm-to-erp/source/crm-account.json'), '--target', join(other, '..', 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^(FILE_READ|NOT_FOUND) /);
    expect(existsSync(other)).toBe(false);

    const broken = join(fresh('broken'), '..', 'broken.schema.json');
    writeFileSync(broken, '{"type": "object", "properties": {"a": {"$ref": "#/nowhere"}}}');
    const refused = await runCli('init', fresh('p'), '--source', sample('crm-to-erp/source/crm-account.json'), '--target', broken);
    expect(refused.err).toMatch(/^SCHEMA_REF /);
  });
});
