import type BetterSqlite3 from 'better-sqlite3';

/** The durability settings every SQLite connection must run with (RELIABILITY.md E2, G4). */
export interface SqlitePragmaReport {
  foreignKeys: number;
  journalMode: string;
  synchronous: number;
  busyTimeout: number;
  recursiveTriggers: number;
}

/**
 * Runs before TypeORM uses the connection. WAL is switched on first because better-sqlite3's
 * SQLite build resets `synchronous` to NORMAL when a database enters WAL mode; FULL is set after
 * it so that an acknowledged commit survives a power cut.
 */
export function prepareSqliteConnection(db: BetterSqlite3.Database, busyTimeoutMs: number): void {
  db.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
  db.pragma('foreign_keys = ON');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  // A REPLACE that deletes a conflicting row fires DELETE triggers only with recursive_triggers on;
  // without it `INSERT OR REPLACE INTO audit_log` would rewrite a row past the append-only triggers.
  db.pragma('recursive_triggers = ON');
  // SQLite's own lower()/upper() fold ASCII only, so a search for "đ" would miss "Đ" (PostgreSQL
  // folds every letter). Replace them with JavaScript's Unicode case mapping on this connection.
  db.function('lower', { deterministic: true }, (s: unknown) =>
    typeof s === 'string' ? s.toLowerCase() : s,
  );
  db.function('upper', { deterministic: true }, (s: unknown) =>
    typeof s === 'string' ? s.toUpperCase() : s,
  );
}

/** Reads the settings back from the live connection. */
export function readSqlitePragmas(db: BetterSqlite3.Database): SqlitePragmaReport {
  return {
    foreignKeys: Number(db.pragma('foreign_keys', { simple: true })),
    journalMode: String(db.pragma('journal_mode', { simple: true })).toLowerCase(),
    synchronous: Number(db.pragma('synchronous', { simple: true })),
    busyTimeout: Number(db.pragma('busy_timeout', { simple: true })),
    recursiveTriggers: Number(db.pragma('recursive_triggers', { simple: true })),
  };
}

/** Lists every setting that differs from what thidua requires; empty means safe to start. */
export function pragmaProblems(report: SqlitePragmaReport, inMemory: boolean): string[] {
  const problems: string[] = [];
  if (report.foreignKeys !== 1) problems.push(`foreign_keys=${report.foreignKeys} (cần 1)`);
  // An in-memory database cannot use WAL; it is only ever used for throw-away runs.
  if (!inMemory && report.journalMode !== 'wal')
    problems.push(`journal_mode=${report.journalMode} (cần wal)`);
  if (report.synchronous !== 2) problems.push(`synchronous=${report.synchronous} (cần 2 = FULL)`);
  if (report.busyTimeout < 5000) problems.push(`busy_timeout=${report.busyTimeout} (cần ≥ 5000)`);
  if (report.recursiveTriggers !== 1)
    problems.push(`recursive_triggers=${report.recursiveTriggers} (cần 1)`);
  return problems;
}
