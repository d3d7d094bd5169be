import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { CredentialVault } from './credential-vault';

/** The part of Electron's safeStorage we use. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

const fileSchema = z.record(z.string(), z.string());

/**
 * Fallback vault: each secret encrypted with Electron's safeStorage (the OS
 * user's key) and stored base64 in one file, written atomically with mode
 * 0600. An unreadable file or entry reads as "no secret", never crashes.
 */
export function createSafeStorageVault(file: string, safeStorage: SafeStorageLike): CredentialVault {
  const load = (): Record<string, string> => {
    try {
      const parsed = fileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      return parsed.success ? parsed.data : {};
    } catch {
      return {};
    }
  };
  const save = (entries: Record<string, string>): void => {
    mkdirSync(dirname(file), { recursive: true });
    const temp = `${file}.tmp`;
    writeFileSync(temp, JSON.stringify(entries), { mode: 0o600 });
    renameSync(temp, file);
  };
  return {
    backend: 'safe-storage',
    async get(account) {
      const entry = load()[account];
      if (!entry) return null;
      try {
        return safeStorage.decryptString(Buffer.from(entry, 'base64'));
      } catch {
        return null;
      }
    },
    async set(account, secret) {
      save({ ...load(), [account]: safeStorage.encryptString(secret).toString('base64') });
    },
    async remove(account) {
      const entries = load();
      delete entries[account];
      save(entries);
    },
  };
}
