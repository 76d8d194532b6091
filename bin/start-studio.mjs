#!/usr/bin/env node
// `npm start`: the desktop studio through Electron Forge. The Electron binary
// is downloaded on first start; when that cannot happen (offline, a proxy),
// this says so and names `npm run web`, the same studio in a browser, instead
// of ending in a download stack trace. MAPWRIGHT_ELECTRON_DIR points at another
// electron package folder (tests use one whose install always fails).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = process.env.MAPWRIGHT_ELECTRON_DIR ?? dirname(require.resolve('electron/package.json'));

/** Whether the Electron binary is in place (electron's own index.js looks in the same spots). */
function electronReady() {
  const pathFile = join(electronDir, 'path.txt');
  return existsSync(pathFile) && existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()));
}

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(`note: Electron ${require('electron/package.json').version} asks for Node.js 22.12 or later (this is ${process.versions.node}); if the studio does not start, use npm run web.\n`);
}

if (!electronReady()) {
  process.stdout.write('Downloading the Electron binary (first start)...\n');
  const installed = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'inherit' });
  if (installed.status !== 0 || !electronReady()) {
    process.stderr.write(
      'npm start: the Electron binary could not be downloaded (offline, or a proxy in the way), so the desktop studio cannot start.\n' +
        '  Use the same studio in your browser:  npm run web\n' +
        '  Or install Electron when online:      node node_modules/electron/install.js\n',
    );
    process.exit(1);
  }
}

const forge = join(dirname(require.resolve('@electron-forge/cli/package.json')), 'dist', 'electron-forge.js');
const child = spawn(process.execPath, [forge, 'start', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
