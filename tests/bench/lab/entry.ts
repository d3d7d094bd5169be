/**
 * What lab.bench.mjs bundles and loads: the bench itself, and the offer
 * latency with the real app (kept apart from run.ts so unit tests of the
 * bench do not load Playwright).
 */
export * from './run';
export { measureSwitchboardOfferLatency } from './switchboard-latency';
export { median } from './settle';
