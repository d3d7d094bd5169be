import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Renderer build: two pages, the agent UI and the hidden media engine, both
 * served to Electron from the `switchboard://` scheme (see main/security).
 * Relative base so the same files work from the scheme and from disk.
 */
export default defineConfig({
  root: resolve(__dirname, 'renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(__dirname, 'dist/renderer'),
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    // Inline assets would need `data:` in the CSP; keep them as files.
    assetsInlineLimit: 0,
    rollupOptions: {
      input: {
        ui: resolve(__dirname, 'renderer/ui/index.html'),
        engine: resolve(__dirname, 'renderer/engine/index.html'),
      },
    },
  },
  // The CSP forbids eval and inline scripts; Vite's dev server is not used.
  esbuild: { legalComments: 'none' },
});
