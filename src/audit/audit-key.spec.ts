import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { inspect } from 'node:util';
import { createAuditKey, openAuditKey, readAuditKey } from './audit-key';

describe('audit key file', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-key-spec-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('creates a 32-byte key readable by its owner only, in a new folder', () => {
    const file = path.join(dir, 'sub', 'audit.key');
    const key = createAuditKey(file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(file)).mode & 0o077).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
    expect(readAuditKey(file).id).toBe(key.id);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['audit.key']);
  });

  it('never shows the secret in JSON or inspect output', () => {
    const file = path.join(dir, 'audit.key');
    const key = createAuditKey(file);
    const secret = fs.readFileSync(file, 'utf8').trim();
    expect(JSON.stringify({ key })).not.toContain(secret);
    expect(inspect(key, { showHidden: true, depth: 5 })).not.toContain(secret);
    expect(`${String(key.sign('x'))}`).not.toContain(secret);
  });

  it.each([
    ['missing', (f: string) => void f, /AUDIT_KEY_FILE|Không tìm thấy/],
    [
      'readable by others',
      (f: string) => fs.writeFileSync(f, `${'a'.repeat(64)}\n`, { mode: 0o644 }),
      /chmod 600/,
    ],
    [
      'not 64 hex digits',
      (f: string) => fs.writeFileSync(f, 'khoa-bi-mat\n', { mode: 0o600 }),
      /không đúng dạng/,
    ],
    ['a folder', (f: string) => fs.mkdirSync(f), /không phải là một tệp/],
  ])('refuses a key file that is %s, with a clear message', (_what, make, message) => {
    const file = path.join(dir, 'audit.key');
    make(file);
    expect(() => readAuditKey(file)).toThrow(message);
  });

  (process.getuid?.() === 0 ? it.skip : it)('refuses an unreadable key file', () => {
    const file = path.join(dir, 'audit.key');
    fs.writeFileSync(file, `${'a'.repeat(64)}\n`, { mode: 0o600 });
    fs.chmodSync(file, 0o000);
    expect(() => readAuditKey(file)).toThrow(/Không đọc được tệp khóa nhật ký .*EACCES/);
  });

  it('creates a key only while the log has never been signed; refuses a missing or other key after', () => {
    const file = path.join(dir, 'audit.key');
    const first = openAuditKey(file, null);
    expect(first.created).toBe(true);
    const keyed = { switchRowId: 7, keyId: first.key.id };
    expect(openAuditKey(file, keyed)).toMatchObject({ created: false, key: { id: first.key.id } });
    fs.rmSync(file);
    expect(() => openAuditKey(file, keyed)).toThrow(
      /đã được ký bằng khóa .* từ dòng #7.*khôi phục tệp khóa/,
    );
    expect(fs.existsSync(file)).toBe(false);
    createAuditKey(file);
    expect(() => openAuditKey(file, keyed)).toThrow(/không phải khóa của cơ sở dữ liệu này/);
  });
});
