import type { MediaRequest } from '../../../../common/contract/engine-media';
import { mediaReplySchema, mediaRequestSchema } from '../../../../common/contract/engine-media';
import { preferCodecs } from '../../../../common/softphone/sdp-codecs';
import { BridgedSessionDescriptionHandler } from '../../../../main/softphone/media/bridged-sdh';
import { EngineRpc } from '../../../../main/softphone/media/engine-rpc';
import { remoteLabel, sipfragStatus, targetUri } from '../../../../main/softphone/lines/call-targets';
import { memoryLogger } from '../../support/memory-logger';

function setup(timeoutMs = 1_000) {
  const sent: MediaRequest[] = [];
  let connected = true;
  const rpc = new EngineRpc((r) => (connected ? (sent.push(r), true) : false), memoryLogger().log, timeoutMs);
  return { rpc, sent, disconnect: () => (connected = false) };
}

const config = { iceServers: [], codecs: ['PCMU'], audioProcessing: true };

describe('engine RPC', () => {
  it('settles each request with its own reply', async () => {
    const { rpc, sent } = setup();
    const a = rpc.call({ op: 'stopRing' });
    const b = rpc.call({ op: 'unmix' });
    expect(sent.map((r) => r.id)).toEqual([1, 2]);
    expect(rpc.settle({ id: 2, ok: true, result: true })).toBe(true);
    expect(rpc.settle({ id: 1, ok: false, error: 'no audio' })).toBe(true);
    await expect(b).resolves.toBe(true);
    await expect(a).rejects.toThrow('media stopRing failed: no audio');
    expect(rpc.settle({ id: 1, ok: true, result: null })).toBe(false);
  });

  it('fails at once when the engine is not running, and on timeout', async () => {
    const { rpc, disconnect } = setup(20);
    const late = rpc.call({ op: 'unmix' });
    await expect(late).rejects.toThrow('timed out');
    disconnect();
    await expect(rpc.call({ op: 'unmix' })).rejects.toThrow('not running');
  });

  it('fails everything in flight when the engine goes away', async () => {
    const { rpc } = setup();
    const pending = [rpc.call({ op: 'unmix' }), rpc.call({ op: 'stopRing' })];
    rpc.failAll('engine crashed');
    for (const p of pending) await expect(p).rejects.toThrow('engine crashed');
  });
});

