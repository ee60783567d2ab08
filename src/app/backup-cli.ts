/*
 * Command line for SQLite backup and restore (RELIABILITY E3); the database comes from DATABASE_URL.
 *   node dist/app/backup-cli.js backup [--out <file>]
 *   node dist/app/backup-cli.js restore --from <file> [--force] [--to <file>]
 */
import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadConfig } from '../config/app-config';
import { BackupError, backupSqlite, restoreSqlite } from '../database/backup';
import { dbKindOf, sqlitePathOf } from '../database/data-source-options';

const USAGE =
  'Cách dùng:\n' +
  '  npm run backup -- [--out <tệp>]                  sao lưu trực tuyến (ứng dụng có thể đang chạy)\n' +
  '  npm run restore -- --from <tệp> [--force] [--to <tệp>]  khôi phục (hãy dừng ứng dụng trước)';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

function stamp(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  if (command !== 'backup' && command !== 'restore') {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig();
  if (dbKindOf(config.DATABASE_URL) !== 'sqlite') {
    console.error('Lệnh này dành cho SQLite; với PostgreSQL hãy dùng pg_dump / pg_restore.');
    return 2;
  }
  const database = sqlitePathOf(config.DATABASE_URL);
  if (database === ':memory:') {
    console.error('Cơ sở dữ liệu trong bộ nhớ (sqlite::memory:) không sao lưu/khôi phục được.');
    return 2;
  }

  if (command === 'backup') {
    const out = path.resolve(
      option(args, 'out') ?? path.join('backups', `thidua-${stamp()}.sqlite`),
    );
    fs.mkdirSync(path.dirname(out), { recursive: true });
    const r = await backupSqlite(database, out);
    console.log(
      `Đã sao lưu ${database} → ${r.path} (${mb(r.bytes)}, ${r.pages} trang, integrity_check = ok, ${r.durationMs} ms).`,
    );
    console.log(
      `Khóa nhật ký (${path.resolve(config.AUDIT_KEY_FILE)}) không nằm trong bản sao lưu: hãy sao lưu nó riêng, một lần, ở nơi khác (docs/deploy.md).`,
    );
    return 0;
  }

  const from = option(args, 'from');
  if (!from) {
    console.error(USAGE);
    return 2;
  }
  const target = path.resolve(option(args, 'to') ?? database);
  const r = await restoreSqlite(from, target, { force: args.includes('--force') });
  console.log(
    `Đã khôi phục ${path.resolve(from)} → ${r.targetPath} (${mb(r.bytes)}, ${r.migrations} migration, integrity_check = ok).`,
  );
  if (r.keptPath) console.log(`Cơ sở dữ liệu cũ được giữ lại tại ${r.keptPath}.`);
  console.log(
    `Hãy khởi động thidua với cùng tệp khóa nhật ký (AUDIT_KEY_FILE=${path.resolve(config.AUDIT_KEY_FILE)}), rồi chạy npm run audit:verify.`,
  );
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof BackupError) console.error(`[${e.code}] ${e.message}`);
    else console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  },
);
