import { describe, expect, it } from 'vitest';
import { isProjectFileName, projectPathFromArgv } from './launch-args';

describe('projectPathFromArgv', () => {
  it('reads the file a packaged app was started with (file association or command line)', () => {
    expect(projectPathFromArgv(['/opt/Mapwright/mapwright', '/home/ada/crm.mapwright.json'], { defaultApp: false, cwd: '/' })).toBe('/home/ada/crm.mapwright.json');
  });

  it('skips the app folder in development and resolves a relative path against the working directory', () => {
    expect(projectPathFromArgv(['/x/electron', '.', 'samples/crm-to-erp/crm-to-erp.mapwright.json'], { defaultApp: true, cwd: '/repo' })).toBe(
      '/repo/samples/crm-to-erp/crm-to-erp.mapwright.json',
    );
    expect(projectPathFromArgv(['/x/electron', 'project.json'], { defaultApp: true, cwd: '/repo' })).toBeUndefined();
  });

  it("ignores Chromium switches a second instance's argv carries, and macOS's -psn argument", () => {
    const argv = ['/opt/Mapwright/mapwright', '--allow-file-access-from-files', '--original-process-start-time=1337', '-psn_0_12345', 'b.mapwright.json'];
    expect(projectPathFromArgv(argv, { defaultApp: false, cwd: '/home/ada' })).toBe('/home/ada/b.mapwright.json');
  });

  it('takes a file after -- even when its name starts with a dash', () => {
    expect(projectPathFromArgv(['/app', '--', '-odd.mapwright.json'], { defaultApp: false, cwd: '/w' })).toBe('/w/-odd.mapwright.json');
  });

  it('gives undefined when no argument names a project file', () => {
    expect(projectPathFromArgv(['/app'], { defaultApp: false, cwd: '/' })).toBeUndefined();
    expect(projectPathFromArgv(['/app', 'notes.txt', '--verbose'], { defaultApp: false, cwd: '/' })).toBeUndefined();
  });

  it('recognises project file names by their .json ending', () => {
    expect(isProjectFileName('a.mapwright.json')).toBe(true);
    expect(isProjectFileName('A.JSON')).toBe(true);
    expect(isProjectFileName('a.xml')).toBe(false);
  });
});
