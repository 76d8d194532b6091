import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseServeWebArgs } from './serve-web';

const repo = resolve(import.meta.dirname, '..', '..');

describe('parseServeWebArgs', () => {
  it('defaults to a free port, Vite, and the repository samples', () => {
    expect(parseServeWebArgs([], '/elsewhere')).toEqual({ samplesDir: join(repo, 'samples') });
  });

  it('reads --port, --samples relative to the working directory, and --built with or without a folder', () => {
    expect(parseServeWebArgs(['--port', '5180', '--samples', 'my-samples'], '/work')).toEqual({ port: 5180, samplesDir: resolve('/work', 'my-samples') });
    expect(parseServeWebArgs(['--built'], '/work').staticDir).toBe(join(repo, '.vite', 'renderer', 'main_window'));
    expect(parseServeWebArgs(['--built', 'dist/web', '--port=0'], '/work')).toMatchObject({ staticDir: resolve('/work', 'dist/web'), port: 0 });
    expect(parseServeWebArgs(['--built', '--port', '1'], '/work')).toMatchObject({ staticDir: join(repo, '.vite', 'renderer', 'main_window'), port: 1 });
  });

  it('takes one project file to open at start, relative to the working directory', () => {
    expect(parseServeWebArgs(['--port', '0', 'work/orders.mapwright.json'], '/home/ada')).toMatchObject({ port: 0, startProject: '/home/ada/work/orders.mapwright.json' });
    for (const argv of [['notes.txt'], ['a.mapwright.json', 'b.mapwright.json']]) {
      expect(() => parseServeWebArgs(argv), argv.join(' ')).toThrow(expect.objectContaining({ code: 'USAGE' }));
    }
  });

  it('grants the folders --allow names (relative to the working directory), each an existing folder', () => {
    const here = resolve(import.meta.dirname);
    expect(parseServeWebArgs(['--allow', '.', '--allow', here], here).readRoots).toEqual([here, here]);
    expect(parseServeWebArgs([], here).readRoots).toBeUndefined();
    for (const argv of [['--allow', join(here, 'no-such-folder')], ['--allow', join(here, 'serve-web.ts')], ['--allow']]) {
      expect(() => parseServeWebArgs(argv, here), argv.join(' ')).toThrow(expect.objectContaining({ code: 'USAGE' }));
    }
  });

  it('rejects bad ports and unknown options as USAGE', () => {
    for (const argv of [['--port', 'http'], ['--port', '70000'], ['--port', '-1'], ['--verbose'], ['stray']]) {
      expect(() => parseServeWebArgs(argv), argv.join(' ')).toThrow(expect.objectContaining({ code: 'USAGE' }));
    }
  });
});
