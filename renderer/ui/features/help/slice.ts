import { createSlice } from '@reduxjs/toolkit';

/** Whether the help dialog is open (Alt+F1 or the navigation bar). */
export interface HelpState {
  open: boolean;
}

const initialState: HelpState = { open: false };

export const helpSlice = createSlice({
  name: 'help',
  initialState,
  reducers: {
    helpOpened(help) {
      help.open = true;
    },
    helpClosed(help) {
      help.open = false;
    },
  },
});

export const { helpOpened, helpClosed } = helpSlice.actions;
