import Database from 'better-sqlite3';
import { pragmaProblems, prepareSqliteConnection, readSqlitePragmas } from './sqlite-pragmas';

describe('SQLite connection settings', () => {
  it('turns recursive triggers on (a REPLACE then fires the DELETE triggers) and reads it back', () => {
    const db = new Database(':memory:');
    try {
      prepareSqliteConnection(db, 5000);
      const report = readSqlitePragmas(db);
      expect(report.recursiveTriggers).toBe(1);
      expect(pragmaProblems(report, true)).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('refuses to start with recursive triggers off', () => {
    const ok = { foreignKeys: 1, journalMode: 'wal', synchronous: 2, busyTimeout: 5000 };
    expect(pragmaProblems({ ...ok, recursiveTriggers: 0 }, false)).toEqual([
      'recursive_triggers=0 (cần 1)',
    ]);
  });
});
