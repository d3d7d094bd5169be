import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WrapUp } from '../../../../../common/agent-api/session';
import { autoSecondsLeft, defaultCodeLabel } from '../countdown';

/**
 * "Auto wrap-up in 42 s with “Resolved”": seconds left until the contact
 * center submits the default code, updated every second; nothing when
 * there is no timer or the agent cancelled it.
 */
export function WrapUpCountdown({ wrapUp }: { wrapUp: WrapUp }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  const running = wrapUp.autoSubmitAt !== null && !wrapUp.autoCancelled;
  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  const seconds = autoSecondsLeft(wrapUp, now);
  if (seconds === null) return null;
  const label = defaultCodeLabel(wrapUp);
  return (
    <p className="wrap-up__countdown" data-testid="wrapup-countdown" data-seconds={seconds}>
      {label === null ? t('wrapUp.countdownNoCode', { seconds }) : t('wrapUp.countdown', { seconds, code: label })}
    </p>
  );
}
