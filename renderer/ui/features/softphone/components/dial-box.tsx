import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_TARGET_LENGTH, normalizeTarget } from '../../../../../common/softphone';
import { Icon } from '../../../components/icon';
import { useAppDispatch, useAppSelector } from '../../../app/hooks';
import { selectLines, selectRegistration } from '../../mirror/selectors';
import { auxViewOpened } from '../../shell/slice';
import { canDial } from '../line-controls';
import { registrationText } from '../registration-text';
import { lineCommandRequested } from '../slice';
import { KeyPad } from './key-pad';
import './dial-box.css';

/**
 * The Dialpad view (seed: "New call", dial pad, Call): a number or SIP
 * address, typed or keyed in, dialled on line 1. Call works only while the
 * phone is registered and both lines are free (the table's `dial`); the
 * hint says which of the two is missing.
 */
export function DialBox() {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const id = useId();
  const lines = useAppSelector(selectLines);
  const registration = useAppSelector(selectRegistration);
  const dialed = useAppSelector((state) => state.softphone.acceptedCounts.dial ?? 0);
  const inputRef = useRef<HTMLInputElement>(null);
  const [target, setTarget] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [seenDialed, setSeenDialed] = useState(dialed);

  // Main accepted the outdial: the box is ready for the next number.
  if (seenDialed !== dialed) {
    setSeenDialed(dialed);
    setTarget('');
    setInvalid(false);
  }

  const dialAllowed = useMemo(() => (lines ? canDial(lines.phone) : false), [lines]);
  const registered = registration?.status === 'registered';
  const ready = registered && dialAllowed;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;

  const edit = (value: string) => {
    setTarget(value.slice(0, MAX_TARGET_LENGTH));
    setInvalid(false);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!ready || target.trim() === '') return;
    if (normalizeTarget(target) === null) {
      setInvalid(true);
      inputRef.current?.focus();
      return;
    }
    dispatch(lineCommandRequested({ kind: 'dial', target: target.trim() }));
  };

  return (
    <form className="dial-box" noValidate onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 className="visually-hidden" id={`${id}-title`}>
        {t('softphone.dial.title')}
      </h3>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-target`}>
          {t('softphone.dial.label')}
        </label>
        <div className="dial-box__row">
          <input
            ref={inputRef}
            id={`${id}-target`}
            className="input dial-box__input"
            type="text"
            inputMode="tel"
            autoComplete="off"
            spellCheck={false}
            data-testid="dial-target"
            value={target}
            placeholder={t('softphone.dial.placeholder')}
            aria-invalid={invalid ? true : undefined}
            aria-describedby={[invalid ? errorId : null, ready ? null : hintId].filter(Boolean).join(' ') || undefined}
            onChange={(event) => edit(event.target.value)}
          />
          <button
            type="button"
            className="icon-button dial-box__backspace"
            data-testid="dial-backspace"
            aria-label={t('softphone.dial.backspace')}
            title={t('softphone.dial.backspace')}
            disabled={target === ''}
            onClick={() => edit(target.slice(0, -1))}
          >
            <Icon name="backspace" />
          </button>
        </div>
        {invalid ? (
          <p className="field__error" id={errorId}>
            <Icon name="alert" className="field__error-icon" />
            {t('softphone.form.targetInvalid')}
          </p>
        ) : null}
      </div>

      <KeyPad testIdPrefix="dial-key" label={t('softphone.dial.keypad')} onKey={(digit) => edit(target + digit)} />

      <button
        type="submit"
        className="button button--success dial-box__call"
        data-testid="dial-call"
        disabled={!ready || target.trim() === ''}
        aria-describedby={ready ? undefined : hintId}
      >
        <Icon name="phone" />
        {t('softphone.dial.call')}
      </button>

      {!registered ? (
        <div className="dial-box__hint" id={hintId} data-testid="dial-hint" data-reason="not-registered">
          <p>
            <strong className="dial-box__hint-title">{t('softphone.dial.notReady')}</strong>
            {registration ? t('softphone.dial.notReadyHint', { status: registrationText(t, registration) }) : null}
          </p>
          <button type="button" className="button button--compact" onClick={() => dispatch(auxViewOpened('settings'))}>
            {t('softphone.dial.openSettings')}
          </button>
        </div>
      ) : !dialAllowed ? (
        <p className="dial-box__hint" id={hintId} data-testid="dial-hint" data-reason="line-busy">
          {t('softphone.dial.busy')}
        </p>
      ) : null}
    </form>
  );
}
