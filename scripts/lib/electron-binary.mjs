// Finds a runnable Electron binary: ELECTRON_OVERRIDE_DIST_PATH, else the
// one the `electron` package downloaded (node_modules/electron/path.txt).
// Returns null where none could be had (e.g. no network for the download).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function findElectronBinary(root) {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const name = process.platform === 'win32' ? 'electron.exe' : process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron';
    const candidate = join(override, name);
    return existsSync(candidate) ? candidate : null;
  }
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const candidate = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(candidate) ? candidate : null;
}

export function standinBinary(root) {
  return join(root, 'tests', 'support', 'electron-standin', 'bin', 'electron');
}
