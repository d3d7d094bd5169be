import { COMMANDS } from '../../../../common/contract/commands';
import {
  CODECS,
  sipAccountSchema,
  type DtmfMode,
  type SipAccount,
} from '../../../../common/contract/softphone';

/**
 * The SIP account form as pure functions: form values ⇄ contract account,
 * and zod issues → per-field, localizable error keys. The component keeps
 * the values (and the password) in its own state; nothing here touches the
 * store.
 */

export type Codec = (typeof CODECS)[number];
export type { DtmfMode };

/** Form fields that can carry an error (`sip-field-error-<field>`). */
export const SIP_FIELDS = [
  'server',
  'aor',
  'authUser',
  'displayName',
  'password',
  'iceServers',
  'codecs',
  'dtmfMode',
] as const;
export type SipField = (typeof SIP_FIELDS)[number];

/** Error messages, localized as `softphone.account.errors.<key>`. */
export const SIP_ERROR_KEYS = [
  'required',
  'serverUrl',
  'aorUri',
  'iceUrl',
  'tooLong',
  'tooManyIceServers',
  'codecsRequired',
  'invalid',
] as const;
export type SipErrorKey = (typeof SIP_ERROR_KEYS)[number];

export interface SipFieldError {
  key: SipErrorKey;
  /** For `iceUrl`: the textarea line (1-based) holding the bad URL. */
  line?: number;
  /** For `tooLong` / `tooManyIceServers`: the limit. */
  max?: number;
}
export type SipFieldErrors = Partial<Record<SipField, SipFieldError>>;

export interface SipFormValues {
  server: string;
  aor: string;
  authUser: string;
  displayName: string;
  /** One `stun:` / `turn:` URL per line; blank lines are ignored. */
  iceServers: string;
  /** Every codec, most preferred first; `enabled` ones are offered. */
  codecs: { codec: Codec; enabled: boolean }[];
  dtmfMode: DtmfMode;
  /** Echo cancellation, noise suppression and gain control. */
  audioProcessing: boolean;
}

const DEFAULT_CODECS: readonly Codec[] = ['opus', 'PCMU', 'PCMA'];

/** Orders all codecs: the chosen ones first (in their order), then the rest. */
function codecList(chosen: readonly Codec[]): SipFormValues['codecs'] {
  const rest = CODECS.filter((codec) => !chosen.includes(codec));
  return [
    ...chosen.map((codec) => ({ codec, enabled: true })),
    ...rest.map((codec) => ({ codec, enabled: false })),
  ];
}

/** The form for a saved account, or the empty first-run form. */
export function formFromAccount(account: SipAccount | null): SipFormValues {
  if (!account) {
    return {
      server: '',
      aor: '',
      authUser: '',
      displayName: '',
      iceServers: '',
      codecs: codecList(DEFAULT_CODECS),
      dtmfMode: 'rfc4733',
      audioProcessing: true,
    };
  }
  return {
    server: account.server,
    aor: account.aor,
    authUser: account.authUser,
    displayName: account.displayName,
    iceServers: account.iceServers.flatMap((s) => (Array.isArray(s.urls) ? s.urls : [s.urls])).join('\n'),
    codecs: codecList(account.codecs),
    dtmfMode: account.dtmfMode,
    audioProcessing: account.audioProcessing,
  };
}

/** Non-blank lines of the ICE textarea, with their 1-based line numbers. */
export function iceLines(text: string): { url: string; line: number }[] {
  return text
    .split(/\r?\n/)
    .map((raw, index) => ({ url: raw.trim(), line: index + 1 }))
    .filter((entry) => entry.url !== '');
}

/**
 * The object to validate: one ICE server per URL. The form edits URLs only;
 * a TURN user name / credential already stored for a URL (set outside this
 * form) is carried over as long as that URL stays in the list.
 */
