import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { IpcErrorCode } from '../../../../common/contract/result';
import type { RefusalReason } from '../../../../common/softphone';

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
  'lineCommand',
  'setAudioDevices',
  'levelMeter',
] as const;
export type NoticeAction = (typeof NOTICE_ACTIONS)[number];

export interface Notice {
  id: number;
  action: NoticeAction;
  /** Shown as `errors.ipc.<code>`. */
  code: IpcErrorCode;
  /**
   * The line table's reason when main refused a call command (code
   * `refused`); shown as `softphone.refusal.<reason>` instead of the code.
   */
  reason?: RefusalReason;
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
    noticeRaised(
      notices,
      action: PayloadAction<{ action: NoticeAction; code: IpcErrorCode; reason?: RefusalReason }>,
    ) {
      const { action: what, code, reason } = action.payload;
      notices.items = notices.items.filter((n) => !(n.action === what && n.code === code && n.reason === reason));
      notices.items.push(reason === undefined ? { id: notices.nextId, action: what, code } : { id: notices.nextId, action: what, code, reason });
      notices.nextId += 1;
      if (notices.items.length > MAX_NOTICES) notices.items.splice(0, notices.items.length - MAX_NOTICES);
    },
    noticeDismissed(notices, action: PayloadAction<number>) {
      notices.items = notices.items.filter((n) => n.id !== action.payload);
    },
  },
});

export const { noticeRaised, noticeDismissed } = noticesSlice.actions;
