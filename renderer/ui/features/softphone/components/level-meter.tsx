import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppDispatch, useAppSelector } from '../../../app/hooks';
import { levelPercent } from '../audio-devices';
import { levelMeterRequested } from '../slice';

/** The bar is drawn as segments (CSS classes only: the CSP allows no inline styles). */
const SEGMENTS = 20;
const SEGMENT_KEYS = Array.from({ length: SEGMENTS }, (_, i) => i);
/** Segments from here on are drawn as "loud" and "too loud". */
const LOUD_FROM = 14;
const CLIP_FROM = 18;

/**
 * Microphone input level. Mounted only while the settings view is open:
 * mounting turns the meter on (the listener subscribes to the levels and
 * asks main to start it), unmounting turns it off again.
 */
export function LevelMeter() {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const id = useId();
  // A number: the meter re-renders only when the shown percent changes.
  const percent = useAppSelector((state) => levelPercent(state.softphone.inputLevel));
  const lit = Math.round((percent / 100) * SEGMENTS);

  useEffect(() => {
    dispatch(levelMeterRequested(true));
    return () => {
      dispatch(levelMeterRequested(false));
    };
  }, [dispatch]);

  return (
    <div className="level-meter">
      <div
        className="level-meter__bar"
        role="meter"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}%`}
        aria-label={t('softphone.devices.level.label')}
        aria-describedby={`${id}-hint`}
        data-testid="audio-level"
        data-level={percent}
      >
        {SEGMENT_KEYS.map((i) => (
          <span
            key={i}
            className="level-meter__segment"
            data-lit={i < lit ? 'true' : undefined}
            data-zone={i >= CLIP_FROM ? 'clip' : i >= LOUD_FROM ? 'loud' : undefined}
          />
        ))}
      </div>
      <p className="field__hint" id={`${id}-hint`}>
        {t('softphone.devices.level.hint')}
      </p>
    </div>
  );
}
