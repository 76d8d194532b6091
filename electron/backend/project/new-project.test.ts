/**
 * createProject and inspectChosenFile through the project service, in temp
 * folders: what a picked file holds, the masked sample and the copied schema
 * beside the new project, grants, collisions, and nothing left behind when a
 * step fails.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDocument } from '../../../mapping-engine/document';
import { CreateProjectResultSchema } from '../../contract/methods/project-file-methods';
import type { StudioResult } from '../../contract/studio-api';
import { createFileAccess } from '../engine/file-access';
import { createProjectService } from '../project-service';

const repo = join(import.meta.dirname, '..', '..', '..');
const corpus = join(repo, 'tests', 'fixtures', 'corpus');
const temps: string[] = [];

afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temp root with picked files, a key and a service whose register grants nothing yet. */
export function setupProjectFiles() {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'mapwright-new-')));
  temps.push(root);
  const picks = join(root, 'picks');
  mkdirSync(picks);
  const keyFile = join(root, 'mask.key');
  writeFileSync(keyFile, `${'ab12'.repeat(16)}\n`, { mode: 0o600 });
  const access = createFileAccess([join(repo, 'samples')]);
  const api = createProjectService({
    samplesDir: join(repo, 'samples'),
    appVersion: '0.0.0',
    platform: process.platform,
    settingsDir: join(root, 'settings'),
    backupDir: join(root, 'backups'),
    maskKeyFile: keyFile,
    fileAccess: access,
  });
  return { root, picks, access, api };
}

