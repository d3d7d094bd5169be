import { resolveLanguage } from '../../../common/contract';
import { isNewerRevision } from '../../../common/mirror/revision';

describe('resolveLanguage', () => {
  it('follows the first supported OS language', () => {
    expect(resolveLanguage('system', ['ko-KR', 'en-US'])).toBe('ko');
    expect(resolveLanguage('system', ['fr-FR', 'ko_KR'])).toBe('ko');
    expect(resolveLanguage('system', ['EN-gb'])).toBe('en');
  });
  it('falls back to English when no OS language is supported', () => {
    expect(resolveLanguage('system', ['fr-FR'])).toBe('en');
    expect(resolveLanguage('system', [])).toBe('en');
    expect(resolveLanguage('system', [''])).toBe('en');
  });
  it('lets the agent override the OS', () => {
    expect(resolveLanguage('en', ['ko-KR'])).toBe('en');
    expect(resolveLanguage('ko', ['en-US'])).toBe('ko');
  });
});

describe('isNewerRevision', () => {
  it('applies the first snapshot and only strictly newer ones after', () => {
    expect(isNewerRevision(null, 0)).toBe(true);
    expect(isNewerRevision(3, 4)).toBe(true);
    expect(isNewerRevision(3, 3)).toBe(false);
    expect(isNewerRevision(3, 2)).toBe(false);
  });
});
