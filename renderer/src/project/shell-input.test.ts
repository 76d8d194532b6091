import { describe, expect, it } from 'vitest';
import { backupTimeLabel, dropOutcome, fileNameOf, isProjectFileName, shortcutCommand, typedProjectPath } from './shell-input';

const chord = (key: string, mods: Partial<{ ctrl: boolean; meta: boolean; shift: boolean; alt: boolean }> = {}) => ({
  key,
  ctrlKey: mods.ctrl ?? false,
  metaKey: mods.meta ?? false,
  shiftKey: mods.shift ?? false,
  altKey: mods.alt ?? false,
});

describe('shortcutCommand', () => {
  it('maps the standard file shortcuts with Ctrl or Cmd', () => {
    expect(shortcutCommand(chord('s', { ctrl: true }))).toBe('save');
    expect(shortcutCommand(chord('S', { ctrl: true, shift: true }))).toBe('saveAs');
    expect(shortcutCommand(chord('o', { meta: true }))).toBe('open');
    expect(shortcutCommand(chord('n', { ctrl: true }))).toBe('new');
  });

  it('leaves plain typing, Alt chords and other shortcuts alone', () => {
    expect(shortcutCommand(chord('s'))).toBeUndefined();
    expect(shortcutCommand(chord('s', { ctrl: true, alt: true }))).toBeUndefined();
    expect(shortcutCommand(chord('o', { ctrl: true, shift: true }))).toBeUndefined();
    expect(shortcutCommand(chord('c', { ctrl: true }))).toBeUndefined();
  });
});

describe('dropOutcome', () => {
  const files = [{ name: 'notes.txt' }, { name: 'Orders.MAPWRIGHT.json' }];

  it('opens the dropped project at the path the shell reports', () => {
    expect(dropOutcome(files, (file) => `/work/${file.name}`)).toEqual({ path: '/work/Orders.MAPWRIGHT.json' });
  });

  it('explains a drop it cannot open', () => {
    expect(dropOutcome([{ name: 'notes.txt' }], () => '/x')).toMatchObject({ error: { code: 'USAGE', expected: 'a *.mapwright.json file' } });
    const browser = dropOutcome(files, undefined);
    expect('error' in browser && browser.error.message).toMatch(/desktop app/);
    expect(dropOutcome(files, () => '')).toMatchObject({ error: { code: 'USAGE' } });
  });
});

describe('names and times', () => {
  it('finds the file name with either separator', () => {
    expect(fileNameOf('/home/ana/orders.mapwright.json')).toBe('orders.mapwright.json');
    expect(fileNameOf('C:\\Users\\ana\\crm.mapwright.json')).toBe('crm.mapwright.json');
    expect(isProjectFileName('crm.mapwright.json')).toBe(true);
    expect(isProjectFileName('crm.json')).toBe(false);
  });

  it('shows only the time for a backup from today, the date otherwise', () => {
    const now = new Date(2026, 10, 24, 18, 0);
    expect(backupTimeLabel(new Date(2026, 10, 24, 9, 5).toISOString(), now)).not.toMatch(/Nov/);
    expect(backupTimeLabel(new Date(2026, 10, 20, 9, 5).toISOString(), now)).toMatch(/20/);
    expect(backupTimeLabel('not a date', now)).toBe('not a date');
  });
});

describe('typedProjectPath', () => {
  it('accepts absolute project paths and completes the extension on Save As', () => {
    expect(typedProjectPath('  /data/crm.mapwright.json ', 'open')).toEqual({ path: '/data/crm.mapwright.json' });
    expect(typedProjectPath('C:\\maps\\crm', 'saveAs')).toEqual({ path: 'C:\\maps\\crm.mapwright.json' });
    expect(typedProjectPath('/data/crm.json', 'saveAs')).toEqual({ path: '/data/crm.mapwright.json' });
  });

  it('explains what is wrong with a path it cannot use', () => {
    expect(typedProjectPath('', 'open')).toHaveProperty('problem');
    expect(typedProjectPath('crm.mapwright.json', 'open')).toMatchObject({ problem: expect.stringMatching(/absolute/) });
    expect(typedProjectPath('/data/', 'saveAs')).toMatchObject({ problem: expect.stringMatching(/folder/) });
    expect(typedProjectPath('/data/crm.json', 'open')).toMatchObject({ problem: expect.stringMatching(/\.mapwright\.json/) });
  });
});
