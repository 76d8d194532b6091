import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultBackupDir, defaultSettingsDir } from './state-dirs';

describe('default state folders', () => {
  it('follows each platform convention', () => {
    expect(defaultSettingsDir({ platform: 'linux', home: '/home/u', env: {} })).toBe(join('/home/u', '.config', 'Mapwright'));
    expect(defaultSettingsDir({ platform: 'linux', home: '/home/u', env: { XDG_CONFIG_HOME: '/cfg' } })).toBe(join('/cfg', 'Mapwright'));
    expect(defaultSettingsDir({ platform: 'darwin', home: '/Users/u', env: {} })).toBe(join('/Users/u', 'Library', 'Application Support', 'Mapwright'));
    expect(defaultSettingsDir({ platform: 'win32', home: 'C:/Users/u', env: { APPDATA: 'C:/Users/u/AppData/Roaming' } }, 'Studio')).toBe(join('C:/Users/u/AppData/Roaming', 'Studio'));
  });

  it('keeps backups inside the settings folder', () => {
    expect(defaultBackupDir('/cfg/Mapwright')).toBe(join('/cfg/Mapwright', 'backups'));
  });
});
