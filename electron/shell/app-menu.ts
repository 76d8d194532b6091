/**
 * The native menu as a TEMPLATE (Electron's `Menu.buildFromTemplate` input),
 * built from plain facts so it is tested without Electron. Editing, zoom and
 * window items use Electron roles, which bring the platform's own labels and
 * standard shortcuts; the studio's own actions (new, open, save, find, undo,
 * redo) go to the renderer as {@link StudioCommand}s on one channel.
 *
 * Undo and Redo are not roles: the `undo` role calls `webContents.undo()`,
 * the browser's text undo, which never reaches the document history (on
 * macOS the Edit menu would then undo nothing the user sees). The renderer
 * decides instead: the history, or the focused text field's own undo.
 */
import { basename } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import type { StudioCommand } from '../contract/studio-commands';

/** What the menu depends on. */
export interface AppMenuFacts {
  /** `process.platform`: macOS gets the app menu and its own Window menu. */
  platform: string;
  /** Development build: adds Reload and the DevTools toggle. */
  isDev: boolean;
  /** Recent project paths, newest first. */
  recent: readonly string[];
  /** Product name for the macOS app menu. */
  appName?: string;
}

/** What the menu's own items do; main.ts wires these to the window and native dialogs. */
export interface AppMenuActions {
  /** Sends a command to the focused studio window. */
  command(command: StudioCommand): void;
  /** Shows the native Open dialog, then opens the chosen project. */
  openDialog(): void;
  /** Shows the native Save dialog, then saves the project there. */
  saveAsDialog(): void;
}

/** How many recent files the menu lists. */
export const MAX_RECENT_IN_MENU = 10;

function recentMenu(recent: readonly string[], actions: AppMenuActions): MenuItemConstructorOptions {
  const items: MenuItemConstructorOptions[] = recent.slice(0, MAX_RECENT_IN_MENU).map((path) => ({
    label: basename(path),
    toolTip: path,
    click: () => actions.command({ command: 'open', path }),
  }));
  return { label: 'Open Recent', submenu: items.length > 0 ? items : [{ label: 'No Recent Projects', enabled: false }] };
}

/** Builds the application menu template. */
export function buildAppMenuTemplate(facts: AppMenuFacts, actions: AppMenuActions): MenuItemConstructorOptions[] {
  const mac = facts.platform === 'darwin';
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'New Project', accelerator: 'CmdOrCtrl+N', click: () => actions.command({ command: 'new' }) },
      { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => actions.openDialog() },
      recentMenu(facts.recent, actions),
      { type: 'separator' },
      { label: 'Save', accelerator: 'CmdOrCtrl+S', click: () => actions.command({ command: 'save' }) },
      { label: 'Save As…', accelerator: 'Shift+CmdOrCtrl+S', click: () => actions.saveAsDialog() },
      { type: 'separator' },
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      // The page's own key handler takes the chord first; the accelerator shows it and serves a focused text field.
      { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: () => actions.command({ command: 'undo' }) },
      { label: 'Redo', accelerator: mac ? 'Shift+CmdOrCtrl+Z' : 'CmdOrCtrl+Y', click: () => actions.command({ command: 'redo' }) },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      { type: 'separator' },
      { label: 'Find', accelerator: 'CmdOrCtrl+F', click: () => actions.command({ command: 'find' }) },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      // Reload and DevTools are developer tools: a user reload would drop unsaved canvas state.
      ...(facts.isDev ? ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] satisfies MenuItemConstructorOptions[]) : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const window: MenuItemConstructorOptions = { role: 'windowMenu' };
  const appMenu: MenuItemConstructorOptions[] = mac ? [{ label: facts.appName ?? 'Mapwright', role: 'appMenu' }] : [];
  return [...appMenu, file, edit, view, window];
}
