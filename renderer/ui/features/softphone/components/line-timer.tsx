import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallInfo } from '../../../../../common/contract/softphone';
import { formatDuration, lineClock } from '../line-text';

/**
 * Waiting time (from the offer or the start of dialling) until the call is
 * answered, then handling time. It ticks on its own once a second; the
 * times themselves come from main (`startedAt`, `answeredAt`).
 */
export function LineTimer({ call, testId }: { call: CallInfo | null; testId: string }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const clock = lineClock(call);
  if (!clock) return null;
  const time = formatDuration(now - clock.since);
  const label =
    clock.kind === 'waiting'
      ? t('softphone.timer.waitingLabel', { time })
      : t('softphone.timer.handlingLabel', { time });
  return (
    <span className="line-timer" role="timer" aria-label={label} data-testid={testId} data-kind={clock.kind}>
      <span className="line-timer__kind" aria-hidden="true">
        {clock.kind === 'waiting' ? t('softphone.timer.waiting') : t('softphone.timer.handling')}
      </span>
      <span className="line-timer__time" aria-hidden="true">
        {time}
      </span>
    </span>
  );
}
