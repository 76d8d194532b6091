/**
 * The project session against the real project service over temp folders:
 * what the user sees (dirty marker, conflicts) and what lands on disk
 * (the file, the backups) after each action.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createProjectService } from '../../../electron/backend/project-service';
import { createProjectSession } from './project-session';

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const doc = (name: string) => `{\n  "formatVersion": 1,\n  "name": "${name}",\n  "source": { "format": "json" },\n  "target": { "format": "json" }\n}\n`;

function setup(idleMs = 60_000) {
  const root = mkdtempSync(join(tmpdir(), 'mapwright-session-'));
  temps.push(root);
  const api = createProjectService({ samplesDir: join(root, 'samples'), readRoots: [root], appVersion: '0', platform: process.platform, settingsDir: join(root, 'settings'), backupDir: join(root, 'backups') });
  const file = join(root, 'orders.mapwright.json');
  writeFileSync(file, doc('Orders'));
  return { root, api, file, session: createProjectSession(api, { backup: { idleMs } }) };
}

describe('project session', () => {
  it('shows the dirty marker while the text differs from the file, and clears it on save', async () => {
    const { api, file, session } = setup();
    expect(await session.getState().open(file)).toBe(true);
    expect(session.getState()).toMatchObject({ dirty: false, title: 'orders.mapwright.json — Mapwright' });

    session.getState().edit(doc('Orders v2'));
    expect(session.getState()).toMatchObject({ dirty: true, title: '● orders.mapwright.json — Mapwright' });
    // Typing back to the saved text is not a change.
    session.getState().edit(doc('Orders'));
    expect(session.getState().dirty).toBe(false);

    session.getState().edit(doc('Orders v2'));
    expect(await session.getState().save()).toBe(true);
    expect(session.getState().dirty).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe(doc('Orders v2'));
    const backups = await api.listBackups();
    expect(backups.ok && backups.value).toEqual([]);
  });

  it('follows the history: undo back to the saved state is clean, a save moves the clean point', async () => {
    const { file, session } = setup();
    await session.getState().open(file);
    const documents = session.getState().documents;
    expect(documents.getState().apply({ kind: 'addRule', rule: { target: 'id', sources: ['orderId'] } }).ok).toBe(true);
    const edited = session.getState().text;
    expect(JSON.parse(edited)).toMatchObject({ rules: [{ target: 'id', sources: ['orderId'] }] });
    expect(session.getState()).toMatchObject({ dirty: true, title: '● orders.mapwright.json — Mapwright' });
    documents.getState().undo();
    expect(session.getState()).toMatchObject({ text: doc('Orders'), dirty: false, title: 'orders.mapwright.json — Mapwright' });
    documents.getState().redo();
    expect(await session.getState().save()).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(edited);
    expect(session.getState().dirty).toBe(false);
    // The history survives the save: undo now differs from the file, redo returns to it.
    documents.getState().undo();
    expect(session.getState()).toMatchObject({ text: doc('Orders'), dirty: true });
    documents.getState().redo();
    expect(session.getState().dirty).toBe(false);
  });

  it('starts a new history for every opened project', async () => {
    const { file, session } = setup();
    await session.getState().open(file);
    session.getState().replaceText(doc('Applied'), 'JSONata edit');
    expect(session.getState().documents.getState()).toMatchObject({ canUndo: true, undoLabel: 'JSONata edit' });
    expect(await session.getState().reload()).toBe(true);
    expect(session.getState().documents.getState()).toMatchObject({ canUndo: false, text: doc('Orders') });
    expect(session.getState().dirty).toBe(false);
  });

  it('backs up after the edits pause, and the backup restores after a "crash"', async () => {
    const { api, file, session } = setup(20);
    await session.getState().open(file);
    session.getState().edit(doc('Unsaved'));
    await vi.waitFor(async () => {
      const list = await api.listBackups();
      expect(list.ok && list.value.map((b) => b.name)).toEqual(['Unsaved']);
    });
    const list = await api.listBackups();
    if (!list.ok) throw new Error('list failed');

    // The next start: a new session offers the backup and restores it as unsaved work.
    const next = createProjectSession(api);
    expect(await next.getState().restore(list.value[0]!.id)).toBe(true);
    expect(next.getState()).toMatchObject({ text: doc('Unsaved'), dirty: true });
    expect(await next.getState().save()).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(doc('Unsaved'));
    const after = await api.listBackups();
    expect(after.ok && after.value).toEqual([]);
  });

  it('turns a file changed elsewhere into a choice: overwrite or reload', async () => {
    const { file, session } = setup();
    await session.getState().open(file);
    session.getState().edit(doc('Mine'));
    writeFileSync(file, doc('Theirs'));

    await session.getState().checkDisk();
    expect(session.getState().conflict).toMatchObject({ missing: false });
    expect(await session.getState().save()).toBe(false);
    expect(session.getState().error?.code).toBe('DOC_CHANGED_ON_DISK');
    expect(readFileSync(file, 'utf8')).toBe(doc('Theirs'));

    expect(await session.getState().overwrite()).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(doc('Mine'));
    expect(session.getState().conflict).toBeUndefined();

    writeFileSync(file, doc('Theirs again'));
    session.getState().edit(doc('Mine again'));
    expect(await session.getState().reload()).toBe(true);
    expect(session.getState()).toMatchObject({ text: doc('Theirs again'), dirty: false });
  });

  it('asks for a path before saving an untitled project, then saves it there', async () => {
    const { root, session } = setup();
    await session.getState().newProject('Draft');
    expect(session.getState().title).toBe('Draft — Mapwright');
    expect(await session.getState().save()).toBe(false);
    expect(session.getState().error?.code).toBe('USAGE');
    const target = join(root, 'draft.mapwright.json');
    expect(await session.getState().saveAs(target)).toBe(true);
    expect(session.getState().project?.path).toBe(target);
    expect(JSON.parse(readFileSync(target, 'utf8'))).toMatchObject({ name: 'Draft' });
  });

  it('closing discards the backup of deliberately abandoned work', async () => {
    const { api, file, session } = setup();
    await session.getState().open(file);
    session.getState().edit(doc('Abandoned'));
    await session.getState().flushBackup();
    const before = await api.listBackups();
    expect(before.ok && before.value).toHaveLength(1);
    await session.getState().close();
    const after = await api.listBackups();
    expect(after.ok && after.value).toEqual([]);
    expect(session.getState()).toMatchObject({ dirty: false, text: '' });
  });

  it('keeping mine after a change found on focus makes the next save overwrite the file', async () => {
    const { file, session } = setup();
    await session.getState().open(file);
    writeFileSync(file, doc('Theirs'));
    await session.getState().checkDisk();
    expect(session.getState().conflict?.onSave).toBeUndefined();
    session.getState().keepMine();
    // My text is not what the file holds any more, even untouched.
    expect(session.getState()).toMatchObject({ conflict: undefined, dirty: true, title: '● orders.mapwright.json — Mapwright' });
    expect(await session.getState().save()).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(doc('Orders'));
    expect(session.getState().dirty).toBe(false);
  });

  it('marks a conflict found by a save, and cancel leaves the file and my text alone', async () => {
    const { file, session } = setup();
    await session.getState().open(file);
    session.getState().replaceText(doc('Mine'));
    expect(session.getState()).toMatchObject({ text: doc('Mine'), dirty: true });
    writeFileSync(file, doc('Theirs'));
    expect(await session.getState().save()).toBe(false);
    expect(session.getState().conflict).toEqual({ missing: false, onSave: true });
    session.getState().dismissConflict();
    session.getState().clearError();
    expect(session.getState()).toMatchObject({ conflict: undefined, error: undefined, text: doc('Mine'), dirty: true });
    expect(readFileSync(file, 'utf8')).toBe(doc('Theirs'));
  });

  it('keeping mine for a deleted file writes it again on save', async () => {
    const { file, session } = setup();
    await session.getState().open(file);
    rmSync(file);
    await session.getState().checkDisk();
    expect(session.getState().conflict).toMatchObject({ missing: true });
    session.getState().keepMine();
    expect(await session.getState().save()).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(doc('Orders'));
  });

  it('keeps restored work when the start-up sample answers after it, and lets a later open win over an earlier one', async () => {
    const { api, root, file } = setup();
    const other = join(root, 'sample.mapwright.json');
    writeFileSync(other, doc('Start-up sample'));
    const backedUp = await api.openProject(file);
    if (!backedUp.ok) throw new Error('open failed');
    expect((await api.backupUnsaved({ sessionId: 'crash', path: file, text: doc('Restored work') })).ok).toBe(true);

    // The start-up sample's answer is held back until the user's restore has finished.
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const slow = { ...api, openProject: async (path: string) => (await held, api.openProject(path)) };
    const session = createProjectSession(slow);
    const atStart = session.getState().openAtStart(other);
    expect(await session.getState().restore('crash')).toBe(true);
    release();
    expect(await atStart).toBe(false);
    expect(session.getState()).toMatchObject({ text: doc('Restored work'), dirty: true });
    // Once a project is open, a start-up open gives way at once.
    expect(await session.getState().openAtStart(other)).toBe(false);

    // Two opens: the later one is shown even when the earlier one answers last.
    let releaseFirst = (): void => undefined;
    const first = new Promise<void>((resolve) => (releaseFirst = resolve));
    const racing = createProjectSession({ ...api, openProject: async (path: string) => (path === other ? await first : undefined, api.openProject(path)) });
    const earlier = racing.getState().open(other);
    expect(await racing.getState().open(file)).toBe(true);
    releaseFirst();
    expect(await earlier).toBe(false);
    expect(racing.getState()).toMatchObject({ text: doc('Orders'), dirty: false });
  });
});
