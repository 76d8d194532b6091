/**
 * Globals Forge's Vite plugin defines for the main process
 * (`MAIN_WINDOW_VITE_DEV_SERVER_URL`, `MAIN_WINDOW_VITE_NAME`), and the
 * Forge fields it adds to Vite's `ConfigEnv` in the vite.*.config.ts files.
 */
/// <reference types="@electron-forge/plugin-vite/forge-vite-env" />
