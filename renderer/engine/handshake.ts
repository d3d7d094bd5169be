import { ENGINE_BRIDGE_KEY, type EngineBridge } from '../../common/contract/bridge';
import type { Logger } from '../../common/log/logger';

/** What the engine page knows about its browser when it starts. */
export interface EngineEnvironment {
  userAgent: string;
  /** `navigator.mediaDevices` exists (secure context, media allowed). */
  mediaDevices: boolean;
}

/** Reads `window.switchboardEngine` as unknown; null when the preload did not run. */
export function readEngineBridge(host: object = globalThis): EngineBridge | null {
  const candidate: unknown = (host as Record<string, unknown>)[ENGINE_BRIDGE_KEY];
  if (typeof candidate !== 'object' || candidate === null) return null;
  const bridge = candidate as Partial<EngineBridge>;
  return typeof bridge.ready === 'function' && typeof bridge.log === 'function' ? (candidate as EngineBridge) : null;
}

/** The `sb:engine:ready` request caps the user agent at 512 characters. */
const MAX_USER_AGENT = 512;

/**
 * The engine's handshake with main's supervisor: report the environment,
 * then main marks the engine `ready`. Returns whether main accepted it.
 */
export async function announceReady(bridge: EngineBridge, env: EngineEnvironment, logger: Logger): Promise<boolean> {
  if (!env.mediaDevices) logger.warn('navigator.mediaDevices is missing; calls will have no audio');
  try {
    const result = await bridge.ready({
      userAgent: env.userAgent.slice(0, MAX_USER_AGENT),
      mediaDevices: env.mediaDevices,
    });
    if (!result.ok) {
      logger.error(`ready handshake refused (${result.error.code})`, { message: result.error.message });
      return false;
    }
    logger.info(result.value.accepted ? 'ready handshake accepted' : 'ready handshake not accepted');
    return result.value.accepted;
  } catch (error) {
    logger.error('ready handshake failed', error);
    return false;
  }
}
