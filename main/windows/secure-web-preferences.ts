import type { WebPreferences } from 'electron';

/**
 * Security settings of every window — do not change without review.
 * Isolated, sandboxed renderers with no Node; the preload is the only bridge.
 */
export function secureWebPreferences(preload: string, extra: Partial<WebPreferences> = {}): WebPreferences {
  return {
    ...extra,
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    // Middle-click opens bypass click handlers; keep every open on the deny path.
    disableBlinkFeatures: 'Auxclick',
  };
}
