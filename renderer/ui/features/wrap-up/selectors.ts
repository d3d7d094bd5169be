import { createSelector } from '@reduxjs/toolkit';
import type { Contact } from '../../../../common/agent-api/contact';
import type { WrapUp } from '../../../../common/agent-api/session';
import type { RootState } from '../../app/root-reducer';

/** A wrap-up the agent owes, with its contact when main lists it (for the heading). */
export interface OwedWrapUp {
  wrapUp: WrapUp;
  contact: Contact | null;
}

const selectView = (state: RootState) => state.mirror.state?.session.view ?? null;

/** The wrap-ups main says the agent owes, in main's order; empty when logged out. */
export const selectOwedWrapUps = createSelector([selectView], (view): OwedWrapUp[] =>
  (view?.wrapUps ?? []).map((wrapUp) => ({
    wrapUp,
    contact: view?.contacts.find((c) => c.contactId === wrapUp.contactId) ?? null,
  })),
);
export const selectWrapUpUi = (state: RootState) => state.wrapUp;
