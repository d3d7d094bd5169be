import { createSlice, type PayloadAction } from '@reduxjs/toolkit';

/** Views the navigation bar opens in the auxiliary panel; `customer` is its default. */
export const AUX_VIEWS = ['customer', 'history', 'statistics', 'dialpad', 'settings'] as const;
export type AuxView = (typeof AUX_VIEWS)[number];

/** Channel tabs of the active-contact list (seed ch. 2: All plus one per channel). */
export const CONTACT_CHANNELS = ['all', 'voice', 'chat', 'email', 'sms'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** Layout state that is the UI's own business (not mirrored from main). */
export interface ShellState {
  auxView: AuxView;
  contactTab: ContactChannel;
}

const initialState: ShellState = { auxView: 'customer', contactTab: 'all' };

export const shellSlice = createSlice({
  name: 'shell',
  initialState,
  reducers: {
    /** A navigation button: opens its view, or closes it when already open. */
    auxViewToggled(shell, action: PayloadAction<Exclude<AuxView, 'customer'>>) {
      shell.auxView = shell.auxView === action.payload ? 'customer' : action.payload;
    },
    /** Opens a view without toggling (e.g. the registration chip opens settings). */
    auxViewOpened(shell, action: PayloadAction<Exclude<AuxView, 'customer'>>) {
      shell.auxView = action.payload;
    },
    auxViewClosed(shell) {
      shell.auxView = 'customer';
    },
    contactTabSelected(shell, action: PayloadAction<ContactChannel>) {
      shell.contactTab = action.payload;
    },
  },
});

export const { auxViewToggled, auxViewOpened, auxViewClosed, contactTabSelected } = shellSlice.actions;
