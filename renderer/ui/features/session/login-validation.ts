import {
  loginRequestSchema,
  serverProfileSchema,
  type LoginCommand,
  type RememberedLogin,
  type ServerProfile,
} from '../../../../common/contract/agent-session';

/** What the login form holds while the agent types (the password stays in the component). */
export interface LoginFormValues {
  profileKind: ServerProfile['kind'];
  /** Agent API URL, used when `profileKind` is `server`. */
  agentApiUrl: string;
  username: string;
  dn: string;
  teamId: string;
  remember: boolean;
}

export const LOGIN_FIELDS = ['agentApiUrl', 'username', 'password', 'dn', 'teamId'] as const;
export type LoginField = (typeof LOGIN_FIELDS)[number];

/** Localized as `session.login.fieldErrors.<key>`. */
export const LOGIN_FIELD_ERROR_KEYS = [
  'urlRequired',
  'urlInvalid',
  'usernameRequired',
  'usernameInvalid',
  'passwordRequired',
  'passwordTooLong',
  'dnRequired',
  'dnInvalid',
  'teamRequired',
  'teamInvalid',
] as const;
export type LoginFieldErrorKey = (typeof LOGIN_FIELD_ERROR_KEYS)[number];

export type LoginFieldErrors = Partial<Record<LoginField, LoginFieldErrorKey>>;

export type LoginValidation =
  | { ok: true; profile: ServerProfile; login: LoginCommand }
  | { ok: false; errors: LoginFieldErrors };

/** The contract's DN rule (`phoneNumberSchema`), applied after `normaliseDn`. */
export const DN_PATTERN = /^\+?[0-9]{2,20}$/;
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
const MAX_ID = 64;
const MAX_PASSWORD = 256;

/**
 * The DN as the contact center routes it: agents type numbers the way they
 * read them (`1-800-555-1212`, `(02) 555.1234`, `+82 10 1234 5678`, PRODUCT
 * S1), so spaces, dashes, dots and parentheses are dropped. Anything else
 * (letters, a `+` in the middle) stays and fails `DN_PATTERN`.
 */
export function normaliseDn(typed: string): string {
  return typed.replace(/[\s\-.()]/g, '');
}

/** Whether a typed DN is acceptable once normalised. */
export function isValidDn(typed: string): boolean {
  return DN_PATTERN.test(normaliseDn(typed));
}

/** Form values to start from: the remembered login, else empty; the lab unless a server is set. */
export function formFromSession(profile: ServerProfile, remembered: RememberedLogin | null): LoginFormValues {
  return {
    profileKind: profile.kind,
    agentApiUrl: profile.kind === 'server' ? profile.agentApiUrl : '',
    username: remembered?.username ?? '',
    dn: remembered?.dn ?? '',
    teamId: remembered?.teamId ?? '',
    remember: remembered?.passwordSaved ?? false,
  };
}

/**
 * A saved password may stand in for a typed one: only for the username it
 * was saved for (main looks it up by username).
 */
export function canUseSavedPassword(values: LoginFormValues, remembered: RememberedLogin | null): boolean {
  return remembered !== null && remembered.passwordSaved && values.username.trim() === remembered.username;
}

function checkUrl(url: string): LoginFieldErrorKey | null {
  if (url === '') return 'urlRequired';
  if (!serverProfileSchema.safeParse({ kind: 'server', agentApiUrl: url }).success) return 'urlInvalid';
  // `ws:///x` parses (WHATWG takes `x` as the host) but is a typo, not an address.
  if (!/^wss?:\/\/[^/]/.test(url)) return 'urlInvalid';
  try {
    return new URL(url).hostname === '' ? 'urlInvalid' : null;
  } catch {
    return 'urlInvalid';
  }
}

function checkId(value: string, required: LoginFieldErrorKey, invalid: LoginFieldErrorKey): LoginFieldErrorKey | null {
  if (value === '') return required;
  return value.length <= MAX_ID && ID_PATTERN.test(value) ? null : invalid;
}

/**
 * Checks the form the way main will (the contract's `loginRequestSchema`),
 * so the agent gets a field-level message instead of a refused request.
 * The password is omitted from the request when it is empty and a saved
 * one exists for this username: main then uses the saved one.
 */
export function validateLoginForm(
  values: LoginFormValues,
  password: string,
  remembered: RememberedLogin | null,
): LoginValidation {
  const errors: LoginFieldErrors = {};
  const url = values.agentApiUrl.trim();
  const username = values.username.trim();
  const dn = normaliseDn(values.dn);
  const teamId = values.teamId.trim();

  if (values.profileKind === 'server') {
    const urlError = checkUrl(url);
    if (urlError) errors.agentApiUrl = urlError;
  }
  const usernameError = checkId(username, 'usernameRequired', 'usernameInvalid');
  if (usernameError) errors.username = usernameError;
  if (password === '' && !canUseSavedPassword(values, remembered)) errors.password = 'passwordRequired';
  else if (password.length > MAX_PASSWORD) errors.password = 'passwordTooLong';
  if (dn === '') errors.dn = 'dnRequired';
  else if (!DN_PATTERN.test(dn)) errors.dn = 'dnInvalid';
  const teamError = checkId(teamId, 'teamRequired', 'teamInvalid');
  if (teamError) errors.teamId = teamError;

  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const profile: ServerProfile = values.profileKind === 'server' ? { kind: 'server', agentApiUrl: url } : { kind: 'builtin-lab' };
  const login: LoginCommand = { username, dn, teamId, remember: values.remember, ...(password === '' ? {} : { password }) };
  // The contract has the last word; a mismatch here is a bug, reported on the username.
  if (!loginRequestSchema.safeParse(login).success) return { ok: false, errors: { username: 'usernameInvalid' } };
  return { ok: true, profile, login };
}
