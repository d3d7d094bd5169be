import Store from 'electron-store';
import type { Logger } from '../../common/log/logger';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, parseSettings, type Settings } from './settings-schema';

/** Persistence of the agent's settings; electron-store in the app, a fake in tests. */
export interface SettingsRepository {
  read(): Settings;
  write(change: Partial<Settings>): Settings;
}

interface StoredShape extends Settings {
  version: number;
}

/**
 * electron-store backed settings (a JSON file in userData). Reads are
 * validated field by field; a corrupt file is reported and replaced by
 * defaults rather than crashing the app.
 */
export function createSettingsRepository(cwd: string, log: Logger): SettingsRepository {
  // clearInvalidConfig: a file that is not JSON at all starts over from defaults.
  const store = new Store<StoredShape>({
    cwd,
    name: 'settings',
    defaults: { ...DEFAULT_SETTINGS, version: SETTINGS_VERSION },
    clearInvalidConfig: true,
  });
  const read = (): Settings => {
    const { settings, problems } = parseSettings(store.store);
    for (const problem of problems) log.warn('invalid stored setting ignored', problem);
    return settings;
  };
  return {
    read,
    write(change) {
      const next = { ...read(), ...change };
      store.set({ ...next, version: SETTINGS_VERSION });
      return next;
    },
  };
}
