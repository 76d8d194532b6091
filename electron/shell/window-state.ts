/**
 * The studio window's size and position, remembered between runs in a small
 * JSON file in Electron's userData folder. Bounds saved on another monitor
 * setup may be off every screen now, so they are clamped into the visible
 * displays before use; a file that is missing or damaged just means defaults.
 */
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../../mapping-engine/node/read-file';

/** A rectangle in screen coordinates (Electron's `Rectangle`). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What is remembered. */
export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

/** Size of a new window, and the smallest size the studio is usable at. */
export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 820 } as const;
export const MIN_WINDOW_SIZE = { width: 800, height: 560 } as const;

/** How much of a window (its title bar) must lie on a display to count as reachable. */
const MIN_VISIBLE = { width: 120, height: 40 };

/** File name of the state inside userData. */
export const WINDOW_STATE_FILE = 'window-state.json';

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** Reads saved state from its JSON text; anything malformed gives `undefined`. */
export function parseWindowState(text: string): WindowState | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const { bounds, maximized } = data as { bounds?: Partial<Record<keyof Rect, unknown>>; maximized?: unknown };
  if (typeof bounds !== 'object' || bounds === null) return undefined;
  const { x, y, width, height } = bounds;
  if (![x, y, width, height].every(isFiniteNumber) || (width as number) <= 0 || (height as number) <= 0) return undefined;
  return { bounds: { x: x as number, y: y as number, width: width as number, height: height as number }, maximized: maximized === true };
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

function centred(size: { width: number; height: number }, area: Rect): Rect {
  const width = Math.min(size.width, area.width);
  const height = Math.min(size.height, area.height);
  return { x: Math.round(area.x + (area.width - width) / 2), y: Math.round(area.y + (area.height - height) / 2), width, height };
}

/**
 * Fits saved bounds into the displays' work areas (`primary` first). Bounds
 * whose title bar is reachable on a display keep their place, shrunk and
 * moved just enough to fit that display; bounds off every display, or no
 * saved bounds, give a default-sized window centred on the primary display.
 */
export function clampWindowBounds(saved: Rect | undefined, workAreas: readonly Rect[]): Rect {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_WINDOW_SIZE };
  if (!saved) return centred(DEFAULT_WINDOW_SIZE, primary);
  // The title bar is the window's top strip: that is what the user needs to reach to move it.
  const titleBar: Rect = { ...saved, height: Math.min(saved.height, MIN_VISIBLE.height) };
  const home = workAreas.find((area) => {
    const shared = overlap(titleBar, area);
    return shared.width >= Math.min(MIN_VISIBLE.width, saved.width) && shared.height >= Math.min(MIN_VISIBLE.height, saved.height);
  });
  if (!home) return centred({ width: saved.width, height: saved.height }, primary);
  const width = Math.min(Math.max(saved.width, Math.min(MIN_WINDOW_SIZE.width, home.width)), home.width);
  const height = Math.min(Math.max(saved.height, Math.min(MIN_WINDOW_SIZE.height, home.height)), home.height);
  const x = Math.min(Math.max(saved.x, home.x), home.x + home.width - width);
  const y = Math.min(Math.max(saved.y, home.y), home.y + home.height - height);
  return { x, y, width, height };
}

/** Reads the saved state from `file`; a missing or damaged file gives `undefined`. */
export async function readWindowState(file: string): Promise<WindowState | undefined> {
  try {
    return parseWindowState(await readFile(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Saves `state` to `file` atomically, so a crash mid-write never leaves half a file. */
export async function writeWindowState(file: string, state: WindowState): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(state, null, 2)}\n`);
}
