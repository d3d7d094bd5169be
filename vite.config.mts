import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Renderer build: two pages, the agent UI and the hidden media engine, both
 * served to Electron from the `switchboard://` scheme (see main/security).
 * Relative base so the same files work from the scheme and from disk.
 */
const here = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: resolve(here, 'renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(here, 'dist/renderer'),
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    // Inline assets would need `data:` in the CSP; keep them as files.
    assetsInlineLimit: 0,
    rollupOptions: {
      input: {
        ui: resolve(here, 'renderer/ui/index.html'),
        engine: resolve(here, 'renderer/engine/index.html'),
      },
    },
  },
});
