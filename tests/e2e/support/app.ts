import { _electron, expect, test as base, type ElectronApplication, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, selectBackend } from './backend';

export interface LaunchOptions {
  /** OS language as the app would see it, e.g. `ko_KR.UTF-8`. */
  lang?: string;
  /** Reuse a profile (to test persistence); a fresh one by default. */
  userDataDir?: string;
  /** More command-line arguments, e.g. `--lab-url=…` or Chromium's fake-capture file. */
  args?: string[];
}

export interface RunningSwitchboard {
  app: ElectronApplication;
  ui: Page;
  userDataDir: string;
  /** The hidden engine window's page. */
  engine(): Promise<Page>;
  close(): Promise<void>;
}

const backend = selectBackend();

/** Launches the real built app (`npm run build` first) on the selected backend. */
export async function launchSwitchboard(options: LaunchOptions = {}): Promise<RunningSwitchboard> {
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'sb-e2e-'));
  const lang = options.lang ?? 'en_US.UTF-8';
  const app = await _electron.launch({
    executablePath: backend.executablePath ?? undefined,
    args: [ROOT, `--user-data-dir=${userDataDir}`, ...(options.args ?? [])],
    env: { ...process.env, LANG: lang, LC_ALL: lang, LANGUAGE: '' },
    timeout: 30_000,
  });
  const ui = await uiPage(app);
  await expect(ui.getByTestId('app-ready')).toBeVisible();
  return {
    app,
    ui,
    userDataDir,
    engine: () => pageFor(app, 'switchboard://engine/'),
    async close() {
      await app.close();
      if (!options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The UI window's page, whichever window Electron reported first. */
async function uiPage(app: ElectronApplication): Promise<Page> {
  return pageFor(app, 'switchboard://ui/');
}

/** Finds a window by the app URL main loaded into it. */
export async function pageFor(app: ElectronApplication, urlPrefix: string): Promise<Page> {
  await expect
    .poll(async () => {
      const ids = await app.evaluate(
        ({ BrowserWindow }, prefix) =>
          BrowserWindow.getAllWindows()
            .filter((w) => w.webContents.getURL().startsWith(prefix))
            .map((w) => w.id),
        urlPrefix,
      );
      return ids.length;
    })
    .toBeGreaterThan(0);
  for (const page of app.windows()) {
    const window = await app.browserWindow(page);
    const url = await window.evaluate((w) => w.webContents.getURL());
    if (url.startsWith(urlPrefix)) return page;
  }
  throw new Error(`no window shows ${urlPrefix}`);
}

/** Every spec gets the backend check: real Electron missing → skipped, saying why. */
export const test = base.extend<{ backendName: string }>({
  backendName: [
    async ({}, use, testInfo) => {
      testInfo.skip(backend.skipReason !== null, backend.skipReason ?? '');
      testInfo.annotations.push({ type: 'backend', description: backend.name });
      await use(backend.name);
    },
    { auto: true },
  ],
});

export { expect };
export const isStandin = backend.name === 'standin';
