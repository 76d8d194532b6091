/**
 * Creates the studio window where the user left it: size, position and
 * maximised state come from window-state.json in userData, clamped into the
 * displays that exist now, and are saved again as they change. Thin Electron
 * wiring; the clamping and the file format are tested in window-state.ts.
 */
import { BrowserWindow, nativeTheme, screen } from 'electron';
import { studioWindowOptions } from '../security/window-options';
import { clampWindowBounds, readWindowState, writeWindowState, type WindowState } from './window-state';

/** Dark background for the first frame when the OS is dark, so a dark-mode user never sees a white flash. */
const DARK_BACKGROUND = '#14181e';

/** How long after the last move or resize the state is written. */
const SAVE_DELAY_MS = 500;

/** Opens the studio window with its remembered bounds; `stateFile` is where they live. */
export async function createStudioWindow(preloadPath: string, stateFile: string): Promise<BrowserWindow> {
  const saved = await readWindowState(stateFile);
  const primary = screen.getPrimaryDisplay();
  const workAreas = [primary, ...screen.getAllDisplays().filter((display) => display.id !== primary.id)].map((display) => display.workArea);
  const options = studioWindowOptions(preloadPath);
  const window = new BrowserWindow({
    ...options,
    ...clampWindowBounds(saved?.bounds, workAreas),
    backgroundColor: nativeTheme.shouldUseDarkColors ? DARK_BACKGROUND : options.backgroundColor,
  });
  if (saved?.maximized) window.maximize();

  let timer: ReturnType<typeof setTimeout> | undefined;
  const snapshot = (): WindowState => ({ bounds: window.getNormalBounds(), maximized: window.isMaximized() });
  const save = (state: WindowState): void => {
    // Losing a window position is not worth an error dialog.
    writeWindowState(stateFile, state).catch(() => undefined);
  };
  const saveSoon = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => save(snapshot()), SAVE_DELAY_MS);
  };
  for (const event of ['resized', 'moved', 'maximize', 'unmaximize'] as const) window.on(event as 'resized', saveSoon);
  window.on('close', () => {
    clearTimeout(timer);
    save(snapshot());
  });
  return window;
}
