import { createAction, createSlice } from '@reduxjs/toolkit';

/** Intent: the agent asked for a manual media-engine restart. */
export const engineRestartRequested = createAction('engine/restartRequested');

/**
 * UI-local: whether a restart request is in flight, so the button cannot be
 * pressed twice. The engine's status itself comes from the mirror.
 */
export interface EngineUiState {
  restartPending: boolean;
}

const initialState: EngineUiState = { restartPending: false };

export const engineSlice = createSlice({
  name: 'engine',
  initialState,
  reducers: {
    engineRestartSettled(engine) {
      engine.restartPending = false;
    },
  },
  extraReducers: (builder) => {
    builder.addCase(engineRestartRequested, (engine) => {
      engine.restartPending = true;
    });
  },
});

export const { engineRestartSettled } = engineSlice.actions;