describe('bridged session-description handler', () => {
  const sdp = (name: string) => ({ body: `v=0 ${name}`, contentType: 'application/sdp' });

  /** A handler that answered the far end's offer (requests 1: setDescription, 2: nextOffer). */
  const answeredCall = async () => {
    const { rpc, sent } = setup();
    const sdh = new BridgedSessionDescriptionHandler('call-1', rpc, config);
    const applied = sdh.setDescription('v=0 offer');
    rpc.settle({ id: 1, ok: true, result: { description: sdp('answer') } });
    await applied;
    await sdh.getDescription();
    return { rpc, sent, sdh };
  };

  it('forwards an offer with portable options only, and ACKs the answer without waiting for the engine', async () => {
    const { rpc, sent } = setup();
    const sdh = new BridgedSessionDescriptionHandler('call-1', rpc, config);
    const description = sdh.getDescription({ hold: true, constraints: { audio: true } } as never);
    expect(sent[0]).toEqual({ id: 1, op: 'getDescription', callId: 'call-1', config, options: { hold: true } });
    rpc.settle({ id: 1, ok: true, result: { description: sdp('offer') } });
    await expect(description).resolves.toEqual(sdp('offer'));
    // The far end's answer: resolved before the engine replies.
    await expect(sdh.setDescription('v=0 answer')).resolves.toBeUndefined();
    expect(sent.slice(1).map((r) => r.op)).toEqual(['setDescription', 'nextOffer']);
    expect(sdh.hasDescription('application/sdp')).toBe(true);
    expect(sdh.hasDescription('text/plain')).toBe(false);
    rpc.failAll('test over');
  });

  it('answers an offer in one request: getDescription right after is served from the reply', async () => {
    const { rpc, sent } = setup();
    const sdh = new BridgedSessionDescriptionHandler('call-1', rpc, config);
    const applied = sdh.setDescription('v=0 offer');
    rpc.settle({ id: 1, ok: true, result: { description: sdp('answer') } });
    await applied;
    await expect(sdh.getDescription()).resolves.toEqual(sdp('answer'));
    expect(sent.map((r) => r.op)).toEqual(['setDescription', 'nextOffer']);
    rpc.failAll('test over');
  });

  it('uses the prepared hold offer at once, only for the toggle it was made for, and only while current', async () => {
    const { rpc, sent, sdh } = await answeredCall();
    rpc.settle({ id: 2, ok: true, result: { next: { hold: true, sdp: 'v=0 hold' } } });
    await Promise.resolve();
    // A resume is not what was prepared: it goes to the engine.
    const resume = sdh.getDescription({ hold: false } as never);
    expect(sent[2]).toMatchObject({ op: 'getDescription', options: { hold: false } });
    expect(sent[2]).not.toHaveProperty('prepared');
    rpc.settle({ id: 3, ok: true, result: { description: sdp('resume') } });
    await resume;
    await sdh.setDescription('v=0 answer to resume');
    rpc.settle({ id: 5, ok: true, result: { next: { hold: true, sdp: 'v=0 hold 2' } } });
    rpc.settle({ id: 4, ok: true, result: {} });
    await Promise.resolve();
    await expect(sdh.getDescription({ hold: true } as never)).resolves.toEqual({ body: 'v=0 hold 2', contentType: 'application/sdp' });
    // While the re-INVITE is out the engine only stops the agent's audio reaching the far end.
    expect(sent.slice(5)).toEqual([{ id: 6, op: 'setHeld', callId: 'call-1', held: true }]);
    await sdh.setDescription('v=0 answer to hold');
    // The engine applies the offer it made, then the answer, in that order.
    expect(sent.slice(6)).toMatchObject([
      { op: 'getDescription', options: { hold: true }, prepared: 'v=0 hold 2' },
      { op: 'setDescription', sdp: 'v=0 answer to hold' },
      { op: 'nextOffer' },
    ]);
    rpc.failAll('test over');
  });

  it('keeps a prepared offer the far end refused: the engine never applied it', async () => {
    const { rpc, sent, sdh } = await answeredCall();
    rpc.settle({ id: 2, ok: true, result: { next: { hold: true, sdp: 'v=0 hold' } } });
    await Promise.resolve();
    await sdh.getDescription({ hold: true } as never);
    await sdh.rollbackDescription();
    // Only the audio went back; the engine never applied the offer, which is still the next one.
    expect(sent.slice(2).map((r) => (r.op === 'setHeld' ? `setHeld:${r.held}` : r.op))).toEqual(['setHeld:true', 'setHeld:false']);
    await expect(sdh.getDescription({ hold: true } as never)).resolves.toEqual({ body: 'v=0 hold', contentType: 'application/sdp' });
    expect(sent.slice(4).map((r) => r.op)).toEqual(['setHeld']);
    rpc.failAll('test over');
  });

  it('drops a prepared offer that arrives after a newer negotiation started', async () => {
    const { rpc, sent, sdh } = await answeredCall(); // asks for nextOffer (id 2)
    const remoteOffer = sdh.setDescription('v=0 far-end re-INVITE'); // id 3, before the nextOffer reply
    rpc.settle({ id: 2, ok: true, result: { next: { hold: true, sdp: 'v=0 stale' } } });
    rpc.settle({ id: 3, ok: true, result: { description: sdp('answer 2') } });
    await remoteOffer;
    await sdh.getDescription();
    void sdh.getDescription({ hold: true } as never).catch(() => undefined);
    expect(sent.at(-1)).toMatchObject({ op: 'getDescription', options: { hold: true } });
    expect(sent.at(-1)).not.toHaveProperty('prepared');
    rpc.failAll('test over');
  });

  it('reports a failure of media the far end already relies on, and rolls back a refused offer', async () => {
    const { rpc, sent } = setup();
    const failures: string[] = [];
    const sdh = new BridgedSessionDescriptionHandler('call-1', rpc, config, (_h, error) => failures.push(error.message));
    const offer = sdh.getDescription();
    rpc.settle({ id: 1, ok: true, result: { description: sdp('offer') } });
    await offer;
    await sdh.setDescription('v=0 answer');
    rpc.settle({ id: 2, ok: false, error: 'bad answer' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(failures).toEqual(['media setDescription failed: bad answer']);
    const offer2 = sdh.getDescription({ hold: true } as never);
    const offerRequest = sent.at(-1)!;
    rpc.settle({ id: offerRequest.id, ok: true, result: { description: sdp('hold') } });
    await offer2;
    const rolled = sdh.rollbackDescription();
    expect(sent.at(-1)).toMatchObject({ op: 'rollback', callId: 'call-1' });
    rpc.settle({ id: sent.at(-1)!.id, ok: true, result: {} });
    await rolled;
    expect(sent.at(-1)).toMatchObject({ op: 'nextOffer' });
    rpc.failAll('test over');
  });

  it('validates DTMF and closes once', () => {
    const { rpc, sent } = setup();
    const sdh = new BridgedSessionDescriptionHandler('call-1', rpc, config);
    expect(sdh.sendDtmf('12#')).toBe(true);
    expect(sdh.sendDtmf('1; rm -rf')).toBe(false);
    sdh.close();
    sdh.close();
    expect(sdh.sendDtmf('1')).toBe(false);
    expect(sent.map((r) => r.op)).toEqual(['sendDtmf', 'close']);
    rpc.failAll('test over');
  });
});

describe('media contract', () => {
  it('refuses malformed requests and replies', () => {
    expect(mediaRequestSchema.safeParse({ id: 1, op: 'close', callId: '../x' }).success).toBe(false);
    expect(mediaRequestSchema.safeParse({ id: 1, op: 'sendDtmf', callId: 'a', tones: 'X' }).success).toBe(false);
    expect(mediaRequestSchema.safeParse({ id: 1, op: 'eval', callId: 'a' }).success).toBe(false);
    expect(mediaReplySchema.safeParse({ id: 1, ok: true, result: { description: { body: 'x', contentType: 'y' } } }).success).toBe(true);
    expect(mediaReplySchema.safeParse({ id: 1, ok: true, result: { next: { hold: true, sdp: 'v=0' } } }).success).toBe(true);
    expect(mediaReplySchema.safeParse({ id: 1, ok: true, result: { body: 'x', contentType: 'y' } }).success).toBe(false);
    expect(mediaReplySchema.safeParse({ id: 1, ok: true, result: 'x', extra: 1 }).success).toBe(false);
  });
});

describe('call targets and SDP', () => {
  it('dials numbers in the agent domain and keeps SIP URIs', () => {
    expect(targetUri('+4930123', 'sip:1001@pbx.example.com')?.toString()).toBe('sip:+4930123@pbx.example.com');
    expect(targetUri('sip:bob@lab.test', 'sip:1001@pbx.example.com')?.toString()).toBe('sip:bob@lab.test');
  });
  it('reads REFER NOTIFY sipfrags', () => {
    expect(sipfragStatus('SIP/2.0 200 OK\r\n')).toBe(200);
    expect(sipfragStatus('SIP/2.0 486 Busy Here')).toBe(486);
    expect(sipfragStatus('garbage')).toBeNull();
    expect(sipfragStatus(undefined)).toBeNull();
  });
  it('labels the far end by display name, else user', () => {
    expect(remoteLabel({ displayName: '"Ana"', uri: { user: '1002', toString: () => 'sip:1002@x' } })).toBe('Ana');
    expect(remoteLabel({ displayName: '', uri: { user: '1002', toString: () => 'sip:1002@x' } })).toBe('1002');
  });
  it('puts preferred codecs first without dropping any', () => {
    const sdp = ['v=0', 'm=audio 9 UDP/TLS/RTP/SAVPF 111 0 8 101', 'a=rtpmap:111 opus/48000/2', 'a=rtpmap:0 PCMU/8000', 'a=rtpmap:8 PCMA/8000', 'a=rtpmap:101 telephone-event/8000', ''].join('\r\n');
    expect(preferCodecs(sdp, ['PCMA', 'PCMU'])).toContain('m=audio 9 UDP/TLS/RTP/SAVPF 8 0 111 101');
    expect(preferCodecs(sdp, [])).toBe(sdp);
  });
});
