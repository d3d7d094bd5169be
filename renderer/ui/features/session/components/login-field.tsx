import type { ReactNode } from 'react';
import { FormField } from '../../../components/form-field';
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
    <FormField id={id} block="login-field" label={label} hint={hint} error={error} errorTestId={`login-field-error-${field}`}>
      {children}
    </FormField>
  );
}
