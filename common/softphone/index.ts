/**
 * The softphone's line state machine (PRODUCT A4, V2–V8, V11): pure data and
 * functions, shared by main's line manager (the source of truth) and the UI
 * (which asks `allowedCommands` which buttons to enable).
 */
export * from './line-states';
export * from './line-effects';
export * from './line-commands';
export * from './line-events';
export * from './dial-input';
export { decide } from './line-table';
export { apply } from './line-apply';
export { checkInvariants } from './invariants';
export { allowedCommands, allowedKinds, isAllowed, type AllowedCommand } from './allowed-commands';
export { callQualitySchema, estimateMos, networkWarning, type CallQuality } from './call-quality';
