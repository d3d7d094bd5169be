import { join } from 'node:path';
import { findElectronBinary, standinBinary } from '../../../scripts/lib/electron-binary.mjs';

export const ROOT = join(__dirname, '..', '..', '..');

/** Which Electron the specs drive, and why a real one may be missing. */
export interface Backend {
  name: 'standin' | 'electron';
  executablePath: string | null;
  skipReason: string | null;
}

export function selectBackend(): Backend {
  if (process.env.E2E_BACKEND === 'electron') {
    const binary = findElectronBinary(ROOT);
    return {
      name: 'electron',
      executablePath: binary,
      skipReason: binary
        ? null
        : 'E2E_BACKEND=electron but no Electron binary is installed (its download is unreachable on this machine); the same specs ran on the stand-in instead',
    };
  }
  return { name: 'standin', executablePath: standinBinary(ROOT), skipReason: null };
}
