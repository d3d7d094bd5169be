import { useTranslation } from 'react-i18next';
import type { CallInfo } from '../../../../../common/contract/softphone';
import { networkWarning } from '../../../../../common/softphone/call-quality';
import type { LineId } from '../../../../../common/softphone';

/**
 * Call quality of a line (V11) from the engine's statistics, and the network
 * warning of D6 (RTT above 250 ms or loss above 1 %).
 */
export function CallQualityLine({ line, call }: { line: LineId; call: CallInfo | null }) {
  const { t } = useTranslation();
  const quality = call?.quality;
  if (!quality) return null;
  const warning = networkWarning(quality);
  return (
    <p
      className={`line-card__quality${warning ? ' line-card__quality--warning' : ''}`}
      data-testid={`line-quality-${line}`}
      data-mos={quality.mos}
      data-warning={warning ?? ''}
    >
      {t('softphone.quality.summary', {
        mos: quality.mos.toFixed(1),
        jitter: Math.round(quality.jitterMs),
        loss: quality.lossPct.toFixed(1),
        rtt: quality.rttMs === null ? '–' : Math.round(quality.rttMs),
      })}
      {warning ? (
        <span className="line-card__quality-warning" role="alert" data-testid={`line-network-warning-${line}`}>
          {' '}
          {t(`softphone.quality.warning.${warning}`)}
        </span>
      ) : null}
    </p>
  );
}
