/**
 * Where the studio keeps its own state (recent files, backups of unsaved
 * work) when the host does not say: the platform's per-user configuration
 * folder. Electron passes `app.getPath('userData')` instead; the web host and
 * the CLI use this default.
 */
import { join } from 'node:path';

/** The facts the default depends on, passed in so every platform is testable anywhere. */
export interface StateDirFacts {
  platform: string;
  home: string;
  env: Record<string, string | undefined>;
}

/** The per-user folder for Mapwright's state on `facts.platform`. */
export function defaultSettingsDir(facts: StateDirFacts, appName = 'Mapwright'): string {
  if (facts.platform === 'win32') return join(facts.env.APPDATA ?? join(facts.home, 'AppData', 'Roaming'), appName);
  if (facts.platform === 'darwin') return join(facts.home, 'Library', 'Application Support', appName);
  return join(facts.env.XDG_CONFIG_HOME || join(facts.home, '.config'), appName);
}

/** The backup folder inside a settings folder. */
export function defaultBackupDir(settingsDir: string): string {
  return join(settingsDir, 'backups');
}
