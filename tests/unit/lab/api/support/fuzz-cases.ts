/**
 * Malformed and refused messages for the fuzz test, from a seeded PRNG so
 * every run sends the same 10 000+ frames. Each case says how the server
 * must answer: an error response with `expectId`, or (no id to answer to)
 * an unsequenced `error` event.
 */
export interface FuzzCase {
  kind: string;
  data: string | Buffer;
  binary: boolean;
  /** The id of the error response expected; null → an `error` event with seq 0. */
  expectId: string | null;
  /** The error code when the case pins it down. */
  expectCode?: string;
}

/** mulberry32: small, fast, good enough to pick cases. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Body = Record<string, unknown>;

/**
 * A valid body per op, as the logged-in fuzz connection (alice, on contact
 * `c-a` connected; bob has offer `c-b`) would send it. Used as the base of
 * mutations, and as is for "right shape, wrong state" requests.
 */
export const BASE_BODIES: Record<string, Body> = {
  login: { username: 'alice', password: 'alice-pw', dn: '+15550101', teamId: 'sales' },
  resume: { resumeToken: 'A'.repeat(32), lastSeq: 0 },
  logout: {},
  'set-state': { state: 'idle', reasonCode: 'lunch' },
  'accept-offer': { contactId: 'c-a' },
  'decline-offer': { contactId: 'c-a' },
  'wrap-up.submit': { contactId: 'c-a', code: 'resolved', cad: { note: 'x' }, lastAgentRouting: false },
  'wrap-up.cancel-auto': { contactId: 'c-a' },
  'cad.get': { contactId: 'c-b' },
  'cad.set': { contactId: 'c-a', cad: { note: 'x' } },
  'directory.get': {},
  consult: { contactId: 'c-a', target: { kind: 'agent', agentId: 'bob' } },
  'consult.confirm': { contactId: 'c-a' },
  'consult.cancel': { contactId: 'c-a' },
  conference: { contactId: 'c-a' },
  transfer: { mode: 'consult', contactId: 'c-a' },
  outdial: { number: '+15550177', ani: '+15550199' },
  'recording.pause': { contactId: 'c-b' },
  'recording.resume': { contactId: 'c-a' },
  'contact.end': { contactId: 'c-b' },
  ping: { nonce: 'n1' },
};
const OPTIONAL = new Set(['cad', 'lastAgentRouting', 'ani', 'nonce', 'resumeToken']);
const OPS = Object.keys(BASE_BODIES);

/**
 * Right shape, refused by state or ownership, on alice's connection: each
 * must fail and change nothing (with the expected code).
 */
export const WRONG_STATE: [string, Body, string][] = [
  ['accept-offer', { contactId: 'c-a' }, 'invalid-state'],
  ['accept-offer', { contactId: 'c-b' }, 'not-found'],
  ['decline-offer', { contactId: 'c-b' }, 'not-found'],
  ['wrap-up.submit', { contactId: 'c-a', code: 'resolved' }, 'invalid-state'],
  ['wrap-up.cancel-auto', { contactId: 'c-a' }, 'invalid-state'],
  ['cad.get', { contactId: 'c-b' }, 'not-found'],
  ['cad.set', { contactId: 'c-b', cad: { note: 'x' } }, 'not-found'],
  ['consult', { contactId: 'c-b', target: { kind: 'queue', queueId: 'q-sales' } }, 'not-found'],
  ['consult', { contactId: 'c-a', target: { kind: 'agent', agentId: 'bob' } }, 'consult-failed'],
  ['consult.confirm', { contactId: 'c-a' }, 'invalid-state'],
  ['consult.cancel', { contactId: 'c-a' }, 'invalid-state'],
  ['conference', { contactId: 'c-a' }, 'invalid-state'],
  ['transfer', { mode: 'consult', contactId: 'c-a' }, 'invalid-state'],
  ['transfer', { mode: 'blind', contactId: 'c-b', target: { kind: 'dn', number: '+15550123' } }, 'not-found'],
  ['outdial', { number: '+15550177' }, 'invalid-state'],
  ['recording.resume', { contactId: 'c-a' }, 'invalid-state'],
  ['recording.pause', { contactId: 'c-b' }, 'not-found'],
  ['contact.end', { contactId: 'c-b' }, 'not-found'],
  ['set-state', { state: 'idle', reasonCode: 'no-such-reason' }, 'not-found'],
  ['logout', {}, 'invalid-state'],
  ['login', { username: 'alice', password: 'alice-pw', dn: '+15550101', teamId: 'sales' }, 'already-logged-in'],
  ['resume', { resumeToken: 'B'.repeat(40), lastSeq: 3 }, 'already-logged-in'],
];

