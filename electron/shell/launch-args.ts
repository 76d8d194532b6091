/**
 * Which project file the studio was asked to open: from its own command
 * line (a file association or `mapwright-studio project.mapwright.json`),
 * from a second launch that the single-instance lock turned into a
 * `second-instance` event, or from macOS `open-file`. Pure, so every shape
 * of argv is tested without Electron.
 */
import { isAbsolute, resolve } from 'node:path';

/** How this process was started. */
export interface LaunchFacts {
  /**
   * `process.defaultApp`: true when started as `electron <app folder>` (development),
   * where argv[1] is the app folder and not a file to open.
   */
  defaultApp: boolean;
  /** Working directory the arguments are relative to (the second instance's, for `second-instance`). */
  cwd: string;
}

/** True for a file name the studio opens as a project (`*.mapwright.json`, or any `.json` it can validate). */
export function isProjectFileName(path: string): boolean {
  return /\.json$/i.test(path);
}

/**
 * The project path in `argv`, absolute, or `undefined`. Switches (Chromium's,
 * Electron's, macOS's `-psn_…`) are skipped; the first argument naming a
 * project file wins.
 */
export function projectPathFromArgv(argv: readonly string[], facts: LaunchFacts): string | undefined {
  const args = argv.slice(facts.defaultApp ? 2 : 1);
  // After `--` everything is a plain argument, even if it starts with a dash.
  const endOfSwitches = args.indexOf('--');
  const candidates = endOfSwitches < 0 ? args.filter((arg) => !arg.startsWith('-')) : [...args.slice(0, endOfSwitches).filter((arg) => !arg.startsWith('-')), ...args.slice(endOfSwitches + 1)];
  const found = candidates.find((arg) => arg.length > 0 && !arg.includes('\0') && isProjectFileName(arg));
  if (found === undefined) return undefined;
  return isAbsolute(found) ? found : resolve(facts.cwd, found);
}