export function accountCandidate(values: SipFormValues, previous: SipAccount | null = null): unknown {
  const stored = new Map<string, { username?: string; credential?: string }>();
  for (const server of previous?.iceServers ?? []) {
    const secrets: { username?: string; credential?: string } = {};
    if (server.username !== undefined) secrets.username = server.username;
    if (server.credential !== undefined) secrets.credential = server.credential;
    for (const url of Array.isArray(server.urls) ? server.urls : [server.urls]) stored.set(url, secrets);
  }
  return {
    server: values.server,
    aor: values.aor,
    authUser: values.authUser,
    displayName: values.displayName,
    iceServers: iceLines(values.iceServers).map(({ url }) => ({ urls: url, ...stored.get(url) })),
    codecs: values.codecs.filter((c) => c.enabled).map((c) => c.codec),
    dtmfMode: values.dtmfMode,
    audioProcessing: values.audioProcessing,
  };
}

/** The minimum a zod issue needs to be mapped (zod's own issues fit). */
export interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  maximum?: number | bigint;
}

const isField = (key: unknown): key is SipField => (SIP_FIELDS as readonly unknown[]).includes(key);

function limit(issue: IssueLike): number | undefined {
  return issue.maximum === undefined ? undefined : Number(issue.maximum);
}

/** One issue → its field's error; `null` when it names no form field. */
function errorForIssue(issue: IssueLike, values: SipFormValues): [SipField, SipFieldError] | null {
  const [head, index] = issue.path;
  if (!isField(head)) return null;
  const tooLong = issue.code === 'too_big';
  switch (head) {
    case 'server':
    case 'aor': {
      if (values[head].trim() === '') return [head, { key: 'required' }];
      if (tooLong) return [head, { key: 'tooLong', max: limit(issue) }];
      return [head, { key: head === 'server' ? 'serverUrl' : 'aorUri' }];
    }
    case 'iceServers': {
      if (typeof index === 'number') {
        return [head, { key: 'iceUrl', line: iceLines(values.iceServers)[index]?.line ?? index + 1 }];
      }
      if (tooLong) return [head, { key: 'tooManyIceServers', max: limit(issue) }];
      return [head, { key: 'invalid' }];
    }
    case 'codecs':
      return [head, { key: issue.code === 'too_small' ? 'codecsRequired' : 'invalid' }];
    default:
      return [head, tooLong ? { key: 'tooLong', max: limit(issue) } : { key: 'invalid' }];
  }
}

/**
 * Maps zod issues to one error per field (the first issue wins), as keys
 * the UI localizes, never zod's English messages. `values` tells an empty
 * required field ("required") from a malformed one.
 */
export function fieldErrorsFromIssues(issues: readonly IssueLike[], values: SipFormValues): SipFieldErrors {
  const errors: SipFieldErrors = {};
  for (const issue of issues) {
    const mapped = errorForIssue(issue, values);
    if (mapped && !errors[mapped[0]]) errors[mapped[0]] = mapped[1];
  }
  return errors;
}

export type SipFormResult =
  | { ok: true; account: SipAccount; password?: string }
  | { ok: false; errors: SipFieldErrors };

/** The password rule of `sb:softphone:save-account` (only checked when one was typed). */
const passwordSchema = COMMANDS['sb:softphone:save-account'].request.shape.password;

/**
 * Validates the form with the contract's own schemas, so what passes here is
 * what main accepts. An empty password means "keep the stored one" and is
 * left out of the result.
 */
export function validateSipForm(
  values: SipFormValues,
  password: string,
  previous: SipAccount | null = null,
): SipFormResult {
  const parsed = sipAccountSchema.safeParse(accountCandidate(values, previous));
  const issues: IssueLike[] = parsed.success ? [] : [...parsed.error.issues];
  if (password !== '') {
    const checked = passwordSchema.safeParse(password);
    if (!checked.success) issues.push(...checked.error.issues.map((i) => ({ ...i, path: ['password', ...i.path] })));
  }
  if (!parsed.success || issues.length > 0) return { ok: false, errors: fieldErrorsFromIssues(issues, values) };
  return password === '' ? { ok: true, account: parsed.data } : { ok: true, account: parsed.data, password };
}
