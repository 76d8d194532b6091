import { copyFileSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StudioResult } from '../contract/studio-api';
import { ProjectStateSchema } from '../contract/methods/project-methods';
import { createProjectService } from './project-service';

const repo = join(import.meta.dirname, '..', '..');
const v0Fixture = join(repo, 'mapping-engine', 'document', 'fixtures', 'v0-crm.mapwright.json');
const temps: string[] = [];

afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temp root with settings and backup folders, and a service over them. */
function setup() {
  const root = mkdtempSync(join(tmpdir(), 'mapwright-projects-'));
  temps.push(root);
  // The root stands for a folder the user opened (the grant rule itself is tested in engine/file-access.test.ts).
  const options = { samplesDir: '/nonexistent', readRoots: [root], appVersion: '0.0.0', platform: process.platform, settingsDir: join(root, 'settings'), backupDir: join(root, 'backups') };
  return { root, options, api: createProjectService(options) };
}

/** The value of a successful call, checked against the contract's result schema. */
function value<T>(result: StudioResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The error of a failed call. */
function failure(result: StudioResult<unknown>) {
  if (result.ok) throw new Error('expected a failure');
  return result.error;
}

const doc = (name: string, extra = '') => `{\n  "formatVersion": 1,\n  "name": "${name}",\n  "source": { "format": "json" },\n  "target": { "format": "json" }${extra}\n}\n`;

describe('project service', () => {
  it('creates an untitled project that satisfies the contract', async () => {
    const { api } = setup();
    const state = value(await api.newProject({ name: 'Orders' }));
    expect(ProjectStateSchema.parse(state)).toEqual(state);
    expect(state).toMatchObject({ name: 'Orders', readOnly: false, dirty: false });
    expect(state.path).toBeUndefined();
    expect(JSON.parse(state.text)).toMatchObject({ formatVersion: 1, name: 'Orders' });
    expect(failure(await api.saveProject({ text: state.text })).code).toBe('USAGE');
  });

  it('says that the folder does not exist when saving into one that is missing', async () => {
    const { root, api } = setup();
    const error = failure(await api.saveProjectAs({ path: join(root, 'no', 'such', 'folder', 'p.mapwright.json'), text: doc('Mine') }));
    expect(error.code).toBe('FILE_WRITE');
    expect(error.expected).toMatch(/existing folder/);
    expect(error.message).toContain(join(root, 'no', 'such', 'folder'));
  });

  it('migrates a v0 file on open, reports it, and writes it migrated only when saved', async () => {
    const { root, api } = setup();
    const file = join(root, 'crm.mapwright.json');
    copyFileSync(v0Fixture, file);
    const original = readFileSync(file, 'utf8');

    const opened = value(await api.openProject(file));
    expect(ProjectStateSchema.parse(opened)).toBeTruthy();
    expect(opened).toMatchObject({ migratedFrom: 0, dirty: true, readOnly: false, name: 'crm.mapwright.json' });
    expect(JSON.parse(opened.text)).toMatchObject({ formatVersion: 1, lookups: { countries: { entries: { DE: 'Germany' } } } });
    expect(opened.document?.rules.map((r) => r.target)).toEqual(['customerNumber', 'address.country', 'currency']);
    expect(readFileSync(file, 'utf8')).toBe(original);

    const saved = value(await api.saveProject({ path: file, text: opened.text, expectedStamp: opened.stamp }));
    expect(saved).toMatchObject({ dirty: false, readOnly: false });
    expect(saved.migratedFrom).toBeUndefined();
    expect(readFileSync(file, 'utf8')).toBe(opened.text);
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe(original);
    expect(value(await api.openProject(file)).migratedFrom).toBeUndefined();
  });

  it('opens a newer version read-only and refuses to save it or over it', async () => {
    const { root, api } = setup();
    const file = join(root, 'future.mapwright.json');
    const future = doc('Future', ',\n  "formatVersion2Only": true').replace('"formatVersion": 1', '"formatVersion": 7');
    writeFileSync(file, future);

    const opened = value(await api.openProject(file));
    expect(opened).toMatchObject({ readOnly: true, dirty: false, notice: { code: 'DOC_NEWER_VERSION' } });
    expect(opened.text).toBe(future);
    expect(failure(await api.saveProject({ path: file, text: opened.text, expectedStamp: opened.stamp })).code).toBe('DOC_READ_ONLY');
    // Even valid current text must not overwrite the newer file, forced or not.
    expect(failure(await api.saveProject({ path: file, text: doc('Mine'), force: true })).code).toBe('DOC_READ_ONLY');
    expect(failure(await api.saveProjectAs({ path: file, text: doc('Mine') })).code).toBe('DOC_READ_ONLY');
    expect(readFileSync(file, 'utf8')).toBe(future);
  });

  it('never writes an invalid document', async () => {
    const { root, api } = setup();
    const file = join(root, 'p.mapwright.json');
    writeFileSync(file, doc('Good'));
    const bad = doc('Good').replace('"json" }\n', '"yaml" }\n');
    const invalid = failure(await api.saveProject({ path: file, text: bad }));
    expect(invalid).toMatchObject({ code: 'DOC_INVALID', line: 5 });
    expect(invalid.column).toBeGreaterThan(0);
    expect(failure(await api.saveProject({ path: file, text: '{"formatVersion": 1,' })).code).toBe('JSON_PARSE');
    expect(readFileSync(file, 'utf8')).toBe(doc('Good'));
  });

  it('detects a file changed by another program and overwrites only when forced', async () => {
    const { root, api } = setup();
    const file = join(root, 'p.mapwright.json');
    writeFileSync(file, doc('Mine'));
    const opened = value(await api.openProject(file));
    const stamp = opened.stamp!;

    utimesSync(file, new Date(2000, 0, 1), new Date(2000, 0, 1));
    expect(value(await api.checkDisk(file, stamp))).toMatchObject({ changed: false, missing: false });

    writeFileSync(file, doc('Theirs'));
    const check = value(await api.checkDisk(file, stamp));
    expect(check).toMatchObject({ changed: true, missing: false });
    expect(check.stamp?.sha256).not.toBe(stamp.sha256);

    const edited = doc('Mine, edited');
    expect(failure(await api.saveProject({ path: file, text: edited, expectedStamp: stamp })).code).toBe('DOC_CHANGED_ON_DISK');
    expect(readFileSync(file, 'utf8')).toBe(doc('Theirs'));
    const forced = value(await api.saveProject({ path: file, text: edited, expectedStamp: stamp, force: true }));
    expect(readFileSync(file, 'utf8')).toBe(edited);
    // The new stamp is the one to compare with from now on.
    expect(value(await api.checkDisk(file, forced.stamp!)).changed).toBe(false);

    rmSync(file);
    expect(value(await api.checkDisk(file, forced.stamp!))).toEqual({ changed: true, missing: true });
  });

  it('backs up unsaved work, offers it after a restart, restores it and discards it once saved', async () => {
    const { root, options, api } = setup();
    const file = join(root, 'p.mapwright.json');
    writeFileSync(file, doc('Saved'));
    const opened = value(await api.openProject(file));
    const unsaved = doc('Unsaved edits');
    value(await api.backupUnsaved({ sessionId: opened.sessionId, path: file, text: unsaved, savedStamp: opened.stamp }));
    value(await api.backupUnsaved({ sessionId: 'untitled-1', text: '{"name": "half-typed' }));

    // A new backend over the same folders, as after a crash.
    const next = createProjectService(options);
    const backups = value(await next.listBackups());
    expect(backups.map((b) => [b.id, b.name, b.projectPath])).toEqual(
      expect.arrayContaining([
        [opened.sessionId, 'Unsaved edits', file],
        ['untitled-1', 'Untitled', undefined],
      ]),
    );

    const restored = value(await next.restoreBackup(opened.sessionId));
    expect(ProjectStateSchema.parse(restored)).toBeTruthy();
    expect(restored).toMatchObject({ sessionId: opened.sessionId, path: file, text: unsaved, dirty: true, stamp: opened.stamp });
    expect(restored.document?.name).toBe('Unsaved edits');

    const halfTyped = value(await next.restoreBackup('untitled-1'));
    expect(halfTyped).toMatchObject({ text: '{"name": "half-typed', dirty: true, problem: { code: 'JSON_PARSE' } });
    expect(halfTyped.document).toBeUndefined();

    value(await next.saveProject({ path: file, text: restored.text, expectedStamp: restored.stamp, sessionId: restored.sessionId }));
    expect(readFileSync(file, 'utf8')).toBe(unsaved);
    expect(value(await next.listBackups()).map((b) => b.id)).toEqual(['untitled-1']);
    expect(value(await next.discardBackup('untitled-1'))).toEqual({ discarded: true });
    expect(value(await next.listBackups())).toEqual([]);
    expect(failure(await next.restoreBackup('untitled-1')).code).toBe('NOT_FOUND');
  });

  it('remembers opened and saved-as files, most recent first', async () => {
    const { root, api } = setup();
    const first = join(root, 'a.mapwright.json');
    const second = join(root, 'b.mapwright.json');
    writeFileSync(first, doc('A'));
    const opened = value(await api.openProject(first));
    const savedAs = value(await api.saveProjectAs({ path: second, text: opened.text }));
    expect(savedAs).toMatchObject({ path: second, name: 'b.mapwright.json', dirty: false });
    expect(value(await api.listRecent())).toEqual([
      { path: second, name: 'b.mapwright.json' },
      { path: first, name: 'a.mapwright.json' },
    ]);
  });

  it('gives coded errors for missing, unreadable and relative paths', async () => {
    const { root, api } = setup();
    expect(failure(await api.openProject(join(root, 'none.mapwright.json'))).code).toBe('FILE_READ');
    writeFileSync(join(root, 'latin1.mapwright.json'), Buffer.from([0x7b, 0xe9, 0x7d]));
    expect(failure(await api.openProject(join(root, 'latin1.mapwright.json'))).code).toBe('ENCODING');
    expect(failure(await api.openProject('relative/p.mapwright.json')).code).toBe('USAGE');
  });
});
