import { createHash, randomBytes } from 'node:crypto';
import WebSocket from 'ws';

/**
 * A bare WebSocket SIP client for what SIP.js will not do: garbage, broken
 * headers, answering too late. Messages are plain text; `next` waits for a
 * received message matching a predicate.
 */
export class RawSipClient {
  /** Messages no `next` has taken yet. */
  readonly received: string[] = [];
  readonly host = `${randomBytes(4).toString('hex')}.invalid`;
  readonly contactUser = `raw${randomBytes(3).toString('hex')}`;
  private waiters: Array<{ predicate: (text: string) => boolean; resolve: (text: string) => void }> = [];
  private closed: Promise<number>;
  private cseq = 1;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      const text = data.toString('utf8');
      const waiter = this.waiters.find((candidate) => candidate.predicate(text));
      if (!waiter) {
        this.received.push(text);
        return;
      }
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve(text);
    });
    this.closed = new Promise((resolve) => socket.on('close', (code) => resolve(code)));
  }

  static async connect(url: string, protocol: string | null = 'sip'): Promise<RawSipClient> {
    const socket = protocol ? new WebSocket(url, protocol) : new WebSocket(url);
    const client = new RawSipClient(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return client;
  }

  send(text: string | Buffer): void {
    this.socket.send(text);
  }

  next(predicate: (text: string) => boolean): Promise<string> {
    const seen = this.received.find(predicate);
    if (seen) {
      this.received.splice(this.received.indexOf(seen), 1);
      return Promise.resolve(seen);
    }
    return new Promise((resolve) => this.waiters.push({ predicate, resolve }));
  }

  /** A request from this client, `headers` as extra lines. */
  request(method: string, uri: string, options: { from: string; to?: string; callId?: string; headers?: string[]; body?: string }): string {
    const branch = `z9hG4bK${randomBytes(6).toString('hex')}`;
    const body = options.body ?? '';
    return [
      `${method} ${uri} SIP/2.0`,
      `Via: SIP/2.0/WSS ${this.host};branch=${branch}`,
      'Max-Forwards: 70',
      `From: <sip:${options.from}@lab.test>;tag=${randomBytes(4).toString('hex')}`,
      `To: ${options.to ?? `<${uri}>`}`,
      `Call-ID: ${options.callId ?? randomBytes(8).toString('hex')}`,
      `CSeq: ${this.cseq++} ${method}`,
      `Contact: <sip:${this.contactUser}@${this.host};transport=ws>`,
      ...(options.headers ?? []),
      `Content-Length: ${Buffer.byteLength(body)}`,
      '',
      body,
    ].join('\r\n');
  }

  /** REGISTER with the digest dance; resolves with the final status line. */
  async register(user: string, password: string, expires = 600, aor = user): Promise<string> {
    const callId = randomBytes(8).toString('hex');
    const register = (auth?: string): string =>
      this.request('REGISTER', 'sip:lab.test', {
        from: aor,
        to: `<sip:${aor}@lab.test>`,
        callId,
        headers: [`Expires: ${expires}`, ...(auth ? [`Authorization: ${auth}`] : [])],
      });
    this.send(register());
    const challenge = await this.next((text) => text.startsWith('SIP/2.0 ') && text.includes(callId));
    const nonce = /nonce="([^"]+)"/.exec(challenge)?.[1] ?? '';
    const ha1 = md5(`${user}:lab.test:${password}`);
    const ha2 = md5('REGISTER:sip:lab.test');
    const cnonce = randomBytes(4).toString('hex');
    const response = md5(`${ha1}:${nonce}:00000001:${cnonce}:auth:${ha2}`);
    this.send(
      register(
        `Digest algorithm=MD5, username="${user}", realm="lab.test", nonce="${nonce}", uri="sip:lab.test", response="${response}", qop=auth, cnonce="${cnonce}", nc=00000001`,
      ),
    );
    const final = await this.next((text) => text.startsWith('SIP/2.0 ') && text.includes(callId));
    return final.split('\r\n')[0] ?? '';
  }

  /** A response to a received request: Via/From/To/Call-ID/CSeq copied, our tag and Contact added. */
  respond(request: string, status: number, reason: string, toTag = 'rawtag', sdp?: string): string {
    const lines = request.split('\r\n');
    const copy = lines.filter((line) => /^(Via|From|Call-ID|CSeq|Record-Route):/i.test(line));
    const to = lines.find((line) => /^To:/i.test(line)) ?? 'To: <sip:x@lab.test>';
    return [
      `SIP/2.0 ${status} ${reason}`,
      ...copy,
      /;tag=/.test(to) ? to : `${to};tag=${toTag}`,
      `Contact: <sip:${this.contactUser}@${this.host};transport=ws>`,
      ...(sdp ? ['Content-Type: application/sdp'] : []),
      `Content-Length: ${Buffer.byteLength(sdp ?? '')}`,
      '',
      sdp ?? '',
    ].join('\r\n');
  }

  async close(): Promise<void> {
    if (this.socket.readyState === WebSocket.OPEN || this.socket.readyState === WebSocket.CONNECTING) this.socket.close();
    await this.closed;
  }

  /** Resolves with the close code once the server closes the socket. */
  whenClosed(): Promise<number> {
    return this.closed;
  }
}

function md5(text: string): string {
  return createHash('md5').update(text).digest('hex');
}

/** First line of a SIP message. */
export function startLine(text: string): string {
  return text.split('\r\n')[0] ?? '';
}
