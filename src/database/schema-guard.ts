import type { DataSource } from 'typeorm';
import { quickCheck, type BackgroundQuickCheck } from './integrity-check';
import { pragmaProblems, readSqlitePragmas } from './sqlite-pragmas';
import type BetterSqlite3 from 'better-sqlite3';

/** Thrown at start when the database cannot be used safely; the app refuses to start. */
export class UnsafeDatabaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeDatabaseError';
  }
}

function rawSqlite(dataSource: DataSource): BetterSqlite3.Database {
  return (dataSource.driver as unknown as { databaseConnection: BetterSqlite3.Database })
    .databaseConnection;
}

/** Names of migrations recorded in the database (none on a new database). */
async function executedMigrationNames(dataSource: DataSource): Promise<string[]> {
  const table = dataSource.options.migrationsTableName ?? 'migrations';
  const runner = dataSource.createQueryRunner();
  try {
    if (!(await runner.hasTable(table))) return [];
    const rows = (await runner.query(`SELECT "name" FROM "${table}"`)) as { name: string }[];
    return rows.map((r) => r.name);
  } finally {
    await runner.release();
  }
}

export interface PrepareDatabaseOptions {
  runMigrations: boolean;
  log?: (line: string) => void;
  /**
   * SQLite: a quick_check already running on its own thread for this file (main.ts starts it
   * before loading the app). Without it, quick_check runs here, in-line.
   */
  backgroundQuickCheck?: BackgroundQuickCheck | null;
}

/**
 * Makes an initialised DataSource safe to serve (RELIABILITY E2, E4, G6): on SQLite checks the
 * durability settings and refuses a damaged file (quick_check) before anything is written to it;
 * refuses a database written by a newer or unknown version of thidua; applies pending migrations,
 * and checks the result again (foreign keys, quick_check) when some were applied. Never drops or
 * resets anything.
 */
export async function prepareDatabase(
  dataSource: DataSource,
  options: PrepareDatabaseOptions,
): Promise<{ applied: string[] }> {
  // PostgreSQL: instances starting together take turns (a session advisory lock on its own
  // connection), so that one applies the pending migrations and the others then find them done.
  const lock = dataSource.options.type === 'postgres' ? dataSource.createQueryRunner() : null;
  if (lock) {
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
  }
  try {
    return await checkAndMigrate(dataSource, options);
  } finally {
    if (lock) {
      await lock
        .query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY])
        .catch(() => undefined);
      await lock.release();
    }
  }
}

/** Key of the advisory lock held while migrations are checked and applied (PostgreSQL). */
const MIGRATION_LOCK_KEY = 72450002;

/** Throws UnsafeDatabaseError unless quick_check says 'ok'. */
function refuseUnlessOk(result: string): void {
  if (result !== 'ok') throw new UnsafeDatabaseError(`SQLite quick_check báo lỗi: ${result}`);
}

/**
 * quick_check of the file as it is before this start writes anything: the outcome of the
 * background check when there is one (waiting for it if it is still running), else in-line.
 */
async function checkSqliteBeforeWriting(
  dataSource: DataSource,
  db: BetterSqlite3.Database,
  background: BackgroundQuickCheck | null | undefined,
  log: (line: string) => void,
): Promise<void> {
  const inMemory = dataSource.options.database === ':memory:';
  const problems = pragmaProblems(readSqlitePragmas(db), inMemory);
  if (problems.length > 0) {
    throw new UnsafeDatabaseError(`Thiết lập SQLite không an toàn: ${problems.join('; ')}`);
  }
  if (background && background.file === dataSource.options.database) {
    const outcome = await background.outcome;
    if (outcome.ran) {
      refuseUnlessOk(outcome.result);
      log(`SQLite quick_check: ok (luồng nền, ${outcome.ms} ms)`);
      return;
    }
    log(
      `SQLite quick_check trên luồng nền không chạy được (${outcome.reason}); kiểm tra trực tiếp`,
    );
  }
  refuseUnlessOk(quickCheck(db));
}

async function checkAndMigrate(
  dataSource: DataSource,
  options: PrepareDatabaseOptions,
): Promise<{ applied: string[] }> {
  const log = options.log ?? (() => undefined);
  const sqlite = dataSource.options.type === 'better-sqlite3' ? rawSqlite(dataSource) : null;
  // A damaged file is refused before migrations write into it (they could spread the damage, and
  // the refusal would come after the writes). The check after migrations below covers their writes.
  if (sqlite) await checkSqliteBeforeWriting(dataSource, sqlite, options.backgroundQuickCheck, log);
  const known = new Set(dataSource.migrations.map((m) => m.name ?? m.constructor.name));
  const unknown = (await executedMigrationNames(dataSource)).filter((n) => !known.has(n));
  if (unknown.length > 0) {
    throw new UnsafeDatabaseError(
      `Cơ sở dữ liệu có lược đồ mới hơn hoặc không rõ nguồn gốc (migration lạ: ${unknown.join(', ')}). ` +
        'thidua từ chối khởi động để không làm hỏng dữ liệu; hãy dùng phiên bản phần mềm tương ứng.',
    );
  }
  let applied: string[] = [];
  if (options.runMigrations) {
    const done = await dataSource.runMigrations({ transaction: 'each' });
    applied = done.map((m) => m.name);
    if (applied.length > 0) log(`Đã áp dụng ${applied.length} migration: ${applied.join(', ')}`);
  }
  if (sqlite && applied.length > 0) {
    const fk = sqlite.pragma('foreign_key_check') as unknown[];
    if (fk.length > 0)
      throw new UnsafeDatabaseError(`SQLite foreign_key_check báo ${fk.length} lỗi sau migration`);
    refuseUnlessOk(quickCheck(sqlite));
  }
  return { applied };
}

/** SQL the entities would still need on top of the migrated schema; empty means no drift. */
export async function schemaDrift(dataSource: DataSource): Promise<string[]> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return sql.upQueries.map((q) => q.query);
}

export { rawSqlite };
