import type { ReactNode } from 'react';
import { Icon } from './icon';

/**
 * One labelled form control with its hint and (after a submit attempt) its
 * error, tied to the control by `${id}-hint` / `${id}-error` for
 * `aria-describedby`. `block` is the CSS block name (`field`,
 * `login-field`, …): elements are `<block>__label`, `__hint`, `__error`.
 */
export function FormField({
  id,
  block,
  className,
  label,
  hint,
  error,
  errorTestId,
  children,
}: {
  id: string;
  block: string;
  className?: string;
  label: string;
  hint?: ReactNode;
  error: string | null;
  errorTestId: string;
  children: ReactNode;
}) {
  return (
    <div className={[block, className, error ? `${block}--invalid` : null].filter(Boolean).join(' ')}>
      <label className={`${block}__label`} htmlFor={id}>
        {label}
      </label>
      {children}
      {hint ? (
        <p className={`${block}__hint`} id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className={`${block}__error`} id={`${id}-error`} data-testid={errorTestId}>
          <Icon name="alert" className={`${block}__error-icon`} />
          {error}
        </p>
      ) : null}
    </div>
  );
}
