/** A clock that moves only when told: the ACD's manual clock, which the API server shares. */
export { ManualClock as ManualApiClock } from '../../../../../lab/acd/clock';
