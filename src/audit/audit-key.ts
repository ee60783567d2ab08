/*
 * The audit key: 32 random bytes, kept in a file outside the database (AUDIT_KEY_FILE), that signs
 * every audit row from the switch row on (HMAC-SHA-256) and every checkpoint. Someone who can write
 * the database but does not hold this file cannot rewrite a row and recompute the chain. Pure Node,
 * no Nest: used by the app at start and by the audit CLI.
 */
import { createHmac, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export type AuditKeyErrorCode =
  | 'AUDIT_KEY_MISSING'
  | 'AUDIT_KEY_UNREADABLE'
  | 'AUDIT_KEY_INVALID'
  | 'AUDIT_KEY_TOO_OPEN'
  | 'AUDIT_KEY_MISMATCH'
  | 'AUDIT_KEY_CREATE_FAILED';

/** The key cannot be used; the app refuses to start (`message` in Vietnamese, `code` stable). */
export class AuditKeyError extends Error {
  constructor(
    readonly code: AuditKeyErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AuditKeyError';
  }
}

const KEY_HEX = /^[0-9a-f]{64}$/;

/**
 * A loaded key. The secret stays in a private field: `id` (a fingerprint that reveals nothing of
 * the key) is all that JSON, logs or `util.inspect` ever show.
 */
export class AuditKey {
  readonly #secret: Buffer;
  /** Public fingerprint of the key, recorded in the switch row and in every checkpoint. */
  readonly id: string;

  constructor(secret: Buffer) {
    this.#secret = Buffer.from(secret);
    this.id = this.sign('thidua-audit-key-id').slice(0, 16);
  }

  /** HMAC-SHA-256 of `text`, hex. */
  sign(text: string): string {
    return createHmac('sha256', this.#secret).update(text, 'utf8').digest('hex');
  }

  toJSON(): { id: string } {
    return { id: this.id };
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `AuditKey(${this.id})`;
  }
}

/** Reads the key file: one line of 64 hex digits, readable by its owner only (POSIX). */
export function readAuditKey(file: string): AuditKey {
  const shown = path.resolve(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(shown);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new AuditKeyError(
        'AUDIT_KEY_MISSING',
        `Không tìm thấy tệp khóa nhật ký ${shown} (AUDIT_KEY_FILE).`,
      );
    throw unreadable(shown, e);
  }
  if (!stat.isFile())
    throw new AuditKeyError(
      'AUDIT_KEY_INVALID',
      `AUDIT_KEY_FILE=${shown} không phải là một tệp; thidua từ chối khởi động.`,
    );
  if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0)
    throw new AuditKeyError(
      'AUDIT_KEY_TOO_OPEN',
      `Tệp khóa nhật ký ${shown} có quyền ${(stat.mode & 0o777).toString(8)}: người khác đọc hoặc ghi được. ` +
        `Hãy chạy: chmod 600 ${shown} (chỉ tài khoản chạy thidua được đọc); thidua từ chối khởi động.`,
    );
  let text: string;
  try {
    text = fs.readFileSync(shown, 'utf8').trim();
  } catch (e) {
    throw unreadable(shown, e);
  }
  if (!KEY_HEX.test(text))
    throw new AuditKeyError(
      'AUDIT_KEY_INVALID',
      `Tệp khóa nhật ký ${shown} không đúng dạng (cần đúng 64 chữ số hệ 16 trên một dòng); thidua từ chối khởi động.`,
    );
  return new AuditKey(Buffer.from(text, 'hex'));
}

function unreadable(file: string, e: unknown): AuditKeyError {
  const reason = (e as NodeJS.ErrnoException).code ?? 'lỗi không rõ';
  return new AuditKeyError(
    'AUDIT_KEY_UNREADABLE',
    `Không đọc được tệp khóa nhật ký ${file} (${reason}): hãy kiểm tra quyền của tệp và thư mục cho tài khoản chạy thidua; thidua từ chối khởi động.`,
  );
}

/**
 * Creates a new key file (mode 0600, its folder 0700 when created here); never overwrites one that
 * exists. Written to a temporary name, fsynced, then linked into place.
 */
export function createAuditKey(file: string): AuditKey {
  const target = path.resolve(file);
  const secret = randomBytes(32);
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
    const temp = `${target}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
    const fd = fs.openSync(temp, 'wx', 0o600);
    try {
      fs.writeSync(fd, `${secret.toString('hex')}\n`);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    try {
      fs.linkSync(temp, target); // fails if another process created the key meanwhile
    } finally {
      fs.rmSync(temp, { force: true });
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return readAuditKey(target);
    throw new AuditKeyError(
      'AUDIT_KEY_CREATE_FAILED',
      `Không tạo được tệp khóa nhật ký ${target} (${(e as NodeJS.ErrnoException).code ?? String(e)}); thidua từ chối khởi động.`,
    );
  }
  return new AuditKey(secret);
}

/** What the log says about the key: the key id recorded in its switch row, if it has one. */
export interface KeyedLog {
  switchRowId: number;
  keyId: string;
}

/**
 * The key for this start (decision documented in docs/deploy.md): the key file when it exists and
 * matches the log; a new key only while the log has never been signed (new database, or an upgrade
 * from the plain chain); a refusal when the log is signed and the file is missing or another key.
 */
export function openAuditKey(
  file: string,
  keyed: KeyedLog | null,
): { key: AuditKey; created: boolean } {
  const shown = path.resolve(file);
  if (!fs.existsSync(shown) && keyed)
    throw new AuditKeyError(
      'AUDIT_KEY_MISSING',
      `Không tìm thấy tệp khóa nhật ký ${shown} (AUDIT_KEY_FILE), mà nhật ký đã được ký bằng khóa ` +
        `${keyed.keyId} từ dòng #${keyed.switchRowId}. Không có khóa thì không kiểm tra và không ghi tiếp ` +
        'được nhật ký: hãy khôi phục tệp khóa từ bản sao lưu (hoặc sửa AUDIT_KEY_FILE). thidua từ chối khởi động.',
    );
  const created = !fs.existsSync(shown);
  const key = created ? createAuditKey(shown) : readAuditKey(shown);
  if (keyed) assertSameKey(key, keyed, shown);
  return { key, created };
}

/** Refuses a key other than the one the log was signed with. */
export function assertSameKey(key: AuditKey, keyed: KeyedLog, file: string): void {
  if (key.id !== keyed.keyId)
    throw new AuditKeyError(
      'AUDIT_KEY_MISMATCH',
      `Tệp khóa nhật ký ${file} chứa khóa ${key.id}, nhưng nhật ký được ký bằng khóa ${keyed.keyId} ` +
        `từ dòng #${keyed.switchRowId}: đây không phải khóa của cơ sở dữ liệu này (hãy dùng tệp khóa ` +
        'sao lưu cùng cơ sở dữ liệu). thidua từ chối khởi động.',
    );
}
