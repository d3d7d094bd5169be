import { createLogger } from '../../common/log/logger';
import { announceReady, readEngineBridge } from './handshake';

/**
 * Hidden media-engine window (future WebRTC host: one session-description
 * handler per call, mixer, ringer). For now it only checks its media
 * environment and tells main it is ready. Logs go to main via the bridge.
 */
const bridge = readEngineBridge();
if (bridge) {
  const logger = createLogger('engine', (record) => {
    bridge
      .log({ level: record.level, scope: record.scope, message: record.message.slice(0, 2000) })
      .catch(() => undefined);
  });
  void announceReady(
    bridge,
    { userAgent: navigator.userAgent, mediaDevices: typeof navigator.mediaDevices === 'object' && navigator.mediaDevices !== null },
    logger,
  );
}
