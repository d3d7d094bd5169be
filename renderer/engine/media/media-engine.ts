import type { EngineBridge, MediaReply, MediaRequest } from '../../../common/contract';
import { mediaRequestSchema } from '../../../common/contract/engine-media';
import type { Logger } from '../../../common/log/logger';
import { applySending, createCallMedia, disposeCallMedia, type CallMedia } from './call-media';
import { applyRemote, describe, nextOffer, prepare, rollback } from './negotiation';
import { ConferenceMixer } from './mixer';
import { Ringer } from './ringer';
import { startQualityMonitor } from './quality-monitor';
import { DeviceSettings, routeSpeaker, switchMicrophone, watchDevices } from './devices';
import { LevelMeter } from './level-meter';

/**
 * RFC 4733 DTMF. `insertDTMF` replaces tones still playing, so keys pressed
 * quickly would be lost: append to what is queued instead.
 */
function queueDtmf(media: CallMedia | undefined, tones: string): boolean {
  const sender = media?.handler.peerConnection?.getSenders().find((s) => s.dtmf);
  if (!sender?.dtmf || !sender.dtmf.canInsertDTMF) return false;
  sender.dtmf.insertDTMF(sender.dtmf.toneBuffer + tones, 100, 70);
  return true;
}

/**
 * Serves main's media requests: one SIP.js Web handler per call id. Every
 * request is validated (main is trusted, but boundary data is parsed) and
 * answered exactly once; a failure is an error reply, never a throw.
 */
export function startMediaEngine(bridge: EngineBridge, logger: Logger, host: HTMLElement = document.body): () => void {
  const calls = new Map<string, CallMedia>();
  const mixer = new ConferenceMixer();
  const ringer = new Ringer();
  const stopMonitor = startQualityMonitor(calls, bridge);
  const devices = new DeviceSettings();
  const meter = new LevelMeter(bridge);
  const stopWatchingDevices = watchDevices(bridge);
  let mixed: [CallMedia, CallMedia] | null = null;

  const mediaFor = (request: Extract<MediaRequest, { config: unknown }>): CallMedia => {
    let media = calls.get(request.callId);
    if (!media) {
      media = createCallMedia(request.config, host);
      calls.set(request.callId, media);
      void routeSpeaker(media, devices.current.speakerId).catch(() => undefined);
    }
    return media;
  };

  const existing = (callId: string): CallMedia => {
    const media = calls.get(callId);
    if (!media) throw new Error('no media for this call');
    return media;
  };

  /** Runs one negotiation step of a call after the ones main asked for before it. */
  const inOrder = <T>(media: CallMedia, step: (media: CallMedia) => Promise<T>): Promise<T> => {
    const run = media.queue.then(() => step(media));
    media.queue = run.catch(() => undefined);
    return run;
  };

  const perform = async (request: MediaRequest): Promise<unknown> => {
    switch (request.op) {
      case 'getDescription':
        return inOrder(mediaFor(request), (media) => describe(media, request, devices.current.microphoneId));
      case 'setDescription':
        return inOrder(mediaFor(request), (media) => applyRemote(media, request, devices.current.microphoneId));
      case 'prepare':
        prepare(mediaFor(request), request, devices.current.microphoneId);
        return true;
      case 'setHeld': {
        const media = calls.get(request.callId);
        if (!media) return false;
        media.held = request.held;
        applySending(media);
        return true;
      }
      case 'nextOffer':
        return inOrder(existing(request.callId), nextOffer);
      case 'rollback':
        return inOrder(existing(request.callId), rollback);
      case 'sendDtmf':
        return queueDtmf(calls.get(request.callId), request.tones);
      case 'setMuted': {
        const media = calls.get(request.callId);
        if (!media) return false;
        media.muted = request.muted;
        applySending(media);
        return true;
      }
      case 'close': {
        const media = calls.get(request.callId);
        if (media) {
          mixer.release(media);
          disposeCallMedia(media);
        }
        calls.delete(request.callId);
        return null;
      }
      case 'mix': {
        const [a, b] = request.callIds.map((id) => calls.get(id));
        if (!a || !b) throw new Error('both calls must have media to mix');
        await mixer.mix(a, b);
        mixed = [a, b];
        return true;
      }
      case 'unmix':
        mixer.unmix();
        mixed = null;
        for (const media of calls.values()) applySending(media);
        return true;
      case 'ring':
        await ringer.ring(request.tone);
        return true;
      case 'stopRing':
        ringer.stop();
        return true;
      case 'setDevices': {
        const previous = devices.current;
        devices.current = request.devices;
        ringer.sinkId = request.devices.ringerId;
        for (const media of calls.values()) {
          await routeSpeaker(media, request.devices.speakerId);
          if (previous.microphoneId !== request.devices.microphoneId) await switchMicrophone(media, request.devices.microphoneId);
          applySending(media);
        }
        // The mix was built from the old microphone: build it again.
        if (mixed && previous.microphoneId !== request.devices.microphoneId) await mixer.mix(...mixed);
        return true;
      }
      case 'levelMeter':
        if (request.on) await meter.start(devices.current.microphoneId);
        else meter.end();
        return true;
    }
  };

  const reply = (message: MediaReply): void => {
    bridge.mediaReply(message).catch((error: unknown) => logger.warn('media reply failed', error));
  };

  const unsubscribe = bridge.onMediaRequest((incoming) => {
    const parsed = mediaRequestSchema.safeParse(incoming);
    if (!parsed.success) {
      logger.warn('malformed media request ignored');
      const id = (incoming as { id?: unknown })?.id;
      if (typeof id === 'number') reply({ id, ok: false, error: 'malformed request' });
      return;
    }
    const request = parsed.data;
    perform(request).then(
      (result) => reply({ id: request.id, ok: true, result: (result ?? null) as never }),
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        logger.warn(`media ${request.op} failed`, { message });
        reply({ id: request.id, ok: false, error: message.slice(0, 500) });
      },
    );
  });
  return () => {
    unsubscribe();
    stopMonitor();
    stopWatchingDevices();
    meter.end();
  };
}
