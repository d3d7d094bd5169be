import type { ReactNode } from 'react';
import { Icon } from '../../../components/icon';
import type { LoginField as LoginFieldName } from '../login-validation';

/** Ids of a field's hint and error, for `aria-describedby`. */
export function describedBy(id: string, hint: boolean, error: boolean): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

/** One labelled login control with its hint and (after a submit attempt) its error. */
export function LoginField({
  id,
  field,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  field: LoginFieldName;
  label: string;
  hint?: ReactNode;
  error: string | null;
  children: ReactNode;
}) {
  return (
    <div className={`login-field${error ? ' login-field--invalid' : ''}`}>
      <label className="login-field__label" htmlFor={id}>
        {label}
      </label>
      {children}
      {hint ? (
        <p className="login-field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="login-field__error" id={`${id}-error`} data-testid={`login-field-error-${field}`}>
          <Icon name="alert" className="login-field__error-icon" />
          {error}
        </p>
      ) : null}
    </div>
  );
}
