import type { EngineBridge, SwitchboardBridge } from '../common/contract/bridge';

/**
 * Globals the preloads define (see `UI_BRIDGE_KEY` / `ENGINE_BRIDGE_KEY`).
 * Declared as present, because in the product they always are; code that
 * can run without a preload (a page opened in a plain browser, a test) reads
 * them through `readUiBridge` / `readEngineBridge`, which treat them as
 * unknown and check their shape.
 */
declare global {
  interface Window {
    switchboard: SwitchboardBridge;
    switchboardEngine: EngineBridge;
  }
}

export {};
