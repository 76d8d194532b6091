/**
 * The studio window's options. Kept out of main.ts (which imports Electron)
 * so the security-relevant settings are unit-tested in plain Node; main.ts
 * passes this object to `new BrowserWindow`, and TypeScript checks it fits.
 */

/** The subset of Electron's `BrowserWindowConstructorOptions` the studio sets. */
export interface StudioWindowOptions {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  title: string;
  show: boolean;
  backgroundColor: string;
  webPreferences: {
    preload: string;
    contextIsolation: true;
    sandbox: true;
    nodeIntegration: false;
    nodeIntegrationInWorker: false;
    nodeIntegrationInSubFrames: false;
    webSecurity: true;
    allowRunningInsecureContent: false;
    webviewTag: false;
    experimentalFeatures: false;
    navigateOnDragDrop: false;
    spellcheck: false;
  };
}

/**
 * Options for the main window. The literal `true`/`false` types make a
 * weakened setting a compile error, not just a failing test.
 * @param preloadPath absolute path of the built preload script
 */
export function studioWindowOptions(preloadPath: string): StudioWindowOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 800,
    minHeight: 500,
    title: 'Mapwright',
    // Shown on 'ready-to-show' so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#f6f7f9',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}
