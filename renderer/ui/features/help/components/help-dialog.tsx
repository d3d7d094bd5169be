import { useCallback, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/icon';
import { useFocusTrap } from '../../../components/use-focus-trap';
import { useAppDispatch, useAppSelector } from '../../../app/hooks';
import { helpClosed } from '../slice';
import './help-dialog.css';

const LAYOUT_ITEMS = ['titleBar', 'nav', 'contacts', 'interaction', 'aux'] as const;
const STATE_ITEMS = ['available', 'idle', 'rona'] as const;
const SHORTCUTS = [
  { keys: 'altF1', action: 'openHelp' },
  { keys: 'escape', action: 'closeDialog' },
  { keys: 'tab', action: 'moveFocus' },
  { keys: 'enterSpace', action: 'activate' },
  { keys: 'arrows', action: 'switchTab' },
  { keys: 'homeEnd', action: 'firstLastTab' },
] as const;

/** Help (Alt+F1): a modal with the desktop's layout, states and shortcuts. */
export function HelpDialog() {
  const open = useAppSelector((state) => state.help.open);
  return open ? <HelpDialogContent /> : null;
}

function HelpDialogContent() {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const dialogRef = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const close = useCallback(() => dispatch(helpClosed()), [dispatch]);
  useFocusTrap(dialogRef, close);

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div
        ref={dialogRef}
        className="dialog help-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid="help-panel"
        tabIndex={-1}
      >
        <div className="dialog__header">
          <h2 className="dialog__title" id={titleId}>
            <Icon name="help" />
            {t('help.title')}
          </h2>
          <button
            type="button"
            className="icon-button"
            data-testid="help-close"
            aria-label={t('help.close')}
            title={t('help.close')}
            onClick={close}
          >
            <Icon name="close" />
          </button>
        </div>
        <div className="dialog__body">
          <p className="help-dialog__intro">{t('help.intro')}</p>
          <section aria-labelledby={`${titleId}-shortcuts`}>
            <h3 className="help-dialog__heading" id={`${titleId}-shortcuts`}>
              {t('help.shortcuts.title')}
            </h3>
            <table className="shortcut-table">
              <thead>
                <tr>
                  <th scope="col">{t('help.shortcuts.keysColumn')}</th>
                  <th scope="col">{t('help.shortcuts.actionColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {SHORTCUTS.map(({ keys, action }) => (
                  <tr key={keys}>
                    <td>
                      <kbd>{t(`help.keys.${keys}`)}</kbd>
                    </td>
                    <td>{t(`help.shortcuts.${action}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section aria-labelledby={`${titleId}-layout`}>
            <h3 className="help-dialog__heading" id={`${titleId}-layout`}>
              {t('help.layout.title')}
            </h3>
            <ul className="help-dialog__list">
              {LAYOUT_ITEMS.map((item) => (
                <li key={item}>{t(`help.layout.${item}`)}</li>
              ))}
            </ul>
          </section>
          <section aria-labelledby={`${titleId}-states`}>
            <h3 className="help-dialog__heading" id={`${titleId}-states`}>
              {t('help.states.title')}
            </h3>
            <ul className="help-dialog__list">
              {STATE_ITEMS.map((item) => (
                <li key={item}>{t(`help.states.${item}`)}</li>
              ))}
            </ul>
          </section>
        </div>
      </div>
    </div>
  );
}
