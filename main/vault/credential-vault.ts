/**
 * Where secrets live (PRODUCT D2). Passwords go in and come out only here,
 * in main; they never reach a renderer, a log or a plain file.
 */
export type VaultBackend = 'keychain' | 'safe-storage' | 'session-only';

export interface CredentialVault {
  readonly backend: VaultBackend;
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  remove(account: string): Promise<void>;
}

/** Service name under which Switchboard's entries appear in the OS keychain. */
export const VAULT_SERVICE = 'Switchboard';

/**
 * Last resort when neither the OS keychain nor safeStorage works: secrets
 * are kept in memory for this session only, and the UI says so.
 */
export function createSessionOnlyVault(): CredentialVault {
  const secrets = new Map<string, string>();
  return {
    backend: 'session-only',
    get: async (account) => secrets.get(account) ?? null,
    set: async (account, secret) => void secrets.set(account, secret),
    remove: async (account) => void secrets.delete(account),
  };
}
