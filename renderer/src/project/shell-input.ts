/**
 * The desktop conventions the page implements itself: keyboard shortcuts for
 * the project commands (in the browser, where no native menu owns them) and
 * which dropped file opens as a project. Pure functions over plain event
 * data, so they are tested without a DOM.
 */
import type { CodedErrorData } from '../../../mapping-engine/errors';

/** A project command the page can start on its own. */
export type ProjectCommandName = 'new' | 'open' | 'save' | 'saveAs';

/** The parts of a `KeyboardEvent` a shortcut depends on. */
export interface KeyChord {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/**
 * The project command bound to `chord`: Ctrl (Cmd on macOS) + N, O, S, and
 * Shift+S for Save As; undefined for anything else. Either modifier is
 * accepted, as the page cannot tell the platform reliably and neither
 * combination means anything else here.
 */
export function shortcutCommand(chord: KeyChord): ProjectCommandName | undefined {
  if (!(chord.ctrlKey || chord.metaKey) || chord.altKey) return undefined;
  const key = chord.key.toLowerCase();
  if (key === 's') return chord.shiftKey ? 'saveAs' : 'save';
  if (chord.shiftKey) return undefined;
  if (key === 'o') return 'open';
  if (key === 'n') return 'new';
  return undefined;
}

/** True for a project file name (`*.mapwright.json`, any case). */
export function isProjectFileName(name: string): boolean {
  return /\.mapwright\.json$/i.test(name);
}

/** What to do with files dropped on the window: open one path, or tell the user why not. */
export type DropOutcome = { path: string } | { error: CodedErrorData };

/**
 * Decides what a drop of `files` does. `pathOf` is the shell's
 * `pathForDroppedFile` (Electron), absent in a browser, which never reveals
 * where a dropped file lives.
 */
export function dropOutcome<F extends { name: string }>(files: ReadonlyArray<F>, pathOf: ((file: F) => string) | undefined): DropOutcome {
  const project = files.find((file) => isProjectFileName(file.name));
  if (!project) {
    return { error: { code: 'USAGE', message: 'only a Mapwright project can be dropped here', expected: 'a *.mapwright.json file' } };
  }
  if (!pathOf) {
    return {
      error: {
        code: 'USAGE',
        message: `a browser does not tell the page where ${project.name} is, so dropping needs the desktop app`,
        expected: 'Open (Ctrl+O) with the file\'s absolute path',
      },
    };
  }
  const path = pathOf(project);
  if (!path) return { error: { code: 'USAGE', message: `${project.name} has no path on disk (was it dragged from another app?)`, expected: 'a file from the file manager' } };
  return { path };
}

/** The file name of a path, for titles and recent lists (either separator). */
export function fileNameOf(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}

/** "14:05" today, else "24 Nov, 14:05": when a backup was written, in the user's locale. */
export function backupTimeLabel(iso: string, now: Date = new Date()): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const time = at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return at.toDateString() === now.toDateString() ? time : `${at.toLocaleDateString(undefined, { day: 'numeric', month: 'short' })}, ${time}`;
}

/** A path the user typed into the Open or Save As dialog, checked; or why it cannot be used. */
export type TypedPath = { path: string } | { problem: string };

/**
 * Checks a typed project path: absolute (POSIX, drive letter or UNC), and a
 * `*.mapwright.json` file. Save As adds the extension when the user left it
 * out, as native save dialogs do; Open does not guess.
 */
export function typedProjectPath(input: string, mode: 'open' | 'saveAs'): TypedPath {
  let path = input.trim();
  if (!path) return { problem: 'Enter the full path of the project file.' };
  if (!(path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\'))) {
    return { problem: 'Enter an absolute path, starting with / (or a drive letter on Windows).' };
  }
  if (/[\\/]$/.test(path)) return { problem: 'That is a folder; add the file name.' };
  if (!isProjectFileName(path)) {
    if (mode === 'open') return { problem: 'A Mapwright project file ends in .mapwright.json.' };
    path = `${path.replace(/\.json$/i, '')}.mapwright.json`;
  }
  return { path };
}
