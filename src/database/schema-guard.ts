import type { DataSource } from 'typeorm';
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

/**
 * Makes an initialised DataSource safe to serve (RELIABILITY E2, E4, G6): refuses a database
 * written by a newer or unknown version of thidua, applies pending migrations, then checks the
 * SQLite durability settings and integrity. Never drops or resets anything.
 */
export async function prepareDatabase(
  dataSource: DataSource,
  options: { runMigrations: boolean; log?: (line: string) => void },
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

async function checkAndMigrate(
  dataSource: DataSource,
  options: { runMigrations: boolean; log?: (line: string) => void },
): Promise<{ applied: string[] }> {
  const log = options.log ?? (() => undefined);
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
  if (dataSource.options.type === 'better-sqlite3') {
    const db = rawSqlite(dataSource);
    const inMemory = dataSource.options.database === ':memory:';
    const problems = pragmaProblems(readSqlitePragmas(db), inMemory);
    if (problems.length > 0) {
      throw new UnsafeDatabaseError(`Thiết lập SQLite không an toàn: ${problems.join('; ')}`);
    }
    const quick = String(db.pragma('quick_check', { simple: true }));
    if (quick !== 'ok') throw new UnsafeDatabaseError(`SQLite quick_check báo lỗi: ${quick}`);
    if (applied.length > 0) {
      const fk = db.pragma('foreign_key_check') as unknown[];
      if (fk.length > 0)
        throw new UnsafeDatabaseError(
          `SQLite foreign_key_check báo ${fk.length} lỗi sau migration`,
        );
    }
  }
  return { applied };
}

/** SQL the entities would still need on top of the migrated schema; empty means no drift. */
export async function schemaDrift(dataSource: DataSource): Promise<string[]> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return sql.upQueries.map((q) => q.query);
}

export { rawSqlite };
