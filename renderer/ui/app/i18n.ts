import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { FALLBACK_LANGUAGE, type Language } from '../../../common/contract/languages';
import { en, ko } from '../../../common/i18n/resources';

/** Bundled locale resources; each supported language is complete (see the locale test). */
export const resources = {
  en: { translation: en },
  ko: { translation: ko },
} as const;

/**
 * One i18next instance for the window. Resources are bundled, so init and
 * `changeLanguage` complete synchronously: no flash of the wrong language.
 */
export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: FALLBACK_LANGUAGE,
    initAsync: false,
    // React escapes text itself.
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
    returnNull: false,
  });
  return instance;
}
