/**
 * Installers (`npm run dist`): Linux AppImage + deb, Windows NSIS, macOS dmg.
 * Forge builds the app (its Vite plugin writes .vite/build and
 * .vite/renderer); electron-builder owns everything about installers, so
 * Forge has no makers.
 * See https://www.electron.build/configuration
 */
import type { Configuration, FileAssociation } from 'electron-builder';

/**
 * Projects are `*.mapwright.json`, and OS associations go by the last
 * extension, so the studio registers as an ALTERNATE JSON editor ("Open
 * With"), never the default one. Windows (NSIS) would make itself the
 * default `.json` handler, so it gets no association; the studio still opens
 * a project passed on its command line (electron/shell/launch-args.ts).
 */
const projectFiles: FileAssociation = {
  ext: 'json',
  name: 'Mapwright project',
  mimeType: 'application/json',
  role: 'Editor',
  rank: 'Alternate',
};

const config: Configuration = {
  appId: 'io.mapwright.studio',
  productName: 'Mapwright',
  directories: { output: 'dist' },
  files: ['.vite/build/**/*', '.vite/renderer/**/*', 'package.json'],
  // Samples stay plain files next to app.asar; main.ts reads them from process.resourcesPath.
  extraResources: [{ from: 'samples', to: 'samples' }],
  asar: true,
  // Vite has bundled every runtime dependency into .vite, and there are no
  // native modules: resolving false tells electron-builder that node_modules
  // are handled elsewhere, so it neither rebuilds nor copies them into the asar.
  beforeBuild: async () => false,
  // Electron security checklist: turn off what the app never uses, and only run validated asar code.
  // Set here once (Forge has no fuses plugin). The engine host is a utilityProcess, so runAsNode stays off.
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Development',
    executableName: 'mapwright',
    maintainer: 'Mapwright maintainers',
    fileAssociations: [projectFiles],
  },
  win: { target: ['nsis'] },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  mac: { target: ['dmg'], category: 'public.app-category.developer-tools', hardenedRuntime: true, fileAssociations: [projectFiles] },
  publish: null,
};

export default config;
