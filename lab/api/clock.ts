/**
 * Time for the API server (resume windows, `ping`'s serverTime), injected so
 * tests can move it by hand. It is the ACD's clock (lab/acd/clock.ts), so one
 * clock drives both.
 */
export { systemClock as systemApiClock, type AcdClock as ApiClock, type TimerHandle as ApiTimerHandle } from '../acd/clock';
