/* Test helpers that damage a closed SQLite file on purpose (not compiled into the app). */
import * as fs from 'node:fs';
import Database from 'better-sqlite3';

/**
 * Inverts the first 64 bytes (page header and cell pointers) of one leaf page of `table`, leaving
 * the schema pages intact, so that the file still opens and only an integrity check finds it.
 * Returns the page number.
 */
export function corruptTablePage(file: string, table: string): number {
  const db = new Database(file, { fileMustExist: true });
  let page: number;
  let pageSize: number;
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    pageSize = Number(db.pragma('page_size', { simple: true }));
    const leaves = db
      .prepare(`SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno`)
      .all(table) as { pageno: number }[];
    const chosen = leaves[Math.floor(leaves.length / 2)];
    if (!chosen) throw new Error(`no leaf page of ${table} to corrupt`);
    page = chosen.pageno;
  } finally {
    db.close();
  }
  const fd = fs.openSync(file, 'r+');
  try {
    const bytes = Buffer.alloc(64);
    fs.readSync(fd, bytes, 0, bytes.length, (page - 1) * pageSize);
    for (let i = 0; i < bytes.length; i++) bytes[i] = bytes[i]! ^ 0xff;
    fs.writeSync(fd, bytes, 0, bytes.length, (page - 1) * pageSize);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return page;
}

/** Runs `sql` with CHECK constraints switched off, leaving a row that breaks one. */
export function breakCheckConstraint(file: string, sql: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('ignore_check_constraints = ON');
    db.exec(sql);
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}
