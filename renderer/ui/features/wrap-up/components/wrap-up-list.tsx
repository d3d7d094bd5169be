import { useAppSelector } from '../../../app/hooks';
import { selectOwedWrapUps } from '../selectors';
import { WrapUpCard } from './wrap-up-card';
import { WrapUpNotice } from './wrap-up-notice';
import './wrap-up.css';

/**
 * The wrap-ups the agent owes (usually one), at the top of the interaction
 * panel, with the last refused request. A card leaves when main's state no
 * longer lists its wrap-up.
 */
export function WrapUpList() {
  const owed = useAppSelector(selectOwedWrapUps);
  return (
    <>
      <WrapUpNotice />
      {owed.length > 0 ? (
        <div className="wrap-up-list" data-testid="wrapup-list">
          {owed.map((item) => (
            <WrapUpCard key={item.wrapUp.contactId} owed={item} />
          ))}
        </div>
      ) : null}
    </>
  );
}
