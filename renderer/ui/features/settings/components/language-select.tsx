import { useId, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  LANGUAGE_PREFERENCES,
  resolveLanguage,
  type LanguagePreference,
} from '../../../../../common/contract/languages';
import { useAppDispatch, useAppSelector } from '../../../app/hooks';
import { selectAppInfo, selectLanguagePreference } from '../../mirror/selectors';
import { languageChosen } from '../slice';

function isPreference(value: string): value is LanguagePreference {
  return (LANGUAGE_PREFERENCES as readonly string[]).includes(value);
}

/**
 * Display language. Choosing one sends the intent; the window changes
 * language only when main's next snapshot carries the resolved language.
 * Language names are shown in their own language, as agents look for them.
 */
export function LanguageSelect() {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const id = useId();
  const preference = useAppSelector(selectLanguagePreference) ?? 'system';
  const pending = useAppSelector((state) => state.settings.pendingLanguage);
  const info = useAppSelector(selectAppInfo);
  const systemLanguage = resolveLanguage('system', info?.systemLanguages ?? []);
  const value = pending?.preference ?? preference;

  const onChange = (event: ChangeEvent<HTMLSelectElement>) => {
    const next = event.target.value;
    if (isPreference(next) && next !== value) dispatch(languageChosen(next));
  };

  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {t('settings.language.label')}
      </label>
      <div className="field__row">
        <select
          id={id}
          className="select"
          data-testid="settings-language"
          aria-describedby={`${id}-hint`}
          value={value}
          onChange={onChange}
        >
          {LANGUAGE_PREFERENCES.map((option) => (
            <option key={option} value={option} lang={option === 'system' ? undefined : option}>
              {option === 'system'
                ? t('settings.language.system', { language: t(`languages.${systemLanguage}`) })
                : t(`languages.${option}`)}
            </option>
          ))}
        </select>
        {pending ? (
          <span className="field__status" role="status" data-testid="settings-language-saving">
            {t('settings.language.saving')}
          </span>
        ) : null}
      </div>
      <p className="field__hint" id={`${id}-hint`}>
        {t('settings.language.hint')}
      </p>
    </div>
  );
}
