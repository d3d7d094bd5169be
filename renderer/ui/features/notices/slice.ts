import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { IpcErrorCode } from '../../../../common/contract/result';

/**
 * What the agent was doing when main said no. Each has a localized lead
 * (`notices.action.<action>`) shown before the error text.
 */
export const NOTICE_ACTIONS = [
  'loadState',
  'receiveState',
  'setLanguage',
  'restartEngine',
  'ping',
  'saveSipAccount',
  'removeSipAccount',
  'reconnectSip',
] as const;
export type NoticeAction = (typeof NOTICE_ACTIONS)[number];

export interface Notice {
  id: number;
  action: NoticeAction;
  /** Shown as `errors.ipc.<code>`. */
  code: IpcErrorCode;
}

export interface NoticesState {
  items: Notice[];
  nextId: number;
}

/** Older notices give way; a wall of banners helps nobody. */
export const MAX_NOTICES = 3;

const initialState: NoticesState = { items: [], nextId: 1 };

export const noticesSlice = createSlice({
  name: 'notices',
  initialState,
  reducers: {
    /** The same failure twice stays one banner (moved to the end). */
    noticeRaised(notices, action: PayloadAction<{ action: NoticeAction; code: IpcErrorCode }>) {
      const { action: what, code } = action.payload;
      notices.items = notices.items.filter((n) => !(n.action === what && n.code === code));
      notices.items.push({ id: notices.nextId, action: what, code });
      notices.nextId += 1;
      if (notices.items.length > MAX_NOTICES) notices.items.splice(0, notices.items.length - MAX_NOTICES);
    },
    noticeDismissed(notices, action: PayloadAction<number>) {
      notices.items = notices.items.filter((n) => n.id !== action.payload);
    },
  },
});

export const { noticeRaised, noticeDismissed } = noticesSlice.actions;
