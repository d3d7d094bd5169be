'use strict';
// `safeStorage`: real AES-256-GCM with a random key kept in the app's
// userData directory (so data survives restarts of the same profile).
// STANDIN_NO_SAFE_STORAGE=1 makes encryption unavailable, like a desktop
// without a keyring.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const PREFIX = Buffer.from('v11');
const KEY_FILE = 'standin-safe-storage.key';
let cachedKey = null;

function available() {
  return process.env.STANDIN_NO_SAFE_STORAGE !== '1';
}

function key() {
  if (cachedKey) return cachedKey;
  const { app } = require('./app.cjs');
  const dir = app.getPath('userData');
  const file = path.join(dir, KEY_FILE);
  fs.mkdirSync(dir, { recursive: true });
  try {
    fs.writeFileSync(file, crypto.randomBytes(32).toString('hex'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if (error.code !== 'EEXIST') throw error;
  }
  cachedKey = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
  return cachedKey;
}

const safeStorage = {
  isEncryptionAvailable: available,
  isAsyncEncryptionAvailable: async () => available(),
  getSelectedStorageBackend: () => (available() ? 'gnome_libsecret' : 'basic_text'),
  setUsePlainTextEncryption() {},
  encryptString(plainText) {
    if (!available()) throw new Error('Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.');
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', key(), iv);
    const body = Buffer.concat([cipher.update(String(plainText), 'utf8'), cipher.final()]);
    return Buffer.concat([PREFIX, iv, cipher.getAuthTag(), body]);
  },
  decryptString(encrypted) {
    if (!available()) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString. Decryption is not available.');
    const buffer = Buffer.from(encrypted);
    if (buffer.length < 31 || !buffer.subarray(0, 3).equals(PREFIX)) {
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    }
    try {
      const decipher = crypto.createDecipheriv('aes-256-gcm', key(), buffer.subarray(3, 15));
      decipher.setAuthTag(buffer.subarray(15, 31));
      return Buffer.concat([decipher.update(buffer.subarray(31)), decipher.final()]).toString('utf8');
    } catch {
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    }
  },
  async encryptStringAsync(text) {
    return safeStorage.encryptString(text);
  },
  async decryptStringAsync(buffer) {
    return { result: safeStorage.decryptString(buffer), shouldReEncrypt: false };
  },
};

module.exports = { safeStorage };