/** Right shape on the connection that never logged in. */
export const NOT_LOGGED_IN: [string, Body, string][] = [
  ...OPS.filter((op) => !['login', 'resume', 'ping'].includes(op)).map((op): [string, Body, string] => [op, BASE_BODIES[op] ?? {}, 'not-logged-in']),
  ['login', { username: 'mallory', password: 'guess', dn: '+15550166', teamId: 'sales' }, 'bad-credentials'],
  ['login', { username: 'alice', password: 'wrong', dn: '+15550101', teamId: 'sales' }, 'bad-credentials'],
  ['resume', { resumeToken: 'C'.repeat(48), lastSeq: 0 }, 'resume-failed'],
];

/**
 * Values wrong for every body field of every op *and* for the envelope's
 * `body` (no `{}`, `0` or `true`, which some fields accept). Free-text
 * fields (username, password) do accept some strings, so those mutations
 * may come back with a state error instead of `malformed`: still an error.
 */
const WRONG_VALUES: unknown[] = [null, -1, 1.5, 1e300, [], [1], '', 'has space', '__proto__', '../../etc', '<script>', 'x'.repeat(600)];

export class FuzzGenerator {
  private n = 0;
  constructor(private readonly rand: () => number) {}

  private int(max: number): number {
    return Math.floor(this.rand() * max);
  }

  private pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  private id(): string {
    this.n += 1;
    return `f${this.n}`;
  }

  private text(length: number): string {
    let out = '';
    for (let i = 0; i < length; i += 1) out += String.fromCharCode(this.int(0xd7ff) + 1);
    return out;
  }

  private frame(id: unknown, op: unknown, body: unknown, extra: Body = {}): Body {
    return { v: 1, type: 'request', id, op, body, ...extra };
  }

  private json(kind: string, value: unknown, expectId: string | null, expectCode?: string | undefined): FuzzCase {
    return { kind, data: JSON.stringify(value), binary: false, expectId, ...(expectCode ? { expectCode } : {}) };
  }

