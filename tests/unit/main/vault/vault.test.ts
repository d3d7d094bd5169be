import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chooseVault } from '../../../../main/vault/choose-vault';
import { createSessionOnlyVault } from '../../../../main/vault/credential-vault';
import { createKeytarVault, type KeytarLike } from '../../../../main/vault/keytar-vault';
import { createSafeStorageVault, type SafeStorageLike } from '../../../../main/vault/safe-storage-vault';
import { memoryLogger } from '../../support/memory-logger';

/** A reversible but not plain-text "encryption", like safeStorage's contract. */
const fakeSafeStorage = (available = true): SafeStorageLike => ({
  isEncryptionAvailable: () => available,
  encryptString: (plain) => Buffer.from(`enc:${Buffer.from(plain).toString('hex')}`),
  decryptString: (buf) => {
    const text = buf.toString();
    if (!text.startsWith('enc:')) throw new Error('bad');
    return Buffer.from(text.slice(4), 'hex').toString();
  },
});

function fakeKeytar(): KeytarLike & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    getPassword: async (s, a) => entries.get(`${s}/${a}`) ?? null,
    setPassword: async (s, a, p) => void entries.set(`${s}/${a}`, p),
    deletePassword: async (s, a) => entries.delete(`${s}/${a}`),
    findCredentials: async () => [],
  };
}

describe('credential vaults', () => {
  it('keeps secrets in the OS keychain under the Switchboard service', async () => {
    const keytar = fakeKeytar();
    const vault = createKeytarVault(keytar);
    await vault.set('sip:1001@lab', 'hunter2');
    expect(keytar.entries.get('Switchboard/sip:1001@lab')).toBe('hunter2');
    expect(await vault.get('sip:1001@lab')).toBe('hunter2');
    await vault.remove('sip:1001@lab');
    expect(await vault.get('sip:1001@lab')).toBeNull();
  });

  it('encrypts the fallback file, never writes the secret in plain text, and keeps it private', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sb-vault-')), 'credentials.json');
    const vault = createSafeStorageVault(file, fakeSafeStorage());
    await vault.set('a', 'hunter2');
    await vault.set('b', 'second');
    expect(readFileSync(file, 'utf8')).not.toContain('hunter2');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await vault.get('a')).toBe('hunter2');
    await vault.remove('a');
    expect(await vault.get('a')).toBeNull();
    expect(await vault.get('b')).toBe('second');
  });

  it('reads a corrupt fallback file or entry as no secret', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sb-vault-')), 'credentials.json');
    const vault = createSafeStorageVault(file, fakeSafeStorage());
    writeFileSync(file, '{not json');
    expect(await vault.get('a')).toBeNull();
    writeFileSync(file, JSON.stringify({ a: Buffer.from('garbage').toString('base64'), b: 42 }));
    expect(await vault.get('a')).toBeNull();
    await vault.set('c', 'ok');
    expect(await vault.get('c')).toBe('ok');
  });

  it('chooses the keychain when it answers, else safeStorage, else session-only', async () => {
    const { log } = memoryLogger();
    const fallbackFile = join(mkdtempSync(join(tmpdir(), 'sb-vault-')), 'c.json');
    const broken = (): KeytarLike => {
      throw new Error('no Secret Service');
    };
    const base = { preference: 'auto' as const, fallbackFile, log };
    expect((await chooseVault({ ...base, loadKeytar: fakeKeytar, safeStorage: fakeSafeStorage() })).backend).toBe('keychain');
    expect((await chooseVault({ ...base, loadKeytar: broken, safeStorage: fakeSafeStorage() })).backend).toBe('safe-storage');
    expect((await chooseVault({ ...base, loadKeytar: broken, safeStorage: fakeSafeStorage(false) })).backend).toBe('session-only');
    const failingProbe = () => ({ ...fakeKeytar(), findCredentials: async () => Promise.reject(new Error('locked')) });
    expect((await chooseVault({ ...base, loadKeytar: failingProbe, safeStorage: fakeSafeStorage() })).backend).toBe('safe-storage');
  });

  it('honours a forced backend and never silently downgrades to a weaker file store', async () => {
    const { log } = memoryLogger();
    const fallbackFile = join(mkdtempSync(join(tmpdir(), 'sb-vault-')), 'c.json');
    const broken = (): KeytarLike => {
      throw new Error('no Secret Service');
    };
    expect((await chooseVault({ preference: 'safe-storage', loadKeytar: fakeKeytar, safeStorage: fakeSafeStorage(), fallbackFile, log })).backend).toBe('safe-storage');
    expect((await chooseVault({ preference: 'keychain', loadKeytar: broken, safeStorage: fakeSafeStorage(), fallbackFile, log })).backend).toBe('session-only');
  });

  it('session-only vault forgets on request', async () => {
    const vault = createSessionOnlyVault();
    await vault.set('a', 'x');
    expect(await vault.get('a')).toBe('x');
    await vault.remove('a');
    expect(await vault.get('a')).toBeNull();
  });
});
