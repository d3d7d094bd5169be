import { combineReducers } from '@reduxjs/toolkit';
import { mirrorSlice } from '../features/mirror/slice';
import { noticesSlice } from '../features/notices/slice';
import { settingsSlice } from '../features/settings/slice';
import { engineSlice } from '../features/engine/slice';
import { shellSlice } from '../features/shell/slice';
import { helpSlice } from '../features/help/slice';
import { softphoneSlice } from '../features/softphone/slice';
import { sessionSlice } from '../features/session/slice';
import { wrapUpSlice } from '../features/wrap-up/slice';

/** All slices. Only `mirror` holds main's state; the rest is UI-local. */
export const rootReducer = combineReducers({
  mirror: mirrorSlice.reducer,
  notices: noticesSlice.reducer,
  settings: settingsSlice.reducer,
  engine: engineSlice.reducer,
  shell: shellSlice.reducer,
  help: helpSlice.reducer,
  softphone: softphoneSlice.reducer,
  session: sessionSlice.reducer,
  wrapUp: wrapUpSlice.reducer,
});

export type RootState = ReturnType<typeof rootReducer>;
