/**
 * The file workflow against the real project service over temp folders:
 * what the user is asked (unsaved changes, a place to save, a changed file)
 * and what lands on disk after each answer.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createProjectService } from '../../../electron/backend/project-service';
import { createProjectSession } from './project-session';
import { createProjectWorkflow, type ProjectWorkflowOptions } from './project-workflow';

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const doc = (name: string) => `{\n  "formatVersion": 1,\n  "name": "${name}",\n  "source": { "format": "json" },\n  "target": { "format": "json" }\n}\n`;

function setup(options: ProjectWorkflowOptions = {}) {
  const root = mkdtempSync(join(tmpdir(), 'mapwright-workflow-'));
  temps.push(root);
  const api = createProjectService({ samplesDir: join(root, 'samples'), readRoots: [root], appVersion: '0', platform: process.platform, settingsDir: join(root, 'settings'), backupDir: join(root, 'backups') });
  const orders = join(root, 'orders.mapwright.json');
  const invoices = join(root, 'invoices.mapwright.json');
  writeFileSync(orders, doc('Orders'));
  writeFileSync(invoices, doc('Invoices'));
  const session = createProjectSession(api, { backup: { idleMs: 60_000 } });
  const flow = createProjectWorkflow(api, session, options);
  return { root, api, orders, invoices, session, flow };
}

describe('project workflow', () => {
  it('opens at once when nothing is unsaved, and lists the file as recent', async () => {
    const { orders, session, flow } = setup();
    await flow.getState().openPath(orders);
    expect(session.getState().project?.path).toBe(orders);
    expect(flow.getState()).toMatchObject({ dialog: undefined, busy: false, recent: [{ path: orders }] });
  });

  it('asks before replacing unsaved work: cancel keeps it, "don\'t save" drops it and its backup', async () => {
    const { api, orders, invoices, session, flow } = setup();
    await flow.getState().openPath(orders);
    session.getState().replaceText(doc('Orders, edited'));
    await session.getState().flushBackup();

    await flow.getState().openPath(invoices);
    expect(flow.getState().dialog).toMatchObject({ kind: 'unsaved', next: 'opening invoices.mapwright.json' });
    flow.getState().closeDialog();
    expect(session.getState()).toMatchObject({ text: doc('Orders, edited'), dirty: true });

    await flow.getState().openPath(invoices);
    await flow.getState().discardThenProceed();
    expect(session.getState()).toMatchObject({ text: doc('Invoices'), dirty: false });
    expect(readFileSync(orders, 'utf8')).toBe(doc('Orders'));
    const backups = await api.listBackups();
    expect(backups.ok && backups.value).toEqual([]);
  });

  it('"save" in the unsaved dialog writes the work before the next project opens', async () => {
    const { orders, invoices, session, flow } = setup();
    await flow.getState().openPath(orders);
    session.getState().replaceText(doc('Orders v2'));
    await flow.getState().openPath(invoices);
    await flow.getState().saveThenProceed();
    expect(readFileSync(orders, 'utf8')).toBe(doc('Orders v2'));
    expect(session.getState().project?.path).toBe(invoices);
  });

  it('asks for a place before saving an untitled project or a template, which stays untouched', async () => {
    const { root, orders, session, flow } = setup({ isTemplate: (path) => path.endsWith('orders.mapwright.json') });
    await flow.getState().openPath(orders);
    session.getState().replaceText(doc('Mine now'));
    expect(await flow.getState().save()).toBe(false);
    expect(flow.getState().dialog).toEqual({ kind: 'path', mode: 'saveAs' });
    const copy = join(root, 'mine.mapwright.json');
    expect(await flow.getState().exists(copy)).toBe(false);
    expect(await flow.getState().exists(orders)).toBe(true);
    expect(await flow.getState().saveAs(copy)).toBe(true);
    expect(flow.getState().dialog).toBeUndefined();
    expect(readFileSync(copy, 'utf8')).toBe(doc('Mine now'));
    expect(readFileSync(orders, 'utf8')).toBe(doc('Orders'));

    await flow.getState().onCommand({ command: 'new' });
    expect(session.getState().project?.path).toBeUndefined();
    await flow.getState().onCommand({ command: 'save' });
    expect(flow.getState().dialog).toEqual({ kind: 'path', mode: 'saveAs' });
  });

  it('checks the disk before saving and on focus, and writes nothing until the user chooses', async () => {
    const { orders, session, flow } = setup();
    await flow.getState().openPath(orders);
    session.getState().replaceText(doc('Mine'));
    writeFileSync(orders, doc('Theirs'));
    expect(await flow.getState().save()).toBe(false);
    expect(session.getState().conflict).toMatchObject({ missing: false });
    expect(readFileSync(orders, 'utf8')).toBe(doc('Theirs'));

    session.getState().dismissConflict();
    await flow.getState().onFocus();
    expect(session.getState().conflict).toBeDefined();
    session.getState().keepMine();
    expect(await flow.getState().save()).toBe(true);
    expect(readFileSync(orders, 'utf8')).toBe(doc('Mine'));
  });

  it('offers backups left at start, restores one and forgets a discarded one', async () => {
    const { api, orders, session, flow } = setup();
    await api.backupUnsaved({ sessionId: 'crashed', path: orders, text: doc('Recovered') });
    await api.backupUnsaved({ sessionId: 'older', text: doc('Draft') });
    await flow.getState().start();
    expect(flow.getState().backups.map((backup) => backup.id).sort()).toEqual(['crashed', 'older']);

    await flow.getState().restoreBackup('crashed');
    expect(session.getState()).toMatchObject({ text: doc('Recovered'), dirty: true });
    await flow.getState().discardBackup('older');
    expect(flow.getState().backups).toEqual([]);
    const left = await api.listBackups();
    expect(left.ok && left.value.map((backup) => backup.id)).toEqual(['crashed']);
  });

  it('turns a drop into an open or a notice, and ignores shortcuts while a dialog is open', async () => {
    const { orders, session, flow } = setup();
    await flow.getState().onDrop({ error: { code: 'USAGE', message: 'dropping needs the desktop app' } });
    expect(flow.getState().notice?.message).toBe('dropping needs the desktop app');
    await flow.getState().onDrop({ path: orders });
    expect(session.getState().project?.path).toBe(orders);
    expect(flow.getState().notice).toBeUndefined();

    flow.getState().showOpen();
    await flow.getState().onCommand({ command: 'saveAs' });
    expect(flow.getState().dialog).toEqual({ kind: 'path', mode: 'open' });
  });

  it('uses the desktop dialogs when there are some: Open, Save As and Save of an untitled project ask the shell', async () => {
    const asked: string[] = [];
    const { session, flow } = setup({ nativeDialog: (kind) => asked.push(kind) });
    flow.getState().showOpen();
    await flow.getState().newProject();
    await flow.getState().save();
    flow.getState().showSaveAs();
    expect(asked).toEqual(['open', 'saveAs', 'saveAs']);
    expect(flow.getState().dialog).toBeUndefined();
    expect(session.getState().project?.path).toBeUndefined();
  });
});
