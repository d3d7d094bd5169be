import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppDispatch, useAppSelector } from '../../../app/hooks';
import type { OwedWrapUp } from '../selectors';
import { selectWrapUpUi } from '../selectors';
import { autoWrapUpCancelled, wrapUpSubmitted } from '../slice';
import { WrapUpCountdown } from './wrap-up-countdown';

/**
 * One owed wrap-up (W1, agent guide ch. wrap-up): the code (preselected
 * default), last-agent routing, the auto wrap-up countdown with its cancel
 * button, and Submit.
 */
export function WrapUpCard({ owed }: { owed: OwedWrapUp }) {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const ids = { heading: useId(), code: useId(), lastAgent: useId(), lastAgentHint: useId() };
  const { wrapUp, contact } = owed;
  const ui = useAppSelector(selectWrapUpUi);
  const [code, setCode] = useState(wrapUp.defaultCode ?? wrapUp.codes[0]?.code ?? '');
  const [lastAgentRouting, setLastAgentRouting] = useState(false);
  const sending = ui.submitting.includes(wrapUp.contactId);
  const cancelling = ui.cancelling.includes(wrapUp.contactId);
  const chosen = wrapUp.codes.some((c) => c.code === code) ? code : (wrapUp.codes[0]?.code ?? '');

  const customer = contact?.customer.display ?? null;
  const queue = contact?.queue?.name ?? null;
  const title =
    customer === null
      ? t('wrapUp.titleUnknown')
      : queue === null
        ? t('wrapUp.titleCustomer', { customer })
        : t('wrapUp.title', { customer, queue });

  const submit = () => dispatch(wrapUpSubmitted({ contactId: wrapUp.contactId, code: chosen, lastAgentRouting }));

  return (
    <div
      className="wrap-up"
      role="region"
      aria-labelledby={ids.heading}
      data-testid="wrapup-panel"
      data-contact-id={wrapUp.contactId}
    >
      <form
        className="wrap-up__form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!sending) submit();
        }}
      >
        <h3 className="wrap-up__title" id={ids.heading}>
          {title}
        </h3>
        <div className="wrap-up__field">
          <label htmlFor={ids.code}>{t('wrapUp.code')}</label>
          <select
            id={ids.code}
            className="select"
            data-testid="wrapup-code"
            value={chosen}
            onChange={(event) => setCode(event.target.value)}
          >
            {wrapUp.codes.map((c) => (
              <option key={c.code} value={c.code}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <div className="wrap-up__check">
          <input
            id={ids.lastAgent}
            type="checkbox"
            data-testid="wrapup-last-agent"
            checked={lastAgentRouting}
            aria-describedby={ids.lastAgentHint}
            onChange={(event) => setLastAgentRouting(event.target.checked)}
          />
          <label htmlFor={ids.lastAgent}>{t('wrapUp.lastAgent')}</label>
          <span id={ids.lastAgentHint} className="wrap-up__hint">
            {t('wrapUp.lastAgentHint')}
          </span>
        </div>
        <WrapUpCountdown wrapUp={wrapUp} />
        <div className="wrap-up__actions">
          {wrapUp.autoSubmitAt !== null ? (
            <button
              type="button"
              className="button"
              data-testid="wrapup-cancel-auto"
              disabled={wrapUp.autoCancelled || cancelling}
              onClick={() => dispatch(autoWrapUpCancelled({ contactId: wrapUp.contactId }))}
            >
              {wrapUp.autoCancelled ? t('wrapUp.autoCancelled') : t('wrapUp.cancelAuto')}
            </button>
          ) : null}
          <button
            type="submit"
            className="button button--primary"
            data-testid="wrapup-submit"
            disabled={sending}
            aria-busy={sending}
          >
            {sending ? t('wrapUp.submitting') : t('wrapUp.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
