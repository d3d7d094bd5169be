import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import './key-pad.css';

/** The twelve keys of a phone, with the letters printed under the digits. */
const KEYS = [
  ['1', ''],
  ['2', 'ABC'],
  ['3', 'DEF'],
  ['4', 'GHI'],
  ['5', 'JKL'],
  ['6', 'MNO'],
  ['7', 'PQRS'],
  ['8', 'TUV'],
  ['9', 'WXYZ'],
  ['*', ''],
  ['0', '+'],
  ['#', ''],
] as const;

export type KeyDigit = (typeof KEYS)[number][0];

/** `dtmf-key-star`, `dial-key-hash`, `dial-key-5`. */
export const keyTestId = (prefix: string, digit: KeyDigit) =>
  `${prefix}-${digit === '*' ? 'star' : digit === '#' ? 'hash' : digit}`;

/** A typed key the pad takes: 0-9, * and #. */
export const isKeyDigit = (key: string): key is KeyDigit => /^[0-9*#]$/.test(key);

interface KeyPadProps {
  /** `dtmf-key` or `dial-key`. */
  testIdPrefix: string;
  /** Accessible name of the pad. */
  label: string;
  disabled?: boolean;
  /**
   * The pad itself takes focus and turns typed 0-9, * and # into presses
   * (the in-call DTMF pad). The dial box leaves typing to its input.
   */
  acceptsTyping?: boolean;
  describedBy?: string;
  id?: string;
  onKey: (digit: KeyDigit) => void;
}

/** A 3×4 phone keypad; presses go to `onKey`, the caller decides what they mean. */
export function KeyPad({ testIdPrefix, label, disabled, acceptsTyping, describedBy, id, onKey }: KeyPadProps) {
  const { t } = useTranslation();
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!acceptsTyping || disabled || event.altKey || event.ctrlKey || event.metaKey) return;
    if (!isKeyDigit(event.key)) return;
    event.preventDefault();
    onKey(event.key);
  };
  return (
    <div
      id={id}
      className="key-pad"
      role="group"
      aria-label={label}
      aria-describedby={describedBy}
      tabIndex={acceptsTyping ? 0 : undefined}
      onKeyDown={onKeyDown}
    >
      {KEYS.map(([digit, letters]) => (
        <button
          key={digit}
          type="button"
          className="key-pad__key"
          data-testid={keyTestId(testIdPrefix, digit)}
          aria-label={digit === '*' ? t('softphone.keypad.star') : digit === '#' ? t('softphone.keypad.hash') : digit}
          disabled={disabled}
          onClick={() => onKey(digit)}
        >
          <span className="key-pad__digit" aria-hidden="true">
            {digit}
          </span>
          <span className="key-pad__letters" aria-hidden="true">
            {letters}
          </span>
        </button>
      ))}
    </div>
  );
}
