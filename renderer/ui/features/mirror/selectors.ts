import type { RootState } from '../../app/root-reducer';

/** Selectors over the mirror; components read main's state only through these. */
export const selectRev = (state: RootState) => state.mirror.rev;
export const selectIsReady = (state: RootState) => state.mirror.rev !== null;
export const selectAppState = (state: RootState) => state.mirror.state;
export const selectLanguage = (state: RootState) => state.mirror.state?.language ?? null;
export const selectLanguagePreference = (state: RootState) => state.mirror.state?.settings.language ?? null;
export const selectAgent = (state: RootState) => state.mirror.state?.agent ?? null;
export const selectEngine = (state: RootState) => state.mirror.state?.engine ?? null;
export const selectConnection = (state: RootState) => state.mirror.state?.connection ?? null;
export const selectAppInfo = (state: RootState) => state.mirror.state?.app ?? null;
export const selectSoftphone = (state: RootState) => state.mirror.state?.softphone ?? null;
/** Both lines and their calls; null until the first snapshot. */
export const selectLines = (state: RootState) => state.mirror.state?.softphone.lines ?? null;
export const selectRegistration = (state: RootState) => state.mirror.state?.softphone.registration ?? null;
