import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DTMF_MODES, type SipAccount } from '../../../../../common/contract/softphone';
import { Icon } from '../../../components/icon';
import { FormField } from '../../../components/form-field';
import { useAppDispatch, useAppSelector } from '../../../app/hooks';
import { selectSoftphone } from '../../mirror/selectors';
import {
  formFromAccount,
  validateSipForm,
  type Codec,
  type DtmfMode,
  type SipField,
  type SipFieldError,
  type SipFormValues,
} from '../account-form';
import { RECONNECTABLE, registrationText } from '../registration-text';
import { sipAccountRemoveRequested, sipAccountSaveRequested, sipReconnectRequested } from '../slice';
import './sip-account-form.css';

/** Codec names are technical names; they are not translated. */
const CODEC_NAMES: Record<Codec, string> = {
  opus: 'Opus',
  PCMU: 'G.711 µ-law (PCMU)',
  PCMA: 'G.711 A-law (PCMA)',
  G722: 'G.722',
};

const isDtmfMode = (value: string): value is DtmfMode => (DTMF_MODES as readonly string[]).includes(value);

type TextField = 'server' | 'aor' | 'authUser' | 'displayName';

const textEdit = (field: TextField, value: string): Partial<SipFormValues> => {
  const next: Partial<SipFormValues> = {};
  next[field] = value;
  return next;
};

/** One labelled control with its hint and (after a save attempt) its error. */
function Field({
  id,
  field,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  field: SipField;
  label: string;
  hint?: ReactNode;
  error: string | null;
  children: ReactNode;
}) {
  return (
    <FormField id={id} block="field" className="sip-form__field" label={label} hint={hint} error={error} errorTestId={`sip-field-error-${field}`}>
      {children}
    </FormField>
  );
}

/**
 * The SIP account ("Phone") section of the settings view. Form values and
 * the password live in this component's state only; Save validates with the
 * contract's schema and dispatches an intent (the listener calls the
 * bridge). The form follows the mirrored account on first show and after a
 * save or removal, never while the agent is editing.
 */
