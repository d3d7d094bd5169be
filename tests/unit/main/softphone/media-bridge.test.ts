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
  it('forwards SIP.js calls with portable options only', async () => {
    const { rpc, sent } = setup();
    const sdh = new BridgedSessionDescriptionHandler('call-1', rpc, config);
    const description = sdh.getDescription({ hold: true, constraints: { audio: true } } as never);
    expect(sent[0]).toEqual({ id: 1, op: 'getDescription', callId: 'call-1', config, options: { hold: true } });
    rpc.settle({ id: 1, ok: true, result: { body: 'v=0', contentType: 'application/sdp' } });
    await expect(description).resolves.toEqual({ body: 'v=0', contentType: 'application/sdp' });
    const set = sdh.setDescription('v=0');
    expect(sent[1]).toMatchObject({ op: 'setDescription', sdp: 'v=0', options: {} });
    rpc.settle({ id: 2, ok: true, result: null });
    await set;
    expect(sdh.hasDescription('application/sdp')).toBe(true);
    expect(sdh.hasDescription('text/plain')).toBe(false);
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
    expect(mediaReplySchema.safeParse({ id: 1, ok: true, result: { body: 'x', contentType: 'y' } }).success).toBe(true);
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
