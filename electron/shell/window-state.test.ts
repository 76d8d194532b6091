import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clampWindowBounds, DEFAULT_WINDOW_SIZE, parseWindowState, readWindowState, writeWindowState } from './window-state';

const laptop = { x: 0, y: 0, width: 1440, height: 870 };
const rightMonitor = { x: 1440, y: 0, width: 2560, height: 1400 };

describe('clampWindowBounds', () => {
  it('keeps bounds that fit a display as they are', () => {
    const saved = { x: 100, y: 80, width: 1000, height: 700 };
    expect(clampWindowBounds(saved, [laptop])).toEqual(saved);
    const onSecond = { x: 2000, y: 100, width: 1600, height: 1000 };
    expect(clampWindowBounds(onSecond, [laptop, rightMonitor])).toEqual(onSecond);
  });

  it('centres a default window on the primary display when nothing was saved', () => {
    expect(clampWindowBounds(undefined, [laptop])).toEqual({ x: 80, y: 25, ...DEFAULT_WINDOW_SIZE });
  });

  it('moves a window saved on a monitor that is gone back onto the primary display', () => {
    const bounds = clampWindowBounds({ x: 2000, y: 100, width: 1200, height: 800 }, [laptop]);
    expect(bounds).toEqual({ x: 120, y: 35, width: 1200, height: 800 });
  });

  it('shrinks and shifts a window that overhangs its display so all of it is visible', () => {
    expect(clampWindowBounds({ x: 1000, y: -10, width: 2000, height: 2000 }, [laptop])).toEqual({ x: 0, y: 0, width: 1440, height: 870 });
    expect(clampWindowBounds({ x: 900, y: 500, width: 1000, height: 700 }, [laptop])).toEqual({ x: 440, y: 170, width: 1000, height: 700 });
  });

  it('treats a window whose title bar is above every display as unreachable', () => {
    expect(clampWindowBounds({ x: 100, y: -900, width: 1000, height: 880 }, [laptop])).toEqual({ x: 220, y: 0, width: 1000, height: 870 });
  });

  it('grows a window saved smaller than the studio is usable at', () => {
    expect(clampWindowBounds({ x: 10, y: 10, width: 200, height: 100 }, [laptop])).toEqual({ x: 10, y: 10, width: 800, height: 560 });
  });
});

describe('window state file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mapwright-window-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips through the JSON file', async () => {
    const file = join(dir, 'window-state.json');
    const state = { bounds: { x: 5, y: 6, width: 900, height: 700 }, maximized: true };
    await writeWindowState(file, state);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(state);
    expect(await readWindowState(file)).toEqual(state);
  });

  it('gives undefined for a missing or damaged file', async () => {
    expect(await readWindowState(join(dir, 'missing.json'))).toBeUndefined();
    writeFileSync(join(dir, 'bad.json'), '{"bounds":');
    expect(await readWindowState(join(dir, 'bad.json'))).toBeUndefined();
    for (const text of ['null', '{"bounds":{"x":1,"y":2,"width":0,"height":5}}', '{"bounds":{"x":"1","y":2,"width":3,"height":5}}', '[]']) {
      expect(parseWindowState(text), text).toBeUndefined();
    }
    expect(parseWindowState('{"bounds":{"x":1,"y":2,"width":3,"height":5},"maximized":"yes"}')?.maximized).toBe(false);
  });
});
