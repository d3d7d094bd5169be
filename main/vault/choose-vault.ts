import type { Logger } from '../../common/log/logger';
import { createSessionOnlyVault, type CredentialVault } from './credential-vault';
import { createKeytarVault, probeKeytar, type KeytarLike } from './keytar-vault';
import { createSafeStorageVault, type SafeStorageLike } from './safe-storage-vault';

export type VaultPreference = 'auto' | 'keychain' | 'safe-storage';

export interface VaultDeps {
  preference: VaultPreference;
  loadKeytar: () => KeytarLike;
  safeStorage: SafeStorageLike;
  fallbackFile: string;
  log: Logger;
}

/**
 * Picks the vault: the OS keychain when it answers, else safeStorage
 * encryption, else session-only memory. A policy may force one backend; if
 * the forced one is unusable we fall back to session-only rather than to a
 * weaker store IT did not choose.
 */
export async function chooseVault(deps: VaultDeps): Promise<CredentialVault> {
  const { preference, log } = deps;
  if (preference !== 'safe-storage') {
    const keytar = await probeKeytar(deps.loadKeytar);
    if (keytar) {
      log.info('credential vault: OS keychain');
      return createKeytarVault(keytar);
    }
    if (preference === 'keychain') {
      log.warn('credential vault: keychain required by policy but unavailable; secrets kept for this session only');
      return createSessionOnlyVault();
    }
  }
  if (deps.safeStorage.isEncryptionAvailable()) {
    log.info('credential vault: safeStorage-encrypted file');
    return createSafeStorageVault(deps.fallbackFile, deps.safeStorage);
  }
  log.warn('credential vault: no keychain and no safeStorage; secrets kept for this session only');
  return createSessionOnlyVault();
}
