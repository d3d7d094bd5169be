import { UI_BRIDGE_KEY, type SwitchboardBridge } from '../../../common/contract/bridge';
import { fail } from '../../../common/contract/result';

/**
 * Reads `window.switchboard` as the preload left it. The global is treated
 * as unknown: a page opened without our preload (a plain browser, a broken
 * build) must show an explained error, not a blank window.
 */
export function readUiBridge(host: object = globalThis): SwitchboardBridge | null {
  const candidate: unknown = (host as Record<string, unknown>)[UI_BRIDGE_KEY];
  if (typeof candidate !== 'object' || candidate === null) return null;
  const bridge = candidate as Partial<SwitchboardBridge>;
  const looksRight =
    typeof bridge.onSnapshot === 'function' &&
    typeof bridge.log === 'function' &&
    typeof bridge.app?.getSnapshot === 'function';
  return looksRight ? (candidate as SwitchboardBridge) : null;
}

/**
 * Stand-in used when the preload is missing: every verb resolves to an
 * `internal` failure, so the store raises a notice instead of throwing.
 */
export function createUnavailableBridge(): SwitchboardBridge {
  const missing = () => Promise.resolve(fail('internal', 'The preload bridge is not available'));
  return {
    app: { getSnapshot: missing, ping: missing },
    settings: { setLanguage: missing, setServerProfile: missing },
    agent: { login: missing, logout: missing, setState: missing, request: missing, act: missing },
    shell: { openExternal: missing },
    engine: { restart: missing },
    softphone: {
      saveAccount: missing,
      removeAccount: missing,
      reconnect: missing,
      line: missing,
      setDevices: missing,
      levelMeter: missing,
      onInputLevel: () => () => undefined,
    },
    log: missing,
    onSnapshot: () => () => undefined,
  };
}
