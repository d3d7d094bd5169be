import { WebSocketServer, type WebSocket } from 'ws';

/**
 * A test-only SIP-over-WebSocket registrar and relay, just enough for two
 * parties to call each other: REGISTER is answered 200 (no auth) and
 * remembered; a request goes to the socket its Request-URI user is known by
 * (an AOR or a Contact user); a response goes back to the socket that sent
 * the request with the same top Via branch. Messages are forwarded
 * unchanged (no Via, no Record-Route): the relay is transparent.
 * Not the lab's proxy (lab/sip/): a stand-in so these tests depend on
 * nothing else.
 */
export class WsSipRelay {
  private readonly server: WebSocketServer;
  private readonly byUser = new Map<string, WebSocket>();
  private readonly byBranch = new Map<string, WebSocket>();
  /** Request methods seen, in order (for assertions). */
  readonly methods: string[] = [];
  /** Messages that could not be parsed or routed. */
  dropped = 0;

  private constructor(server: WebSocketServer) {
    this.server = server;
    server.on('connection', (socket) => {
      socket.on('message', (data) => this.onMessage(socket, data.toString()));
      socket.on('close', () => this.forget(socket));
      socket.on('error', () => undefined);
    });
  }

  static async start(): Promise<WsSipRelay> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: () => 'sip' });
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
    return new WsSipRelay(server);
  }

  get url(): string {
    const address = this.server.address();
    if (typeof address !== 'object' || !address) throw new Error('relay not listening');
    return `ws://127.0.0.1:${address.port}`;
  }

  isRegistered(user: string): boolean {
    return this.byUser.has(user);
  }

  async close(): Promise<void> {
    for (const client of this.server.clients) client.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private onMessage(from: WebSocket, text: string): void {
    const message = parse(text);
    if (!message) {
      this.dropped++;
      return;
    }
    const contactUser = userOf(message.headers.get('contact') ?? message.headers.get('m'));
    if (contactUser) this.byUser.set(contactUser, from);
    if (message.kind === 'response') {
      const origin = this.byBranch.get(message.branch);
      if (origin) origin.send(text);
      else this.dropped++;
      return;
    }
    this.methods.push(message.method);
    if (message.method === 'REGISTER') {
      this.register(from, message, text);
      return;
    }
    const target = this.byUser.get(userOf(message.uri) ?? '');
    if (!target) {
      if (message.method !== 'ACK') from.send(reply(text, 404, 'Not Found'));
      return;
    }
    this.byBranch.set(message.branch, from);
    target.send(text);
  }

  private register(from: WebSocket, message: SipMessage, text: string): void {
    const user = userOf(message.headers.get('to') ?? message.headers.get('t'));
    if (!user) {
      from.send(reply(text, 400, 'Bad Request'));
      return;
    }
    const contact = message.headers.get('contact') ?? message.headers.get('m') ?? '';
    const expires = /expires=(\d+)/i.exec(contact)?.[1] ?? message.headers.get('expires') ?? '300';
    if (Number(expires) === 0) this.byUser.delete(user);
    else this.byUser.set(user, from);
    from.send(reply(text, 200, 'OK', Number(expires) === 0 ? [] : [`Contact: ${contact.replace(/;expires=\d+/i, '')};expires=${expires}`]));
  }

  private forget(socket: WebSocket): void {
    for (const [user, s] of this.byUser) if (s === socket) this.byUser.delete(user);
    for (const [branch, s] of this.byBranch) if (s === socket) this.byBranch.delete(branch);
  }
}

interface SipMessage {
  kind: 'request' | 'response';
  method: string;
  uri: string;
  branch: string;
  headers: Map<string, string>;
}

/** Start line and headers (first value of each, lower-cased names); null when not SIP. */
function parse(text: string): SipMessage | null {
  const [head] = text.split('\r\n\r\n');
  const lines = (head ?? '').split('\r\n');
  const start = lines.shift() ?? '';
  const headers = new Map<string, string>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  const via = headers.get('via') ?? headers.get('v') ?? '';
  const branch = /branch=([^;,\s]+)/i.exec(via)?.[1];
  if (!branch) return null;
  const response = /^SIP\/2\.0 (\d{3}) /.exec(start);
  if (response) return { kind: 'response', method: '', uri: '', branch, headers };
  const request = /^([A-Z]+) (\S+) SIP\/2\.0$/.exec(start);
  if (!request?.[1] || !request[2]) return null;
  return { kind: 'request', method: request[1], uri: request[2], branch, headers };
}

function userOf(value: string | undefined): string | null {
  return value ? (/sips?:([^@;>\s]+)@/i.exec(value)?.[1] ?? null) : null;
}

/** A response to `request` copying Via, From, To (with a tag), Call-ID and CSeq. */
function reply(request: string, status: number, reason: string, extra: string[] = []): string {
  const lines = request.split('\r\n');
  const pick = (name: string): string[] => lines.filter((line) => line.toLowerCase().startsWith(`${name}:`));
  const to = pick('to').map((line) => (/;tag=/i.test(line) ? line : `${line};tag=relay${Date.now()}`));
  return [
    `SIP/2.0 ${status} ${reason}`,
    ...pick('via'),
    ...pick('from'),
    ...to,
    ...pick('call-id'),
    ...pick('cseq'),
    ...extra,
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
}
