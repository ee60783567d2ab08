import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Encrypts the signing material (PKCS#12 and its password) with AES-256-GCM under a key kept in a file
 * outside the database: someone who copies the database alone gets ciphertext. The issuer key is
 * bound as additional data, so a sealed blob moved to another issuer's row does not open.
 */
export class SecretBox {
  private constructor(private readonly key: Buffer) {}

  /**
   * Opens the key file, creating it (32 random bytes, mode 0600) when it does not exist yet. A file
   * of another size is refused rather than silently replaced: replacing it would lose every sealed
   * certificate.
   */
  static openOrCreate(file: string): SecretBox {
    if (!fs.existsSync(file)) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      try {
        fs.writeFileSync(file, randomBytes(32), { mode: 0o600, flag: 'wx' });
      } catch (e) {
        // another instance created it first: read theirs
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
    }
    const key = fs.readFileSync(file);
    if (key.length !== 32)
      throw new Error(`Tệp khóa ký số ${file} phải dài đúng 32 byte (đang là ${key.length}).`);
    return new SecretBox(key);
  }

  seal(plain: Buffer, aad: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), body]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64')))
      .join(':');
  }

  /** Returns null when the blob was not sealed by this key for this issuer (or was altered). */
  open(sealed: string, aad: string): Buffer | null {
    const [v, iv, tag, body] = sealed.split(':');
    if (v !== 'v1' || !iv || !tag || body === undefined) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
      decipher.setAAD(Buffer.from(aad, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]);
    } catch {
      return null;
    }
  }
}
