import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from '../../../components/icon';
import { useAppDispatch, useAppSelector } from '../../../app/hooks';
import { helpOpened } from '../../help/slice';
import { auxViewToggled, type AuxView } from '../slice';
import './nav-bar.css';

type NavView = Exclude<AuxView, 'customer'>;

const VIEW_BUTTONS: { view: NavView; icon: IconName }[] = [
  { view: 'history', icon: 'history' },
  { view: 'statistics', icon: 'statistics' },
  { view: 'dialpad', icon: 'dialpad' },
  { view: 'settings', icon: 'settings' },
];

/**
 * The left navigation bar (seed ch. 2). Each view button toggles its view in
 * the auxiliary panel (`aria-pressed`); help opens the help dialog.
 */
export function NavBar() {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const auxView = useAppSelector((state) => state.shell.auxView);
  const helpOpen = useAppSelector((state) => state.help.open);
  return (
    <nav className="nav-bar" aria-label={t('nav.label')}>
      <ul className="nav-bar__list">
        {VIEW_BUTTONS.map(({ view, icon }) => (
          <li key={view}>
            <button
              type="button"
              className="nav-bar__button"
              data-testid={`nav-${view}`}
              aria-pressed={auxView === view}
              aria-controls="aux-panel"
              title={t(`nav.${view}`)}
              onClick={() => dispatch(auxViewToggled(view))}
            >
              <Icon name={icon} className="nav-bar__icon" />
              <span className="nav-bar__label">{t(`nav.${view}`)}</span>
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="nav-bar__button nav-bar__button--help"
        data-testid="nav-help"
        aria-haspopup="dialog"
        aria-expanded={helpOpen}
        aria-keyshortcuts="Alt+F1"
        title={t('nav.helpHint')}
        onClick={() => dispatch(helpOpened())}
      >
        <Icon name="help" className="nav-bar__icon" />
        <span className="nav-bar__label">{t('nav.help')}</span>
      </button>
    </nav>
  );
}