function value<T>(result: StudioResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

function failure(result: StudioResult<unknown>) {
  if (result.ok) throw new Error('expected a failure');
  return result.error;
}

/** Every file below `dir`, relative, sorted. */
function filesBelow(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

const PEOPLE = JSON.stringify({ id: 'A-1', owner: { email: 'ada.quenzel@example.org', name: 'Ada Quenzel' }, total: 12.5 });

describe('inspectChosenFile', () => {
  it('tells samples and schema kinds apart and lists OpenAPI and XSD roots', async () => {
    const { picks, access, api } = setupProjectFiles();
    const files = {
      sample: join(picks, 'order.json'),
      csv: join(picks, 'lines.csv'),
      jsonSchema: join(repo, 'samples', 'crm-to-erp', 'target', 'erp-customer.schema.json'),
      openapi: join(picks, 'petstore.yaml'),
      xsd: join(picks, 'include-example', 'first.xsd'),
    };
    writeFileSync(files.sample, PEOPLE);
    writeFileSync(files.csv, 'id,name\n1,Ada\n');
    cpSync(join(corpus, 'openapi', 'oai-examples', 'v3.0', 'petstore-expanded.yaml'), files.openapi);
    cpSync(join(corpus, 'xsd', 'spark-xml', 'include-example'), join(picks, 'include-example'), { recursive: true });
    for (const file of [files.sample, files.csv, files.openapi, files.xsd]) await access.grantFile(file);

    expect(value(await api.inspectChosenFile({ path: files.sample }))).toEqual({ name: 'order.json', kind: 'sample', format: 'json', roots: [] });
    expect(value(await api.inspectChosenFile({ path: files.csv }))).toMatchObject({ kind: 'sample', format: 'csv' });
    expect(value(await api.inspectChosenFile({ path: files.jsonSchema }))).toMatchObject({ kind: 'json-schema', format: 'json', roots: [] });
    const openapi = value(await api.inspectChosenFile({ path: files.openapi }));
    expect(openapi).toMatchObject({ kind: 'openapi', format: 'json' });
    expect(openapi.roots).toEqual(expect.arrayContaining(['Pet', 'NewPet', 'POST /pets request']));
    // The include beside the picked XSD is read without a grant of its own: it is in the schema's folder.
    expect(value(await api.inspectChosenFile({ path: files.xsd }))).toEqual({ name: 'first.xsd', kind: 'xsd', format: 'xml', roots: ['basket'] });
  });

  it('refuses a file nobody picked, whether it exists or not', async () => {
    const { picks, api } = setupProjectFiles();
    writeFileSync(join(picks, 'secret.json'), '{}');
    expect(failure(await api.inspectChosenFile({ path: join(picks, 'secret.json') })).code).toBe('ACCESS_DENIED');
    expect(failure(await api.inspectChosenFile({ path: join(picks, 'missing.json') })).code).toBe('ACCESS_DENIED');
  });

  it('does not let a picked schema include a file outside its folder', async () => {
    const { root, picks, access, api } = setupProjectFiles();
    writeFileSync(join(root, 'outside.xsd'), '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="x" type="xs:string"/></xs:schema>');
    const main = join(picks, 'main.xsd');
    writeFileSync(main, '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:include schemaLocation="../outside.xsd"/><xs:element name="y" type="xs:string"/></xs:schema>');
    await access.grantFile(main);
    // Refused at the include, in the same words whether the file exists or not.
    const refused = failure(await api.inspectChosenFile({ path: main }));
    expect(refused.code).toBe('ACCESS_DENIED');
    expect(refused.file).toBe(main);
    // Picked too, it is read.
    await access.grantFile(join(root, 'outside.xsd'));
    expect(value(await api.inspectChosenFile({ path: main })).roots).toEqual(['y', 'x']);
  });
});

describe('createProject', () => {
  it('masks a picked sample in, copies a picked schema with its includes, and writes a project that loads', async () => {
    const { root, picks, access, api } = setupProjectFiles();
    const sample = join(picks, 'order.json');
    writeFileSync(sample, PEOPLE);
    cpSync(join(corpus, 'xsd', 'spark-xml', 'include-example'), join(picks, 'xsd'), { recursive: true });
    await access.grantFile(sample);
    await access.grantFile(join(picks, 'xsd', 'first.xsd'));
    const path = join(root, 'work', 'orders.mapwright.json');
    mkdirSync(join(root, 'work'));
    await access.grantFile(path, { write: true, saveTarget: true });

    const result = value(
      await api.createProject({
        name: 'Orders to baskets',
        path,
        source: { file: sample, kind: 'sample' },
        target: { file: join(picks, 'xsd', 'first.xsd'), kind: 'xsd', root: 'basket' },
      }),
    );
    expect(CreateProjectResultSchema.parse(result)).toBeTruthy();
    expect(filesBelow(join(root, 'work'))).toEqual(['orders.mapwright.json', 'source/order.json', 'target/first.xsd', 'target/second.xsd']);
    const doc = loadDocument(readFileSync(path, 'utf8'), path).document;
    expect(doc).toMatchObject({
      name: 'Orders to baskets',
      source: { format: 'json', samples: ['source/order.json'] },
      target: { format: 'xml', schema: { file: 'target/first.xsd', root: 'basket' }, samples: [] },
    });
    expect(result.project).toMatchObject({ path, dirty: false, readOnly: false });
    // Only the masked copy is in the project: the e-mail address is not.
    const masked = readFileSync(join(root, 'work', 'source', 'order.json'), 'utf8');
    expect(masked).not.toContain('ada.quenzel@example.org');
    expect(result.imports).toHaveLength(1);
    expect(result.imports[0]).toMatchObject({ side: 'source', relativePath: 'source/order.json', format: 'json' });
    expect(result.imports[0]!.report.some((entry) => entry.category === 'email' && entry.masked)).toBe(true);
    // The project's own files are readable now; the rest of its folder is not.
    writeFileSync(join(root, 'work', 'other.json'), '{}');
    await expect(access.checkRead(join(root, 'work', 'target', 'second.xsd'))).resolves.toBeTruthy();
    await expect(access.checkRead(join(root, 'work', 'other.json'))).rejects.toMatchObject({ code: 'ACCESS_DENIED' });
  });

  it('needs the place granted, and never replaces a project there unless asked', async () => {
    const { root, picks, access, api } = setupProjectFiles();
    const sample = join(picks, 'order.json');
    writeFileSync(sample, PEOPLE);
    await access.grantFile(sample);
    const schema = join(repo, 'samples', 'crm-to-erp', 'target', 'erp-customer.schema.json');
    const args = { name: 'X', path: join(root, 'x.mapwright.json'), source: { file: sample, kind: 'sample' as const }, target: { file: schema, kind: 'json-schema' as const } };
    expect(failure(await api.createProject(args)).code).toBe('ACCESS_DENIED');
    expect(existsSync(join(root, 'source'))).toBe(false);

    await access.grantFile(args.path, { write: true, saveTarget: true });
    writeFileSync(args.path, '{"formatVersion":1,"name":"old","source":{"format":"json"},"target":{"format":"json"}}');
    expect(failure(await api.createProject(args)).code).toBe('FILE_EXISTS');
    expect(existsSync(join(root, 'source'))).toBe(false);

    value(await api.createProject({ ...args, replace: true }));
    expect(loadDocument(readFileSync(args.path, 'utf8'), args.path).document.target.schema).toEqual({ file: 'target/erp-customer.schema.json' });
    // A second project in the same folder gets its own side folders; nothing is overwritten.
    const second = join(root, 'y.mapwright.json');
    await access.grantFile(second, { write: true, saveTarget: true });
    value(await api.createProject({ ...args, path: second }));
    expect(loadDocument(readFileSync(second, 'utf8'), second).document.source.samples).toEqual(['source-2/order.json']);
  });

  it('leaves nothing behind when the target cannot be used', async () => {
    const { root, picks, access, api } = setupProjectFiles();
    const sample = join(picks, 'order.json');
    writeFileSync(sample, PEOPLE);
    const broken = join(picks, 'broken.xsd');
    writeFileSync(broken, '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="a"');
    for (const file of [sample, broken]) await access.grantFile(file);
    const path = join(root, 'out', 'p.mapwright.json');
    mkdirSync(join(root, 'out'));
    await access.grantFile(path, { write: true, saveTarget: true });

    const error = failure(await api.createProject({ name: 'P', path, source: { file: sample, kind: 'sample' }, target: { file: broken, kind: 'xsd' } }));
    expect(error.code).toBe('XSD_PARSE');
    expect(filesBelow(join(root, 'out'))).toEqual([]);
    expect(readdirSync(join(root, 'out'))).toEqual([]);
  });

  it('refuses a kind that is not what the file holds, and a root that does not exist', async () => {
    const { root, picks, access, api } = setupProjectFiles();
    const sample = join(picks, 'order.json');
    writeFileSync(sample, PEOPLE);
    const openapi = join(picks, 'petstore.yaml');
    cpSync(join(corpus, 'openapi', 'oai-examples', 'v3.0', 'petstore-expanded.yaml'), openapi);
    for (const file of [sample, openapi]) await access.grantFile(file);
    const path = join(root, 'p.mapwright.json');
    await access.grantFile(path, { write: true, saveTarget: true });
    const base = { name: 'P', path, source: { file: sample, kind: 'sample' as const } };
    expect(failure(await api.createProject({ ...base, target: { file: sample, kind: 'json-schema' } })).code).toBe('USAGE');
    expect(failure(await api.createProject({ ...base, target: { file: openapi, kind: 'openapi', root: 'Nope' } })).code).toBe('SCHEMA_ROOT');
    expect(filesBelow(root).filter((file) => !file.startsWith('picks/') && file !== 'mask.key')).toEqual([]);
    value(await api.createProject({ ...base, target: { file: openapi, kind: 'openapi', root: 'NewPet' } }));
    expect(loadDocument(readFileSync(path, 'utf8'), path).document.target).toMatchObject({ format: 'json', schema: { file: 'target/petstore.yaml', root: 'NewPet' } });
  });

  it('stores a picked sample only under a data file name', async () => {
    const { root, picks, access, api } = setupProjectFiles();
    const sample = join(picks, '.run.sh');
    writeFileSync(sample, PEOPLE);
    await access.grantFile(sample);
    const path = join(root, 'p.mapwright.json');
    await access.grantFile(path, { write: true, saveTarget: true });
    const schema = join(repo, 'samples', 'crm-to-erp', 'target', 'erp-customer.schema.json');
    value(await api.createProject({ name: 'P', path, source: { file: sample, kind: 'sample', format: 'json' }, target: { file: schema, kind: 'json-schema' } }));
    expect(loadDocument(readFileSync(path, 'utf8'), path).document.source.samples).toEqual(['source/run.sh.json']);
  });

  it('does not write through a side folder that links out of the project folder', async () => {
    const { root, picks, access, api } = setupProjectFiles();
    const sample = join(picks, 'order.json');
    writeFileSync(sample, PEOPLE);
    await access.grantFile(sample);
    mkdirSync(join(root, 'elsewhere'));
    mkdirSync(join(root, 'proj'));
    symlinkSync(join(root, 'elsewhere'), join(root, 'proj', 'source'));
    const path = join(root, 'proj', 'p.mapwright.json');
    await access.grantFile(path, { write: true, saveTarget: true });
    const schema = join(repo, 'samples', 'crm-to-erp', 'target', 'erp-customer.schema.json');
    expect(failure(await api.createProject({ name: 'P', path, source: { file: sample, kind: 'sample' }, target: { file: schema, kind: 'json-schema' } })).code).toBe('ACCESS_DENIED');
    expect(readdirSync(join(root, 'elsewhere'))).toEqual([]);
    expect(existsSync(path)).toBe(false);
  });
});
