/*
 * Command line for the audit log's integrity; the database comes from DATABASE_URL, the key from
 * AUDIT_KEY_FILE (never created here). Works on the live database or on a restored backup.
 *   node dist/app/audit-cli.js verify [--checkpoint <file>]   exit 0 intact, 1 not (or error)
 *   node dist/app/audit-cli.js checkpoint [--out <file>]      signs the head, stores and writes it
 */
import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { buildDataSourceOptions } from '../database/data-source-options';
import { ENTITIES } from './entities';
import { prepareDatabase } from '../database/schema-guard';
import { parseCheckpoint, type AuditCheckpoint } from '../audit/audit-chain';
import { assertSameKey, AuditKeyError, readAuditKey } from '../audit/audit-key';
import { AuditRepository } from '../audit/audit.repository';
import { takeCheckpoint, verifyStoredLog } from '../audit/audit.service';

const USAGE =
  'Cách dùng:\n' +
  '  npm run audit:verify -- [--checkpoint <tệp điểm mốc>]   kiểm tra nhật ký bằng khóa (và với điểm mốc)\n' +
  '  npm run audit:checkpoint -- [--out <tệp>]               tạo điểm mốc cho dòng cuối của nhật ký';

function option(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

function readCheckpointFile(file: string): AuditCheckpoint {
  let value: unknown;
  try {
    value = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(
      `Không đọc được tệp điểm mốc ${file} (${e instanceof Error ? e.message : String(e)}).`,
    );
  }
  const c = parseCheckpoint(value);
  if (!c) throw new Error(`Tệp ${file} không phải tệp điểm mốc nhật ký của thidua.`);
  return c;
}

/** Runs one command; returns the exit code. `print` and `fail` receive the lines for stdout/stderr. */
export async function runAuditCli(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  print: (line: string) => void = console.log,
  fail: (line: string) => void = console.error,
): Promise<number> {
  const [command, ...args] = argv;
  if (command !== 'verify' && command !== 'checkpoint') {
    fail(USAGE);
    return 2;
  }
  const config = loadConfig(env);
  const given = option(args, 'checkpoint');
  const checkpoint = command === 'verify' && given ? readCheckpointFile(given) : null;
  const out = option(args, 'out');
  if (command === 'checkpoint' && out && fs.existsSync(out)) {
    fail(`Tệp ${path.resolve(out)} đã tồn tại; không ghi đè. Hãy chọn tên khác.`);
    return 2;
  }
  const ds = new DataSource(buildDataSourceOptions(config, ENTITIES));
  await ds.initialize();
  try {
    // Refuses a damaged file or an unknown schema; applies nothing (this tool writes no migration).
    await prepareDatabase(ds, { runMigrations: false });
    const audit = new AuditRepository();
    const file = path.resolve(config.AUDIT_KEY_FILE);
    const key = readAuditKey(file);
    const keyed = await audit.keyedLog(ds.manager);
    if (keyed) assertSameKey(key, keyed, file);
    if (command === 'verify') {
      const r = await verifyStoredLog(ds.manager, audit, key, checkpoint);
      (r.ok ? print : fail)(`${r.ok ? 'OK' : 'KHÔNG ĐẠT'}: ${r.message}`);
      if (r.ok) print(`Đã kiểm tra ${r.checkpointsChecked} điểm mốc lưu trong cơ sở dữ liệu.`);
      return r.ok ? 0 : 1;
    }
    const taken = await ds.transaction((em) => takeCheckpoint(em, audit, key));
    if ('problem' in taken) {
      fail(`KHÔNG ĐẠT: ${taken.message} Không tạo điểm mốc.`);
      return 1;
    }
    const target = path.resolve(out ?? `diem-moc-nhat-ky-${taken.auditId}.json`);
    fs.writeFileSync(target, `${JSON.stringify(taken, null, 2)}\n`, { flag: 'wx' });
    print(
      `Đã tạo điểm mốc cho dòng #${taken.auditId} và ghi vào ${target}. Hãy cất tệp này ở nơi khác (ngoài máy chủ).`,
    );
    return 0;
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  runAuditCli(process.argv.slice(2), process.env).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      if (e instanceof AuditKeyError) console.error(`[${e.code}] ${e.message}`);
      else console.error(e instanceof Error ? e.message : e);
      process.exitCode = 1;
    },
  );
}
