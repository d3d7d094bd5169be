import { join } from 'node:path';

/**
 * Locations of the built bundles, relative to the main bundle
 * (`dist/main/index.js`), which is where they are both in development and
 * inside the packaged ASAR.
 */
export interface AppPaths {
  rendererRoot: string;
  uiPreload: string;
  enginePreload: string;
}

export function appPaths(mainDir: string): AppPaths {
  const dist = join(mainDir, '..');
  return {
    rendererRoot: join(dist, 'renderer'),
    uiPreload: join(dist, 'preload', 'ui.js'),
    enginePreload: join(dist, 'preload', 'engine.js'),
  };
}
