/*
 * SQLite `PRAGMA quick_check` (RELIABILITY G4, E2), and the copy of it that main.ts starts on its
 * own thread before anything else is loaded, so that the ~1 s it takes on a national file overlaps
 * the ~1 s of loading the app instead of adding to it. DatabaseLifecycle waits for its outcome
 * before the first write; every other caller of prepareDatabase (tests, CLI) checks in-line.
 *
 * Light on purpose (no TypeORM, no class-validator, no better-sqlite3 at run time).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';
import { dbKindOf, sqlitePathOf } from './database-url';

/**
 * Runs `PRAGMA quick_check` on an open connection: 'ok', or the first problem SQLite reports
 * (an error saying the file is corrupt or not a database counts as a problem, not a crash).
 *
 * The connection must not be opened read-only: SQLite then skips the CHECK constraints (a row
 * with a negative score passes). The background check uses `query_only` instead.
 */
export function quickCheck(db: BetterSqlite3.Database): string {
  try {
    return String(db.pragma('quick_check', { simple: true }));
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB'))
      return (e as Error).message;
    throw e;
  }
}

/** What the background thread sends back. */
export type QuickCheckReply = { result: string; ms: number } | { error: string; ms: number };

/** What the background thread is given. */
export interface QuickCheckRequest {
  file: string;
  busyTimeoutMs: number;
}

export type QuickCheckOutcome =
  /** The check ran to the end: `result` is 'ok' or the problem found. */
  | { ran: true; result: string; ms: number }
  /** The thread could not run it (cannot open the file, busy, thread crashed): check in-line. */
  | { ran: false; reason: string };

/** A quick_check running on its own thread and connection; `outcome` never rejects. */
export interface BackgroundQuickCheck {
  /** Absolute path of the SQLite file it checks. */
  readonly file: string;
  readonly outcome: Promise<QuickCheckOutcome>;
}

const SQLITE_MAGIC = 'SQLite format 3\0';

/**
 * True when `file` is an existing SQLite database already in WAL mode (header bytes 18 and 19
 * are 2). Only then can another connection read it while the app's own connection opens: on a
 * rollback-journal file the reader's shared lock would block the switch to WAL.
 */
export function isWalDatabaseFile(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const header = Buffer.alloc(20);
    if (fs.readSync(fd, header, 0, 20, 0) < 20) return false;
    return (
      header.toString('latin1', 0, 16) === SQLITE_MAGIC && header[18] === 2 && header[19] === 2
    );
  } catch {
    return false;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

const WORKER_SCRIPT = path.join(__dirname, 'integrity-check.worker.js');

/** AppConfig's default DATABASE_URL (a test keeps the two equal). */
const DEFAULT_DATABASE_URL = 'sqlite:./data/thidua.sqlite';

/** Busy timeout of the check's connection: the least the app accepts (pragmaProblems). */
const BUSY_TIMEOUT_MS = 5000;

/**
 * The SQLite file DATABASE_URL names, read from the environment as loadConfig reads it, before the
 * validated configuration is loaded (that load alone takes ~0.15 s). Null when not SQLite or in
 * memory. A value that differs from the validated one costs only the head start: DatabaseLifecycle
 * uses a background outcome only for the file its own connection opened.
 */
export function earlySqliteFile(env: Record<string, string | undefined>): string | null {
  const url = env.DATABASE_URL || DEFAULT_DATABASE_URL;
  if (dbKindOf(url) !== 'sqlite') return null;
  const file = sqlitePathOf(url);
  return file === ':memory:' ? null : file;
}

let offered: BackgroundQuickCheck | null = null;

/**
 * Starts quick_check on its own thread and read-write (query_only) connection for the SQLite file
 * that DATABASE_URL names, and offers it to the DatabaseLifecycle of this process. Returns null, and
 * nothing is offered (the check then runs in-line as before), when there is nothing to start: not
 * SQLite, in memory, no file yet, not in WAL mode, or no compiled worker (running from sources).
 */
export function startBackgroundQuickCheck(
  env: Record<string, string | undefined>,
): BackgroundQuickCheck | null {
  const file = earlySqliteFile(env);
  if (!file || !isWalDatabaseFile(file) || !fs.existsSync(WORKER_SCRIPT)) return null;
  const request: QuickCheckRequest = { file, busyTimeoutMs: BUSY_TIMEOUT_MS };
  const outcome = new Promise<QuickCheckOutcome>((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(WORKER_SCRIPT, { workerData: request });
    } catch (e) {
      resolve({ ran: false, reason: e instanceof Error ? e.message : String(e) });
      return;
    }
    // The first of these settles the promise; the later ones do nothing.
    worker.once('message', (reply: QuickCheckReply) =>
      resolve(
        'result' in reply
          ? { ran: true, result: reply.result, ms: reply.ms }
          : { ran: false, reason: reply.error },
      ),
    );
    worker.once('error', (e) => resolve({ ran: false, reason: e.message }));
    worker.once('exit', (code) =>
      resolve({ ran: false, reason: `luồng kiểm tra dừng (mã ${code}) mà không trả kết quả` }),
    );
  });
  offered = { file, outcome };
  return offered;
}

/**
 * Hands the background check of `file` over to its one user (DatabaseLifecycle), or null when none
 * was started for that file in this process (tests, CLI, a second app): the caller checks in-line.
 */
export function takeBackgroundQuickCheck(file: string): BackgroundQuickCheck | null {
  if (!offered || offered.file !== file) return null;
  const taken = offered;
  offered = null;
  return taken;
}