export function SipAccountForm() {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const id = useId();
  const softphone = useAppSelector(selectSoftphone);
  const ui = useAppSelector((state) => state.softphone);
  const account: SipAccount | null = softphone?.account?.account ?? null;
  const hasPassword = softphone?.account?.hasPassword ?? false;
  const accountKey = JSON.stringify(account);

  const [values, setValues] = useState<SipFormValues>(() => formFromAccount(account));
  const [password, setPassword] = useState('');
  const [dirty, setDirty] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  const [syncedKey, setSyncedKey] = useState<string | null>(accountKey);
  const [seen, setSeen] = useState({ saved: ui.savedCount, removed: ui.removedCount });
  const [justSaved, setJustSaved] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const removeRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);

  // A save or removal main accepted: forget the typed password and follow
  // the mirror again (adjusting state during render, no effect needed).
  if (seen.saved !== ui.savedCount || seen.removed !== ui.removedCount) {
    setJustSaved(seen.saved !== ui.savedCount);
    setSeen({ saved: ui.savedCount, removed: ui.removedCount });
    setPassword('');
    setDirty(false);
    setAttempted(false);
    setConfirmingRemove(false);
    setSyncedKey(null);
  }
  if (!dirty && syncedKey !== accountKey) {
    setSyncedKey(accountKey);
    setValues(formFromAccount(account));
  }

  const result = useMemo(() => validateSipForm(values, password, account), [values, password, account]);
  const errors = attempted && !result.ok ? result.errors : {};

  // After a refused save, move focus to the first field with an error.
  useEffect(() => {
    if (focusRequest === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);

  useEffect(() => {
    if (confirmingRemove) cancelRef.current?.focus();
  }, [confirmingRemove]);

  if (!softphone) return null;
  const { registration, vault } = softphone;

  const errorText = (error: SipFieldError | undefined): string | null =>
    error ? t(`softphone.account.errors.${error.key}`, { line: error.line ?? 0, max: error.max ?? 0 }) : null;

  const describedBy = (fieldId: string, hint: boolean, field: SipField) =>
    [hint ? `${fieldId}-hint` : null, errors[field] ? `${fieldId}-error` : null].filter(Boolean).join(' ') ||
    undefined;

  const edit = (next: Partial<SipFormValues>) => {
    setValues((current) => ({ ...current, ...next }));
    setDirty(true);
    setJustSaved(false);
  };

  const moveCodec = (index: number, by: -1 | 1) => {
    const target = index + by;
    if (target < 0 || target >= values.codecs.length) return;
    const codecs = [...values.codecs];
    [codecs[index], codecs[target]] = [codecs[target]!, codecs[index]!];
    edit({ codecs });
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempted(true);
    if (!result.ok) {
      setFocusRequest((n) => n + 1);
      return;
    }
    dispatch(
      sipAccountSaveRequested(
        result.password === undefined ? { account: result.account } : { account: result.account, password: result.password },
      ),
    );
  };

  const cancelRemove = () => {
    setConfirmingRemove(false);
    removeRef.current?.focus();
  };

  const onConfirmKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      cancelRemove();
    }
  };

  const textField = (field: TextField, opts: { placeholder?: string; hint?: string; autoComplete?: string }) => {
    const fieldId = `${id}-${field}`;
    const testId = {
      server: 'sip-server',
      aor: 'sip-aor',
      authUser: 'sip-auth-user',
      displayName: 'sip-display-name',
    }[field];
    return (
      <Field
        id={fieldId}
        field={field}
        label={t(`softphone.account.${field}.label`)}
        hint={opts.hint}
        error={errorText(errors[field])}
      >
        <input
          id={fieldId}
          className="input"
          type="text"
          data-testid={testId}
          value={values[field]}
          placeholder={opts.placeholder}
          autoComplete={opts.autoComplete ?? 'off'}
          spellCheck={false}
          aria-invalid={errors[field] ? true : undefined}
          aria-describedby={describedBy(fieldId, opts.hint !== undefined, field)}
          onChange={(event) => edit(textEdit(field, event.target.value))}
        />
      </Field>
    );
  };

  const passwordId = `${id}-password`;
  const passwordHint = hasPassword
    ? t('softphone.account.password.savedHint')
    : account
      ? t('softphone.account.password.missingHint')
      : null;
  const iceId = `${id}-ice`;
  const codecsId = `${id}-codecs`;
  const dtmfId = `${id}-dtmf`;
  const canReconnect = RECONNECTABLE.includes(registration.status);

  return (
    <section className="settings-view__section sip-account" aria-labelledby={`${id}-title`}>
      <h3 className="settings-view__heading" id={`${id}-title`}>
        {t('softphone.account.title')}
      </h3>

      <div className="sip-account__status">
        <p className="sip-account__status-text" data-status={registration.status}>
          <span className="sip-account__status-label">{t('softphone.account.statusLabel')}</span>{' '}
          <strong>{registrationText(t, registration)}</strong>
        </p>
        {canReconnect ? (
          <button
            type="button"
            className="button button--compact"
            data-testid="sip-reconnect"
            disabled={ui.reconnectPending}
            onClick={() => dispatch(sipReconnectRequested())}
          >
            <Icon name="restart" />
            {ui.reconnectPending ? t('softphone.registration.reconnectPending') : t('softphone.registration.reconnect')}
          </button>
        ) : null}
      </div>
      {registration.status === 'auth-failed' ? (
        <p className="field__hint">{t('softphone.registration.authFailedHint')}</p>
      ) : null}

      {vault === 'session-only' ? (
        <div className="sip-account__warning" role="note" data-testid="sip-vault-warning">
          <Icon name="alert" className="sip-account__warning-icon" />
          <p>{t('softphone.account.vaultWarning')}</p>
        </div>
      ) : null}

      <form className="sip-form" ref={formRef} noValidate onSubmit={onSubmit} aria-labelledby={`${id}-title`}>
        {textField('server', {
          placeholder: 'wss://pbx.example.com:8089/ws',
          hint: t('softphone.account.server.hint'),
          autoComplete: 'url',
        })}
        {textField('aor', { placeholder: 'sip:1001@pbx.example.com', hint: t('softphone.account.aor.hint') })}
        {textField('authUser', { hint: t('softphone.account.authUser.hint'), autoComplete: 'username' })}
        {textField('displayName', { hint: t('softphone.account.displayName.hint') })}

        <Field
          id={passwordId}
          field="password"
          label={t('softphone.account.password.label')}
          hint={
            passwordHint ? (
              <span data-testid={hasPassword ? 'sip-password-saved-hint' : 'sip-password-missing-hint'}>
                {passwordHint}
              </span>
            ) : undefined
          }
          error={errorText(errors.password)}
        >
          <input
            id={passwordId}
            className="input"
            type="password"
            data-testid="sip-password"
            value={password}
            autoComplete="new-password"
            aria-invalid={errors.password ? true : undefined}
            aria-describedby={describedBy(passwordId, passwordHint !== null, 'password')}
            onChange={(event) => setPassword(event.target.value)}
          />
        </Field>

        <Field
          id={iceId}
          field="iceServers"
          label={t('softphone.account.iceServers.label')}
          hint={t('softphone.account.iceServers.hint')}
          error={errorText(errors.iceServers)}
        >
          <textarea
            id={iceId}
            className="input sip-form__textarea"
            data-testid="sip-ice-servers"
            rows={3}
            value={values.iceServers}
            placeholder="stun:stun.example.com:3478"
            spellCheck={false}
            aria-invalid={errors.iceServers ? true : undefined}
            aria-describedby={describedBy(iceId, true, 'iceServers')}
            onChange={(event) => edit({ iceServers: event.target.value })}
          />
        </Field>

        <fieldset
          className={`field sip-form__field sip-form__codecs${errors.codecs ? ' field--invalid' : ''}`}
          aria-describedby={describedBy(codecsId, true, 'codecs')}
        >
          <legend className="field__label">{t('softphone.account.codecs.label')}</legend>
          <ol className="codec-list">
            {values.codecs.map(({ codec, enabled }, index) => {
              const name = CODEC_NAMES[codec];
              return (
                <li key={codec} className="codec-list__item">
                  <label className="codec-list__label">
                    <input
                      type="checkbox"
                      data-testid={`sip-codec-${codec}`}
                      checked={enabled}
                      aria-invalid={errors.codecs ? true : undefined}
                      onChange={(event) =>
                        edit({
                          codecs: values.codecs.map((c) =>
                            c.codec === codec ? { codec, enabled: event.target.checked } : c,
                          ),
                        })
                      }
                    />
                    <span>{name}</span>
                  </label>
                  <button
                    type="button"
                    className="icon-button codec-list__move"
                    data-testid={`sip-codec-${codec}-up`}
                    aria-label={t('softphone.account.codecs.moveUp', { codec: name })}
                    title={t('softphone.account.codecs.moveUp', { codec: name })}
                    disabled={index === 0}
                    onClick={() => moveCodec(index, -1)}
                  >
                    <Icon name="chevronUp" />
                  </button>
                  <button
                    type="button"
                    className="icon-button codec-list__move"
                    data-testid={`sip-codec-${codec}-down`}
                    aria-label={t('softphone.account.codecs.moveDown', { codec: name })}
                    title={t('softphone.account.codecs.moveDown', { codec: name })}
                    disabled={index === values.codecs.length - 1}
                    onClick={() => moveCodec(index, 1)}
                  >
                    <Icon name="chevronDown" />
                  </button>
                </li>
              );
            })}
          </ol>
          <p className="field__hint" id={`${codecsId}-hint`}>
            {t('softphone.account.codecs.hint')}
          </p>
          {errors.codecs ? (
            <p className="field__error" id={`${codecsId}-error`} data-testid="sip-field-error-codecs">
              <Icon name="alert" className="field__error-icon" />
              {errorText(errors.codecs)}
            </p>
          ) : null}
        </fieldset>

        <Field
          id={dtmfId}
          field="dtmfMode"
          label={t('softphone.account.dtmf.label')}
          hint={t('softphone.account.dtmf.hint')}
          error={errorText(errors.dtmfMode)}
        >
          <select
            id={dtmfId}
            className="select"
            data-testid="sip-dtmf-mode"
            value={values.dtmfMode}
            aria-invalid={errors.dtmfMode ? true : undefined}
            aria-describedby={describedBy(dtmfId, true, 'dtmfMode')}
            onChange={(event) => {
              if (isDtmfMode(event.target.value)) edit({ dtmfMode: event.target.value });
            }}
          >
            {DTMF_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {t(`softphone.account.dtmf.${mode}`)}
              </option>
            ))}
          </select>
        </Field>

        <div className="field sip-form__field">
          <label className="sip-form__check">
            <input
              type="checkbox"
              data-testid="sip-audio-processing"
              checked={values.audioProcessing}
              aria-describedby="sip-audio-processing-hint"
              onChange={(event) => edit({ audioProcessing: event.target.checked })}
            />
            {t('softphone.account.audioProcessing.label')}
          </label>
          <p className="field__hint" id="sip-audio-processing-hint">
            {t('softphone.account.audioProcessing.hint')}
          </p>
        </div>

        <div className="sip-form__actions">
          <button type="submit" className="button button--primary" data-testid="sip-save" disabled={ui.savePending}>
            {ui.savePending ? t('softphone.account.saving') : t('softphone.account.save')}
          </button>
          {account ? (
            <button
              type="button"
              className="button"
              ref={removeRef}
              data-testid="sip-remove"
              aria-expanded={confirmingRemove}
              aria-controls={`${id}-confirm`}
              disabled={ui.removePending}
              onClick={() => setConfirmingRemove(true)}
            >
              {t('softphone.account.remove')}
            </button>
          ) : null}
          <p className="sip-form__saved" role="status" data-testid="sip-saved">
            {justSaved && !ui.savePending ? t('softphone.account.saved') : null}
          </p>
        </div>

        {account && confirmingRemove ? (
          <div
            className="sip-form__confirm"
            id={`${id}-confirm`}
            role="group"
            aria-labelledby={`${id}-confirm-text`}
            onKeyDown={onConfirmKeyDown}
          >
            <p id={`${id}-confirm-text`}>{t('softphone.account.removeConfirmText')}</p>
            <div className="sip-form__actions">
              <button
                type="button"
                className="button button--danger"
                data-testid="sip-remove-confirm"
                disabled={ui.removePending}
                onClick={() => dispatch(sipAccountRemoveRequested())}
              >
                {ui.removePending ? t('softphone.account.removing') : t('softphone.account.removeConfirm')}
              </button>
              <button
                type="button"
                className="button"
                ref={cancelRef}
                data-testid="sip-remove-cancel"
                onClick={cancelRemove}
              >
                {t('softphone.account.removeCancel')}
              </button>
            </div>
          </div>
        ) : null}
      </form>
    </section>
  );
}
