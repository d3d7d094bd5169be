import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentSessionView, ServerProfile } from '../../../../../common/contract/agent-session';
import { Icon } from '../../../components/icon';
import { useAppDispatch, useAppSelector } from '../../../app/hooks';
import { loginFailureText } from '../failure';
import {
  canUseSavedPassword,
  formFromSession,
  validateLoginForm,
  type LoginFieldErrorKey,
  type LoginFormValues,
} from '../login-validation';
import { selectSessionUi } from '../selectors';
import { loginRequested } from '../slice';
import { describedBy, LoginField } from './login-field';

type TextField = 'agentApiUrl' | 'username' | 'dn' | 'teamId';
const TEST_IDS: Record<TextField, string> = {
  agentApiUrl: 'login-server-url',
  username: 'login-username',
  dn: 'login-dn',
  teamId: 'login-team',
};

const textEdit = (field: TextField, value: string): Partial<LoginFormValues> => {
  const next: Partial<LoginFormValues> = {};
  next[field] = value;
  return next;
};

const isProfileKind = (value: string): value is ServerProfile['kind'] => value === 'builtin-lab' || value === 'server';

/**
 * The login form (PRODUCT S1): where to log in, username, password, DN and
 * team, "remember me". Values and the password live in this component's
 * state only; Submit validates (the DN normalised first) and dispatches the
 * intent, then forgets the password. The form follows the remembered login
 * until the agent edits it.
 */
