import { createAction, createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { LanguagePreference } from '../../../../common/contract/languages';
import { snapshotReceived } from '../mirror/slice';

/** Intent: the agent picked a language preference in settings. */
export const languageChosen = createAction<LanguagePreference>('settings/languageChosen');
/** Intent: measure a round trip to main (diagnostics). */
export const pingRequested = createAction('settings/pingRequested');

/**
 * UI-local progress of settings requests. The preference itself lives in the
 * mirror; `pendingLanguage` only bridges the gap between the agent's choice
 * and the snapshot that confirms it, so the selector does not jump back.
 */
export interface SettingsState {
  pendingLanguage: { preference: LanguagePreference; untilRev: number | null } | null;
  ping: { status: 'idle' | 'pending' | 'answered' | 'failed'; roundTripMs: number | null };
}

const initialState: SettingsState = {
  pendingLanguage: null,
  ping: { status: 'idle', roundTripMs: null },
};

export const settingsSlice = createSlice({
  name: 'settings',
  initialState,
  reducers: {
    /** Main accepted the change; its snapshot `rev` (or later) will show it. */
    languageChangeAccepted(settings, action: PayloadAction<{ rev: number }>) {
      if (settings.pendingLanguage) settings.pendingLanguage.untilRev = action.payload.rev;
    },
    languageChangeFailed(settings) {
      settings.pendingLanguage = null;
    },
    pingAnswered(settings, action: PayloadAction<number>) {
      settings.ping = { status: 'answered', roundTripMs: action.payload };
    },
    pingFailed(settings) {
      settings.ping = { status: 'failed', roundTripMs: null };
    },
  },
  extraReducers: (builder) => {
    builder
      .addCase(languageChosen, (settings, action) => {
        settings.pendingLanguage = { preference: action.payload, untilRev: null };
      })
      .addCase(pingRequested, (settings) => {
        settings.ping = { status: 'pending', roundTripMs: null };
      })
      .addCase(snapshotReceived, (settings, action) => {
        const pending = settings.pendingLanguage;
        if (!pending) return;
        const confirmed =
          action.payload.state.settings.language === pending.preference ||
          (pending.untilRev !== null && action.payload.rev >= pending.untilRev);
        if (confirmed) settings.pendingLanguage = null;
      });
  },
});

export const { languageChangeAccepted, languageChangeFailed, pingAnswered, pingFailed } = settingsSlice.actions;
