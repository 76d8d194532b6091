/**
 * saveProjectCopy (Save As into another folder) and addTestCase, in temp
 * folders: the copy of a bundled sample runs with `mapwright test`, files in
 * the way are never replaced without `replaceFiles`, references that climbed
 * out of the folder are re-pointed, and test files never collide or escape.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDocument } from '../../../mapping-engine/document';
import { runCli } from '../../../tests/helpers/run-cli';
import type { StudioResult } from '../../contract/studio-api';
import { createFileAccess } from '../engine/file-access';
import { createProjectService } from '../project-service';
import { testSlug } from './test-case-files';

const repo = join(import.meta.dirname, '..', '..', '..');
const samples = join(repo, 'samples');
const crm = join(samples, 'crm-to-erp', 'crm-to-erp.mapwright.json');
const temps: string[] = [];

afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setup() {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'mapwright-copy-')));
  temps.push(root);
  const access = createFileAccess([samples]);
  const api = createProjectService({ samplesDir: samples, appVersion: '0.0.0', platform: process.platform, settingsDir: join(root, 'settings'), backupDir: join(root, 'backups'), fileAccess: access });
  return { root, access, api };
}

function value<T>(result: StudioResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

function failure(result: StudioResult<unknown>) {
  if (result.ok) throw new Error('expected a failure');
  return result.error;
}

describe('saveProjectCopy', () => {
  it('copies everything a bundled sample refers to, so the copy passes mapwright test', async () => {
    const { root, access, api } = setup();
    const path = join(root, 'mine', 'crm.mapwright.json');
    await access.grantFile(path, { write: true, saveTarget: true });
    const text = readFileSync(crm, 'utf8');

    const saved = value(await api.saveProjectCopy({ path, from: crm, text }));
    expect(saved.copied.sort()).toEqual([
      'lookups/countries.csv',
      'source/crm-account.json',
      'target/erp-customer.schema.json',
      'tests/complete-account.expected.json',
      'tests/malformed-date.input.json',
      'tests/missing-name.input.json',
      'tests/unknown-status.expected.json',
      'tests/unknown-status.input.json',
    ]);
    expect(readFileSync(path, 'utf8')).toBe(text);
    expect(saved.project).toMatchObject({ path, dirty: false });
    const run = await runCli('test', path);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    // The copies are readable in this session (the new folder itself is not granted).
    await expect(access.checkRead(join(root, 'mine', 'lookups', 'countries.csv'))).resolves.toBeTruthy();
  });

  it('asks before replacing different files in the new folder, leaves identical ones alone, and undoes the copies when the save fails', async () => {
    const { root, access, api } = setup();
    const folder = join(root, 'mine');
    mkdirSync(join(folder, 'lookups'), { recursive: true });
    mkdirSync(join(folder, 'source'), { recursive: true });
    writeFileSync(join(folder, 'lookups', 'countries.csv'), 'code,name\nXX,Nowhere\n');
    cpSync(join(samples, 'crm-to-erp', 'source', 'crm-account.json'), join(folder, 'source', 'crm-account.json'));
    const path = join(folder, 'crm.mapwright.json');
    await access.grantFile(path, { write: true, saveTarget: true });
    const text = readFileSync(crm, 'utf8');

    const refused = failure(await api.saveProjectCopy({ path, from: crm, text }));
    expect(refused).toMatchObject({ code: 'FILE_EXISTS', file: 'lookups/countries.csv' });
    expect(existsSync(path)).toBe(false);
    expect(existsSync(join(folder, 'target'))).toBe(false);

    // An invalid document is refused by the save itself, after the copies: they are taken back.
    await access.grantFolder(folder);
    const broken = text.replace('"formatVersion": 1', '"formatVersion": 1, "bogus": true');
    expect(failure(await api.saveProjectCopy({ path, from: crm, text: broken, replaceFiles: true })).code).toBe('DOC_INVALID');
    expect(readFileSync(join(folder, 'lookups', 'countries.csv'), 'utf8')).toBe('code,name\nXX,Nowhere\n');
    expect(existsSync(join(folder, 'target'))).toBe(false);

    const saved = value(await api.saveProjectCopy({ path, from: crm, text, replaceFiles: true }));
    expect(saved.copied).toContain('lookups/countries.csv');
    expect(saved.copied).not.toContain('source/crm-account.json');
    expect(readFileSync(join(folder, 'lookups', 'countries.csv'), 'utf8')).toBe(readFileSync(join(samples, 'crm-to-erp', 'lookups', 'countries.csv'), 'utf8'));
  });

  it('never replaces a file in a folder the user did not open, confirmed or not', async () => {
    const { root, access, api } = setup();
    mkdirSync(join(root, 'other', 'lookups'), { recursive: true });
    writeFileSync(join(root, 'other', 'lookups', 'countries.csv'), 'code,name\nXX,Nowhere\n');
    const path = join(root, 'other', 'crm.mapwright.json');
    await access.grantFile(path, { write: true, saveTarget: true });
    expect(failure(await api.saveProjectCopy({ path, from: crm, text: readFileSync(crm, 'utf8'), replaceFiles: true })).code).toBe('ACCESS_DENIED');
    expect(readFileSync(join(root, 'other', 'lookups', 'countries.csv'), 'utf8')).toBe('code,name\nXX,Nowhere\n');
    expect(existsSync(path)).toBe(false);
    expect(existsSync(join(root, 'other', 'source'))).toBe(false);
  });

  it('re-points a reference that climbed out of the old folder into external/', async () => {
    const { root, access, api } = setup();
    cpSync(join(samples, 'crm-to-erp'), join(root, 'old', 'crm'), { recursive: true });
    mkdirSync(join(root, 'old', 'shared'));
    cpSync(join(root, 'old', 'crm', 'lookups', 'countries.csv'), join(root, 'old', 'shared', 'countries.csv'));
    const from = join(root, 'old', 'crm', 'crm-to-erp.mapwright.json');
    const text = readFileSync(from, 'utf8').replace('"lookups/countries.csv"', '"../shared/countries.csv"');
    writeFileSync(from, text);
    await access.grantProject(from, { chosenInDialog: true });
    await access.grantFile(join(root, 'old', 'shared', 'countries.csv'));
    const path = join(root, 'new', 'crm.mapwright.json');
    await access.grantFile(path, { write: true, saveTarget: true });

    const saved = value(await api.saveProjectCopy({ path, from, text }));
    expect(saved.copied).toContain('external/countries.csv');
    expect(loadDocument(readFileSync(path, 'utf8'), path).document.lookups.countries).toEqual({ file: 'external/countries.csv', keyColumn: 'code', valueColumn: 'name' });
    expect((await runCli('test', path)).code).toBe(0);
  });

  it('refuses to create hidden or non-data files, and needs the new place granted', async () => {
    const { root, access, api } = setup();
    cpSync(join(samples, 'crm-to-erp'), join(root, 'old'), { recursive: true });
    cpSync(join(root, 'old', 'lookups', 'countries.csv'), join(root, 'old', '.profile'));
    const from = join(root, 'old', 'crm-to-erp.mapwright.json');
    const text = readFileSync(from, 'utf8').replace('"lookups/countries.csv"', '".profile"');
    await access.grantProject(from, { chosenInDialog: true });
    const path = join(root, 'home', 'x.mapwright.json');
    expect(failure(await api.saveProjectCopy({ path, from, text })).code).toBe('ACCESS_DENIED');
    await access.grantFile(path, { write: true, saveTarget: true });
    expect(failure(await api.saveProjectCopy({ path, from, text })).code).toBe('ACCESS_DENIED');
    expect(existsSync(join(root, 'home', '.profile'))).toBe(false);
    expect(existsSync(path)).toBe(false);
  });
});

describe('addTestCase', () => {
  async function ownCrm() {
    const env = setup();
    cpSync(join(samples, 'crm-to-erp'), join(env.root, 'crm'), { recursive: true });
    const projectPath = join(env.root, 'crm', 'crm-to-erp.mapwright.json');
    await env.access.grantProject(projectPath, { chosenInDialog: true });
    return { ...env, projectPath, text: readFileSync(projectPath, 'utf8') };
  }

  it('writes the input and the current output, and the case passes once added', async () => {
    const { root, api, projectPath, text } = await ownCrm();
    const added = value(await api.addTestCase({ projectPath, text, name: 'Account from the CRM export!', input: 'source/crm-account.json' }));
    expect(added.test).toEqual({ name: 'Account from the CRM export!', input: 'tests/account-from-the-crm-export.input.json', expected: 'tests/account-from-the-crm-export.expected.json' });
    expect(readFileSync(join(root, 'crm', 'tests', 'account-from-the-crm-export.input.json'), 'utf8')).toBe(readFileSync(join(root, 'crm', 'source', 'crm-account.json'), 'utf8'));
    const doc = JSON.parse(text) as { tests: unknown[] };
    doc.tests.push(added.test);
    writeFileSync(projectPath, JSON.stringify(doc, null, 2));
    const run = await runCli('test', projectPath);
    expect(run.code).toBe(0);
    expect(run.out).toContain('Account from the CRM export!');
  });

  it('writes only the input for a case that expects an error, and refuses names that collide', async () => {
    const { root, api, projectPath, text } = await ownCrm();
    const added = value(await api.addTestCase({ projectPath, text, name: 'bad date', input: 'tests/malformed-date.input.json', expectError: 'customerSince' }));
    expect(added.test).toEqual({ name: 'bad date', input: 'tests/bad-date.input.json', expectError: 'customerSince' });
    expect(existsSync(join(root, 'crm', 'tests', 'bad-date.expected.json'))).toBe(false);
    // The error as a target field and a code, as the tests panel chooses it.
    const coded = value(await api.addTestCase({ projectPath, text, name: 'bad date coded', input: 'tests/malformed-date.input.json', expectError: { field: 'customerSince', code: 'MAP_INVALID_VALUE' } }));
    expect(coded.test.expectError).toEqual({ field: 'customerSince', code: 'MAP_INVALID_VALUE' });
    // The same slug again: its file is there.
    expect(failure(await api.addTestCase({ projectPath, text, name: 'Bad  date', input: 'source/crm-account.json' })).code).toBe('FILE_EXISTS');
    // The name of a case the document has.
    expect(failure(await api.addTestCase({ projectPath, text, name: 'complete account', input: 'source/crm-account.json' })).code).toBe('USAGE');
    // A name without letters or digits gives no file name.
    expect(failure(await api.addTestCase({ projectPath, text, name: '../..', input: 'source/crm-account.json' })).code).toBe('USAGE');
  });

  it('takes its input only from the project folder, and reports a failing run by its code', async () => {
    const { root, access, api, projectPath, text } = await ownCrm();
    writeFileSync(join(root, 'outside.json'), '{}');
    await access.grantFile(join(root, 'outside.json'));
    expect(failure(await api.addTestCase({ projectPath, text, name: 'outside', input: '../outside.json' })).code).toBe('ACCESS_DENIED');
    const failed = failure(await api.addTestCase({ projectPath, text, name: 'no name', input: 'tests/missing-name.input.json' }));
    expect(failed.code).toBe('RUN_EVALUATION');
    expect(existsSync(join(root, 'crm', 'tests', 'no-name.input.json'))).toBe(false);
  });

  it('makes file names from test names', () => {
    expect(testSlug('  Ünknown status → PROSPECT ')).toBe('unknown-status-prospect');
    expect(() => testSlug('../')).toThrow(expect.objectContaining({ code: 'USAGE' }));
  });
});