export function LoginForm({ session, labelledBy }: { session: AgentSessionView; labelledBy: string }) {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const id = useId();
  const ui = useAppSelector(selectSessionUi);
  const { profile, remembered, labAvailable } = session;
  const sourceKey = JSON.stringify([profile, remembered]);

  const [values, setValues] = useState<LoginFormValues>(() => formFromSession(profile, remembered));
  const [password, setPassword] = useState('');
  const [dirty, setDirty] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const [syncedKey, setSyncedKey] = useState(sourceKey);
  const [focusRequest, setFocusRequest] = useState(0);
  const [passwordFocusRequest, setPasswordFocusRequest] = useState(0);
  const [seenAttempts, setSeenAttempts] = useState(ui.loginAttempts);
  const formRef = useRef<HTMLFormElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  // Follow main's remembered login and profile until the agent edits the form.
  if (!dirty && syncedKey !== sourceKey) {
    setSyncedKey(sourceKey);
    setValues(formFromSession(profile, remembered));
  }

  const busy = ui.loginPending || session.status === 'logging-in';
  const savedPassword = canUseSavedPassword(values, remembered);
  const result = useMemo(() => validateLoginForm(values, password, remembered), [values, password, remembered]);
  const errors = attempted && !result.ok ? result.errors : {};
  const failure = busy ? null : ui.loginFailure;

  // After a refused submit, move focus to the first field with an error.
  useEffect(() => {
    if (focusRequest === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);

  // After a login main or the contact center refused, the password (cleared on submit) is next.
  if (seenAttempts !== ui.loginAttempts) {
    setSeenAttempts(ui.loginAttempts);
    if (ui.loginFailure !== null) setPasswordFocusRequest((n) => n + 1);
  }
  useEffect(() => {
    if (passwordFocusRequest > 0) passwordRef.current?.focus();
  }, [passwordFocusRequest]);

  const edit = (next: Partial<LoginFormValues>) => {
    setValues((current) => ({ ...current, ...next }));
    setDirty(true);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setAttempted(true);
    if (!result.ok) {
      setFocusRequest((n) => n + 1);
      return;
    }
    dispatch(loginRequested({ profile: result.profile, login: result.login }));
    // Forget the password; an empty field is not an error until the next submit.
    setPassword('');
    setAttempted(false);
  };

  const errorText = (key: LoginFieldErrorKey | undefined) => (key ? t(`session.login.fieldErrors.${key}`) : null);

  const textField = (field: TextField, opts: { type?: string; hint?: string; autoComplete?: string; placeholder?: string }) => {
    const fieldId = `${id}-${field}`;
    const error = errors[field];
    return (
      <LoginField id={fieldId} field={field} label={t(`session.login.${field}.label`)} hint={opts.hint} error={errorText(error)}>
        <input
          id={fieldId}
          className="input"
          type={opts.type ?? 'text'}
          data-testid={TEST_IDS[field]}
          value={values[field]}
          placeholder={opts.placeholder}
          autoComplete={opts.autoComplete ?? 'off'}
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(fieldId, opts.hint !== undefined, error !== undefined)}
          onChange={(e) => edit(textEdit(field, e.target.value))}
        />
      </LoginField>
    );
  };

  const profileId = `${id}-profile`;
  const passwordId = `${id}-password`;
  const rememberId = `${id}-remember`;
  const passwordHint = savedPassword ? (
    <span data-testid="login-password-saved-hint">{t('session.login.password.savedHint', { username: remembered?.username ?? '' })}</span>
  ) : undefined;

  return (
    <form className="login-form" ref={formRef} noValidate aria-busy={busy} aria-labelledby={labelledBy} onSubmit={onSubmit}>
      <div className="login-field">
        <label className="login-field__label" htmlFor={profileId}>
          {t('session.login.profile.label')}
        </label>
        <div className="login-field__row">
          <select
            id={profileId}
            className="select"
            data-testid="login-profile"
            value={values.profileKind}
            aria-describedby={values.profileKind === 'builtin-lab' ? `${profileId}-lab` : undefined}
            onChange={(e) => {
              if (isProfileKind(e.target.value)) edit({ profileKind: e.target.value });
            }}
          >
            <option value="builtin-lab">{t('session.login.profile.builtinLab')}</option>
            <option value="server">{t('session.login.profile.server')}</option>
          </select>
          {values.profileKind === 'builtin-lab' ? (
            <span
              id={`${profileId}-lab`}
              className={`login-lab-status login-lab-status--${labAvailable ? 'running' : 'stopped'}`}
              data-testid="login-lab-status"
              data-available={labAvailable}
            >
              <span className="login-lab-status__dot" aria-hidden="true" />
              {labAvailable ? t('session.login.profile.labRunning') : t('session.login.profile.labNotRunning')}
            </span>
          ) : null}
        </div>
      </div>

      {values.profileKind === 'server'
        ? textField('agentApiUrl', { hint: t('session.login.agentApiUrl.hint'), placeholder: 'wss://cc.example.com/agent', autoComplete: 'url' })
        : null}
      {textField('username', { autoComplete: 'username' })}

      <LoginField id={passwordId} field="password" label={t('session.login.password.label')} hint={passwordHint} error={errorText(errors.password)}>
        <input
          id={passwordId}
          ref={passwordRef}
          className="input"
          type="password"
          data-testid="login-password"
          value={password}
          autoComplete="current-password"
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={describedBy(passwordId, passwordHint !== undefined, errors.password !== undefined)}
          onChange={(e) => setPassword(e.target.value)}
        />
      </LoginField>

      {textField('dn', { type: 'tel', hint: t('session.login.dn.hint'), autoComplete: 'tel' })}
      {textField('teamId', { hint: t('session.login.teamId.hint') })}

      <div className="login-form__remember">
        <input
          id={rememberId}
          type="checkbox"
          data-testid="login-remember"
          checked={values.remember}
          aria-describedby={`${rememberId}-hint`}
          onChange={(e) => edit({ remember: e.target.checked })}
        />
        <label htmlFor={rememberId}>{t('session.login.remember.label')}</label>
        <p className="login-field__hint" id={`${rememberId}-hint`}>
          {t('session.login.remember.hint')}
        </p>
      </div>

      <div className="login-form__status">
        {failure ? (
          <p className="login-error" role="alert" data-testid="login-error" data-source={failure.source} data-code={failure.code}>
            <Icon name="alert" className="login-error__icon" />
            <span>{loginFailureText(t, failure, { profileKind: profile.kind, labAvailable })}</span>
          </p>
        ) : null}
      </div>

      <div className="login-form__actions">
        <button type="submit" className="button button--primary login-form__submit" data-testid="login-submit" disabled={busy}>
          {busy ? <span className="login-spinner" aria-hidden="true" /> : null}
          {busy ? t('session.login.submitting') : t('session.login.submit')}
        </button>
        <span className="visually-hidden" role="status" data-testid="login-busy">
          {busy ? t('session.login.submitting') : ''}
        </span>
      </div>
    </form>
  );
}
