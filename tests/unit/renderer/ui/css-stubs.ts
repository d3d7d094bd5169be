import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Component CSS is Vite's business: under jest (no CSS transform) every
 * stylesheet under renderer/ui is replaced by an empty module, found on
 * disk so new stylesheets need no edit here. Import this module before any
 * component; its mocks are registered when it runs, before theirs load.
 */
function stylesheets(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return stylesheets(path);
    return entry.name.endsWith('.css') ? [path] : [];
  });
}

for (const sheet of stylesheets(join(__dirname, '../../../../renderer/ui'))) jest.mock(sheet, () => ({}));

export {};