  /** One malformed message for the logged-in connection. */
  next(): FuzzCase {
    const id = this.id();
    const op = this.pick(OPS);
    const base = structuredClone(BASE_BODIES[op] ?? {});
    switch (this.int(16)) {
      case 0: {
        const bytes = Buffer.alloc(1 + this.int(512));
        for (let i = 0; i < bytes.length; i += 1) bytes[i] = this.int(256);
        // Binary: the same bytes in a text frame would be invalid UTF-8, which
        // ws (RFC 6455) answers by closing with 1007; that is asserted apart.
        return { kind: 'random-bytes', data: bytes, binary: true, expectId: null, expectCode: 'malformed' };
      }
      case 1:
        return { kind: 'random-text', data: this.text(1 + this.int(300)), binary: false, expectId: null, expectCode: 'malformed' };
      case 2: {
        const full = JSON.stringify(this.frame(id, op, base));
        return { kind: 'truncated-json', data: full.slice(0, this.int(full.length - 1) + 1), binary: false, expectId: null, expectCode: 'malformed' };
      }
      case 3:
        return this.json('not-an-object', this.pick([null, 42, 'request', [this.frame(id, op, base)], true, []]), null, 'malformed');
      case 4: {
        const envelope = this.frame(id, op, base);
        const key = this.pick(['v', 'type', 'op', 'body']);
        const value = key === 'v' ? this.pick(['1', null, true, [1], { v: 1 }]) : this.pick(WRONG_VALUES.filter((w) => w !== op));
        return this.json(`envelope-wrong-${key}`, { ...envelope, [key]: value }, id, key === 'op' ? undefined : 'malformed');
      }
      case 5: {
        const key = this.pick(['v', 'type', 'op', 'body']);
        const envelope: Body = this.frame(id, op, base);
        delete envelope[key];
        return this.json(`envelope-missing-${key}`, envelope, id, 'malformed');
      }
      case 6:
        return this.json('envelope-bad-id', this.frame(this.pick([null, 7, '', 'has space', 'x'.repeat(65), ['f1'], { id }]), op, base), null, 'malformed');
      case 7:
        return this.json('envelope-extra', this.frame(id, op, base, { [this.pick(['agentId', 'extra', 'ok', 'seq'])]: 'bob' }), id, 'malformed');
      case 8:
        return this.json('unsupported-version', { ...this.frame(id, op, base), v: this.pick([0, 2, 99, -1, 1.5]) }, id, 'unsupported-version');
      case 9:
        return this.json('unknown-op', this.frame(id, this.pick(['hold', 'LOGIN', 'login ', 'admin.wipe', 'set_state', '__proto__', 'constructor', 'wrap-up']), base), id, 'unknown-op');
      case 10:
        return this.json('body-extra', this.frame(id, op, { ...base, [this.pick(['agentId', 'sessionId', 'zzz', 'role'])]: 'bob' }), id, 'malformed');
      case 11:
        return this.json('body-not-object', this.frame(id, op, this.pick([null, 1, 'body', [base], true])), id, 'malformed');
      case 12: {
        const keys = Object.keys(base);
        if (keys.length === 0) return this.json('body-extra-empty', this.frame(id, op, { contactId: 'c-a' }), id, 'malformed');
        const key = this.pick(keys);
        const required = keys.filter((k) => !OPTIONAL.has(k));
        const mutated = { ...base } as Body;
        if (required.length > 0 && this.rand() < 0.4) delete mutated[this.pick(required)];
        else mutated[key] = this.pick(WRONG_VALUES);
        return this.json(`body-field-${key}`, this.frame(id, op, mutated), id);
      }
      case 13: {
        const size = 10_000 + this.int(50_000);
        const field = this.pick(['username', 'password', 'contactId', 'note', 'nonce']);
        const body = field === 'note' ? { contactId: 'c-a', cad: { note: 'n'.repeat(size) } } : { ...base, [field]: 'h'.repeat(size) };
        return this.json('huge-string', this.frame(id, field === 'note' ? 'cad.set' : op, body), id, 'malformed');
      }
      case 14: {
        const depth = 100 + this.int(9_000); // stays under the 64 KiB frame cap
        const open = this.pick(['[', '{"a":']);
        const close = open === '[' ? ']' : '}';
        const nested = `${open.repeat(depth)}1${close.repeat(depth)}`;
        return { kind: 'deep-nesting', data: `{"v":1,"type":"request","id":"${id}","op":"${op}","body":${nested}}`, binary: false, expectId: null, expectCode: 'malformed' };
      }
      default: {
        const variants: Body[] = [
          { contactId: 'c-a', cad: Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`k${i}`, 'v'])) },
          { contactId: 'c-a', cad: JSON.parse('{"__proto__":"x"}') as Body },
          { contactId: 'c-a', cad: { note: { nested: [1, [2, [3]]] } } },
          { contactId: 'c-a', target: { kind: 'dn', number: '555-0100' } },
          { contactId: 'c-a', target: { kind: 'agent', agentId: 'bob', queueId: 'q' } },
          { contactId: 'c-a', target: { kind: 'everyone' } },
          { state: 'rona' },
          { state: 'available', reasonCode: 'lunch' },
        ];
        const which = this.int(variants.length);
        const variantOp = which < 3 ? 'cad.set' : which < 6 ? 'consult' : 'set-state';
        // A `__proto__` key is refused while parsing JSON, before the id is read.
        return this.json('body-semantic', this.frame(id, variantOp, variants[which]), which === 1 ? null : id, 'malformed');
      }
    }
  }

  /** A well-formed request refused by state, ownership or the session gate. */
  refused(table: [string, Body, string][]): FuzzCase {
    const [op, body, code] = this.pick(table);
    const id = this.id();
    return this.json('refused', this.frame(id, op, body), id, code);
  }
}
