import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppDispatch, useAppSelector } from '../../../app/hooks';
import { selectSession, selectSessionUi } from '../selectors';
import { logoutRequested } from '../slice';
import './session-controls.css';

/**
 * "Log out" in the title bar (seed ch. 1). While a contact is active the
 * contact center refuses it (S3); the button stays usable and the refusal
 * comes back as a notice, with a hint beforehand saying why.
 */
export function LogoutButton() {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const hintId = useId();
  const session = useAppSelector(selectSession);
  const pending = useAppSelector(selectSessionUi).logoutPending;
  if (!session || (session.status !== 'logged-in' && session.status !== 'reconnecting')) return null;
  const activeContacts = session.view?.contacts.length ?? 0;
  return (
    <>
      <button
        type="button"
        className="button button--compact logout-button"
        data-testid="logout-button"
        disabled={pending}
        aria-describedby={activeContacts > 0 ? hintId : undefined}
        onClick={() => dispatch(logoutRequested())}
      >
        {pending ? t('session.logout.pending') : t('session.logout.label')}
      </button>
      {activeContacts > 0 ? (
        <span id={hintId} className="visually-hidden">
          {t('session.logout.contactsHint')}
        </span>
      ) : null}
    </>
  );
}
