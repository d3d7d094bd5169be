import 'i18next';
import type { LocaleTree } from '../../../common/i18n/resources';

/**
 * Typed keys: `t('nav.help')` compiles only when the key exists in the
 * English locale (the locale test keeps Korean in step with it).
 */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: LocaleTree };
  }
}
