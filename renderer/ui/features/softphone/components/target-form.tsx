import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { normalizeTarget } from '../../../../../common/softphone';
import { Icon } from '../../../components/icon';

interface TargetFormProps {
  label: string;
  submitLabel: string;
  inputTestId: string;
  submitTestId: string;
  /** The command cannot be sent now (the table would refuse it). */
  disabled: boolean;
  onSubmit: (target: string) => void;
  onCancel: () => void;
}

/**
 * The "who to" step of Consult and Transfer: one input for a number or a
 * SIP address. Enter submits, Escape cancels; the shape is checked here
 * (the table checks it again) so a typo is explained next to the field.
 */
export function TargetForm({ label, submitLabel, inputTestId, submitTestId, disabled, onSubmit, onCancel }: TargetFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [target, setTarget] = useState('');
  const [invalid, setInvalid] = useState(false);

  useEffect(() => {
    inputRef.current?.focus();
  }, []);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (disabled) return;
    if (normalizeTarget(target) === null) {
      setInvalid(true);
      inputRef.current?.focus();
      return;
    }
    onSubmit(target.trim());
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onCancel();
    }
  };

  return (
    <form className="target-form" noValidate onSubmit={submit} onKeyDown={onKeyDown}>
      <label className="field__label" htmlFor={`${id}-target`}>
        {label}
      </label>
      <div className="target-form__row">
        <input
          ref={inputRef}
          id={`${id}-target`}
          className="input"
          type="text"
          inputMode="tel"
          autoComplete="off"
          spellCheck={false}
          data-testid={inputTestId}
          value={target}
          placeholder={t('softphone.dial.placeholder')}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={invalid ? `${id}-error` : undefined}
          onChange={(event) => {
            setTarget(event.target.value);
            setInvalid(false);
          }}
        />
        <button
          type="submit"
          className="button button--primary"
          data-testid={submitTestId}
          disabled={disabled || target.trim() === ''}
        >
          {submitLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('softphone.form.cancel')}
        </button>
      </div>
      {invalid ? (
        <p className="field__error" id={`${id}-error`}>
          <Icon name="alert" className="field__error-icon" />
          {t('softphone.form.targetInvalid')}
        </p>
      ) : null}
    </form>
  );
}
