import { useId, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallInfo } from '../../../../../common/contract/softphone';
import type { LineId, PhoneState } from '../../../../../common/softphone';
import { Icon } from '../../../components/icon';
import { useAppDispatch } from '../../../app/hooks';
import type { LineControls } from '../line-controls';
import { lineFlags, lineStateLabel } from '../line-text';
import { lineCommandRequested } from '../slice';
import { KeyPad } from './key-pad';
import { LineTimer } from './line-timer';
import { CallQualityLine } from './call-quality';

interface LineCardProps {
  line: LineId;
  phone: PhoneState;
  call: CallInfo | null;
  controls: LineControls;
  keypadOpen: boolean;
  onToggleKeypad: () => void;
  /** Line 1's Answer button, focused by the panel when an offer arrives. */
  answerRef?: Ref<HTMLButtonElement>;
}

/**
 * One line's call: who, in what state, for how long, and the buttons for
 * this line. Buttons only dispatch intents; what they may do comes from
 * `lineControls` (the line table), what happened from the next snapshot.
 */
export function LineCard({ line, phone, call, controls, keypadOpen, onToggleKeypad, answerRef }: LineCardProps) {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const id = useId();
  const [sent, setSent] = useState('');
  const snapshot = phone[line];
  const label = lineStateLabel(phone, line);
  const flags = lineFlags(phone, line);
  const lineName = t(`softphone.lineShort.${line}`);
  const onLine = (action: string) => t('softphone.onLine', { action, line: lineName });
  const { answer, decline, holdToggle, mute, hangup, dtmf } = controls;
  const holdText = holdToggle.command === 'resume' ? t('softphone.actions.resume') : t('softphone.actions.hold');
  const muteText = mute.muted ? t('softphone.actions.unmute') : t('softphone.actions.mute');
  const keypadText = keypadOpen ? t('softphone.actions.hideKeypad') : t('softphone.actions.showKeypad');

  const sendDigit = (digit: string) => {
    if (!dtmf.enabled) return;
    dispatch(lineCommandRequested({ kind: 'dtmf', line, digits: digit }));
    setSent((current) => (current + digit).slice(-24));
  };

  return (
    <section
      className={`line-card line-card--${line}`}
      data-testid={`line-card-${line}`}
      data-focus-zone={line}
      data-state={snapshot.state}
      data-label={label}
      aria-labelledby={`${id}-title`}
    >
      <header className="line-card__header">
        <h3 className="line-card__title" id={`${id}-title`}>
          {t(`softphone.lineTitle.${line}`)}
        </h3>
        <LineTimer call={call} testId={`line-timer-${line}`} />
      </header>

      <p className="line-card__remote" data-testid={`line-remote-${line}`}>
        {call?.remote || t('softphone.unknownRemote')}
      </p>

      <p className="line-card__state" data-testid={`line-state-${line}`} aria-live="polite">
        <span className="line-card__state-dot" aria-hidden="true" />
        <span className="line-card__state-text">{t(`softphone.lineState.${label}`)}</span>
        {flags.map((flag) => (
          <span key={flag} className={`line-flag line-flag--${flag}`} data-flag={flag}>
            {' '}
            {t(`softphone.lineFlag.${flag}`)}
          </span>
        ))}
      </p>

      <CallQualityLine line={line} call={call} />

      <div className="line-card__actions" role="group" aria-label={t('softphone.lineActions', { line: lineName })}>
        {answer.shown ? (
          <button
            type="button"
            ref={answerRef}
            className="button button--success"
            data-testid="call-answer"
            aria-label={onLine(t('softphone.actions.answer'))}
            disabled={!answer.enabled}
            onClick={() => dispatch(lineCommandRequested({ kind: 'answer' }))}
          >
            <Icon name="phone" />
            {t('softphone.actions.answer')}
          </button>
        ) : null}
        {decline.shown ? (
          <button
            type="button"
            className="button button--danger"
            data-testid="call-decline"
            aria-label={onLine(t('softphone.actions.decline'))}
            disabled={!decline.enabled}
            onClick={() => dispatch(lineCommandRequested({ kind: 'decline' }))}
          >
            <Icon name="phoneEnd" />
            {t('softphone.actions.decline')}
          </button>
        ) : null}
        {holdToggle.shown ? (
          // One slot for hold and resume, so focus stays on it when it flips.
          <button
            key="hold-toggle"
            type="button"
            className="button"
            data-testid={`call-${holdToggle.command}-${line}`}
            aria-label={onLine(holdText)}
            disabled={!holdToggle.enabled}
            onClick={() => dispatch(lineCommandRequested({ kind: holdToggle.command, line }))}
          >
            <Icon name={holdToggle.command === 'resume' ? 'play' : 'pause'} />
            {holdText}
          </button>
        ) : null}
        {mute.shown ? (
          <button
            type="button"
            className={`button${mute.muted ? ' button--on' : ''}`}
            data-testid={`call-mute-${line}`}
            aria-label={onLine(muteText)}
            disabled={!mute.enabled}
            onClick={() => dispatch(lineCommandRequested({ kind: 'mute', line, on: !mute.muted }))}
          >
            <Icon name={mute.muted ? 'micOff' : 'mic'} />
            {muteText}
          </button>
        ) : null}
        {dtmf.shown ? (
          <button
            type="button"
            className={`button${keypadOpen ? ' button--on' : ''}`}
            data-testid={`call-dtmf-toggle-${line}`}
            aria-label={onLine(keypadText)}
            aria-expanded={keypadOpen}
            aria-controls={keypadOpen ? `${id}-keypad` : undefined}
            disabled={!dtmf.enabled && !keypadOpen}
            onClick={onToggleKeypad}
          >
            <Icon name="dialpad" />
            {t('softphone.actions.keypad')}
          </button>
        ) : null}
        {hangup.shown ? (
          <button
            type="button"
            className="button button--danger line-card__hangup"
            data-testid={`call-hangup-${line}`}
            aria-label={onLine(t('softphone.actions.hangup'))}
            disabled={!hangup.enabled}
            onClick={() => dispatch(lineCommandRequested({ kind: 'hangup', line }))}
          >
            <Icon name="phoneEnd" />
            {t('softphone.actions.hangup')}
          </button>
        ) : null}
      </div>

      {keypadOpen && dtmf.shown ? (
        <div className="line-card__keypad">
          <KeyPad
            id={`${id}-keypad`}
            testIdPrefix="dtmf-key"
            label={t('softphone.dtmf.label', { line: lineName })}
            describedBy={`${id}-keypad-hint`}
            acceptsTyping
            disabled={!dtmf.enabled}
            onKey={sendDigit}
          />
          <p className="line-card__keypad-hint" id={`${id}-keypad-hint`}>
            {t('softphone.dtmf.hint')}
          </p>
          <p className="line-card__sent" role="status">
            {sent ? t('softphone.dtmf.sent', { digits: sent }) : null}
          </p>
        </div>
      ) : null}
    </section>
  );
}
