import type { CredentialVault } from './credential-vault';
import { VAULT_SERVICE } from './credential-vault';

/** The part of keytar we use (a native module, loaded lazily). */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
}

/** OS keychain: Keychain on macOS, Credential Manager on Windows, Secret Service on Linux. */
export function createKeytarVault(keytar: KeytarLike): CredentialVault {
  return {
    backend: 'keychain',
    get: (account) => keytar.getPassword(VAULT_SERVICE, account),
    set: (account, secret) => keytar.setPassword(VAULT_SERVICE, account, secret),
    remove: async (account) => void (await keytar.deletePassword(VAULT_SERVICE, account)),
  };
}

/**
 * Loads keytar and proves the keychain answers (a headless Linux box has no
 * Secret Service, and keytar then fails on first use, not on load).
 */
export async function probeKeytar(load: () => KeytarLike): Promise<KeytarLike | null> {
  try {
    const keytar = load();
    await keytar.findCredentials(VAULT_SERVICE);
    return keytar;
  } catch {
    return null;
  }
}
