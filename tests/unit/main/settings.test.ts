import { DEFAULT_SETTINGS, parseSettings } from '../../../main/settings/settings-schema';
import { createSettingsRepository } from '../../../main/settings/settings-store';
import { memoryLogger } from '../support/memory-logger';

describe('settings', () => {
  it('parses stored settings field by field, keeping good values', () => {
    expect(parseSettings({ language: 'ko' })).toEqual({ settings: { ...DEFAULT_SETTINGS, language: 'ko' }, problems: [] });
    const bad = parseSettings({ language: 'klingon', unknown: 1 });
    expect(bad.settings).toEqual(DEFAULT_SETTINGS);
    expect(bad.problems).toEqual([{ field: 'language', message: expect.any(String) }]);
  });

  it.each([null, 'text', 42, [], undefined])('falls back to defaults for %p', (raw) => {
    expect(parseSettings(raw).settings).toEqual(DEFAULT_SETTINGS);
  });

  it('reports invalid stored values and writes back merged settings', () => {
    const { log, records } = memoryLogger();
    const repo = createSettingsRepository('/tmp/unused', log);
    expect(repo.read()).toEqual(DEFAULT_SETTINGS);
    expect(repo.write({ language: 'ko' })).toEqual({ ...DEFAULT_SETTINGS, language: 'ko' });
    expect(repo.read()).toEqual({ ...DEFAULT_SETTINGS, language: 'ko' });
    expect(records.filter((r) => r.level === 'warn')).toHaveLength(0);
  });
});
