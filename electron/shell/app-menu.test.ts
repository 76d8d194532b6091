import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildAppMenuTemplate, MAX_RECENT_IN_MENU, type AppMenuActions } from './app-menu';

function actions(): AppMenuActions & { calls: unknown[] } {
  const calls: unknown[] = [];
  return {
    calls,
    command: (command) => calls.push(command),
    openDialog: () => calls.push('openDialog'),
    saveAsDialog: () => calls.push('saveAsDialog'),
  };
}

/** Every item of the template, depth first. */
function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

const byLabel = (items: MenuItemConstructorOptions[], label: string) => flatten(items).find((item) => item.label === label);
const roles = (items: MenuItemConstructorOptions[]) => flatten(items).flatMap((item) => (item.role ? [item.role] : []));
const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as (() => void) | undefined)?.();

describe('buildAppMenuTemplate', () => {
  it('gives New, Open, Save, Save As and Find their standard shortcuts and routes them to commands or dialogs', () => {
    const a = actions();
    const menu = buildAppMenuTemplate({ platform: 'linux', isDev: false, recent: [] }, a);
    const expected: Array<[string, string, unknown]> = [
      ['New Project', 'CmdOrCtrl+N', { command: 'new' }],
      ['Open…', 'CmdOrCtrl+O', 'openDialog'],
      ['Save', 'CmdOrCtrl+S', { command: 'save' }],
      ['Save As…', 'Shift+CmdOrCtrl+S', 'saveAsDialog'],
      ['Find', 'CmdOrCtrl+F', { command: 'find' }],
    ];
    for (const [label, accelerator, call] of expected) {
      const item = byLabel(menu, label);
      expect(item?.accelerator, label).toBe(accelerator);
      click(item);
      expect(a.calls.at(-1), label).toEqual(call);
    }
  });

  it('sends Undo and Redo to the renderer (the document history), never the browser text-undo role, on every platform', () => {
    for (const [platform, redo] of [
      ['darwin', 'Shift+CmdOrCtrl+Z'],
      ['win32', 'CmdOrCtrl+Y'],
      ['linux', 'CmdOrCtrl+Y'],
    ] as const) {
      const a = actions();
      const menu = buildAppMenuTemplate({ platform, isDev: false, recent: [] }, a);
      expect(roles(menu), platform).not.toContain('undo');
      expect(roles(menu), platform).not.toContain('redo');
      const edit = menu.find((item) => item.label === '&Edit')?.submenu as MenuItemConstructorOptions[];
      expect(edit.slice(0, 2).map((item) => [item.label, item.accelerator]), platform).toEqual([
        ['Undo', 'CmdOrCtrl+Z'],
        ['Redo', redo],
      ]);
      click(edit[0]);
      click(edit[1]);
      expect(a.calls, platform).toEqual([{ command: 'undo' }, { command: 'redo' }]);
    }
  });

  it('uses roles for clipboard and zoom, and shows DevTools only in development', () => {
    const production = roles(buildAppMenuTemplate({ platform: 'win32', isDev: false, recent: [] }, actions()));
    expect(production).toEqual(expect.arrayContaining(['cut', 'copy', 'paste', 'selectAll', 'resetZoom', 'zoomIn', 'zoomOut', 'quit', 'windowMenu']));
    expect(production).not.toContain('toggleDevTools');
    expect(production).not.toContain('reload');
    expect(roles(buildAppMenuTemplate({ platform: 'win32', isDev: true, recent: [] }, actions()))).toContain('toggleDevTools');
  });

  it('adds the app menu on macOS and closes the window instead of quitting from File', () => {
    const menu = buildAppMenuTemplate({ platform: 'darwin', isDev: false, recent: [], appName: 'Mapwright' }, actions());
    expect(menu[0]).toMatchObject({ label: 'Mapwright', role: 'appMenu' });
    expect(roles(menu)).toContain('close');
    expect(roles(menu)).not.toContain('quit');
  });

  it('lists recent projects by file name (newest first, at most ten) and opens the clicked one', () => {
    const a = actions();
    const recent = Array.from({ length: 12 }, (_, i) => `/work/p${i}/project-${i}.mapwright.json`);
    const menu = buildAppMenuTemplate({ platform: 'linux', isDev: false, recent }, a);
    const submenu = byLabel(menu, 'Open Recent')?.submenu as MenuItemConstructorOptions[];
    const files = submenu.filter((item) => item.toolTip);
    expect(files).toHaveLength(MAX_RECENT_IN_MENU);
    expect(files[0]).toMatchObject({ label: 'project-0.mapwright.json', toolTip: recent[0] });
    click(files[2]);
    expect(a.calls).toEqual([{ command: 'open', path: recent[2] }]);
  });

  it('shows a disabled placeholder when there are no recent projects', () => {
    const menu = buildAppMenuTemplate({ platform: 'linux', isDev: false, recent: [] }, actions());
    expect((byLabel(menu, 'Open Recent')?.submenu as MenuItemConstructorOptions[]).map((item) => item.label)).toEqual(['No Recent Projects']);
    expect(byLabel(menu, 'No Recent Projects')).toMatchObject({ enabled: false });
  });
});
