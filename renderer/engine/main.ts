import { createLogger } from '../../common/log/logger';
import { announceReady, readEngineBridge } from './handshake';
import { startMediaEngine } from './media/media-engine';

/**
 * Hidden media-engine window: one SIP.js Web session-description handler
 * per call (driven by main over the media RPC), the conference mixer and the
 * ringer. It tells main it is ready once it listens. Logs go to main.
 */
const bridge = readEngineBridge();
if (bridge) {
  const logger = createLogger('engine', (record) => {
    bridge
      .log({ level: record.level, scope: record.scope, message: record.message.slice(0, 2000) })
      .catch(() => undefined);
  });
  // Listen for media requests before announcing readiness, so none is missed.
  startMediaEngine(bridge, logger);
  void announceReady(
    bridge,
    { userAgent: navigator.userAgent, mediaDevices: typeof navigator.mediaDevices === 'object' && navigator.mediaDevices !== null },
    logger,
  );
}
