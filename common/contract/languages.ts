/**
 * UI languages Switchboard ships complete translations for. PRODUCT D5 lists
 * 27; each one is added here only when its locale file is complete, so the
 * language menu never offers a half-translated UI.
 */
export const SUPPORTED_LANGUAGES = ['en', 'ko'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

/** What the agent chose: follow the OS, or a fixed language. */
export const LANGUAGE_PREFERENCES = ['system', ...SUPPORTED_LANGUAGES] as const;
export type LanguagePreference = (typeof LANGUAGE_PREFERENCES)[number];

export const FALLBACK_LANGUAGE: Language = 'en';

function isSupported(code: string): code is Language {
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(code);
}

/**
 * Picks the UI language from the agent's preference and the OS's preferred
 * languages (BCP 47 tags such as `ko-KR`, most preferred first).
 */
export function resolveLanguage(
  preference: LanguagePreference,
  systemLanguages: readonly string[],
): Language {
  if (preference !== 'system') return preference;
  for (const tag of systemLanguages) {
    const primary = tag.toLowerCase().split(/[-_]/)[0] ?? '';
    if (isSupported(primary)) return primary;
  }
  return FALLBACK_LANGUAGE;
}
