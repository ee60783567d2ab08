import Database from 'better-sqlite3';
import { quickCheck } from './integrity-check';

/**
 * quick_check of a SQLite file on connections of its own that leave the file as they found it (the
 * worker of startBackgroundQuickCheck runs this).
 *
 * The checking connection is read-write with `query_only` (a read-only one skips CHECK
 * constraints), but closing the last connection to a WAL database checkpoints the WAL into the main
 * file and deletes it, even after a failed check: it would change the very files an operator copies
 * to recover a damaged database. A read-only connection that has read before the other opens, and
 * is closed last, prevents that (a read-only connection does not checkpoint). The spec shows it.
 */
export function checkFileWithoutWriting(file: string, busyTimeoutMs: number): string {
  const keeper = new Database(file, {
    readonly: true,
    fileMustExist: true,
    timeout: busyTimeoutMs,
  });
  try {
    // It must have read once (opened the WAL) to count as a connection when the other one closes.
    keeper.prepare('SELECT count(*) FROM sqlite_master').get();
    const db = new Database(file, { fileMustExist: true, timeout: busyTimeoutMs });
    try {
      db.pragma('query_only = ON');
      return quickCheck(db);
    } finally {
      db.close();
    }
  } finally {
    keeper.close();
  }
}
