import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { loadConfig } from '../config/app-config';
import { sqlitePathOf } from './database-url';
import { checkFileWithoutWriting } from './integrity-check-file';
import {
  earlySqliteFile,
  isWalDatabaseFile,
  quickCheck,
  startBackgroundQuickCheck,
  takeBackgroundQuickCheck,
} from './integrity-check';
import { breakCheckConstraint, corruptTablePage } from '../../test/builders/sqlite-damage.fixture';

/** A small WAL database with a CHECK constraint, like thidua's score lines. */
function makeDb(file: string, journal: 'wal' | 'delete' = 'wal'): void {
  const db = new Database(file);
  db.pragma(`journal_mode = ${journal}`);
  db.exec(
    `CREATE TABLE line (id INTEGER PRIMARY KEY, value INTEGER NOT NULL CHECK (value >= 0), note TEXT)`,
  );
  const insert = db.prepare('INSERT INTO line (value, note) VALUES (?, ?)');
  db.transaction(() => {
    for (let i = 0; i < 2000; i++) insert.run(i % 97, `dòng ${i} ${'x'.repeat(100)}`);
  })();
  db.close();
}

function check(file: string, options: Database.Options = {}): string {
  const db = new Database(file, { fileMustExist: true, ...options });
  try {
    if (!options.readonly) db.pragma('query_only = ON');
    return quickCheck(db);
  } finally {
    db.close();
  }
}

describe('SQLite quick_check', () => {
  let dir: string;
  let n = 0;
  const fresh = (journal: 'wal' | 'delete' = 'wal') => {
    const file = path.join(dir, `db${++n}.sqlite`);
    makeDb(file, journal);
    return file;
  };
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-quick-check-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('says ok for a sound file', () => {
    expect(check(fresh())).toBe('ok');
  });

  it('reports a damaged page as a problem instead of throwing', () => {
    const file = fresh();
    corruptTablePage(file, 'line');
    expect(check(file)).toMatch(/Tree \d+ page \d+/);
  });

  it('reports a row that breaks a CHECK constraint, which a read-only connection misses', () => {
    const file = fresh();
    breakCheckConstraint(file, 'UPDATE line SET value = -1 WHERE id = 7');
    expect(check(file)).toMatch(/CHECK constraint failed in line/);
    // Why the background check opens read-write with query_only rather than read-only:
    expect(check(file, { readonly: true })).toBe('ok');
  });

  it('reports a file that is not a database as a problem', () => {
    const file = path.join(dir, 'garbage.sqlite');
    fs.writeFileSync(file, Buffer.alloc(8192, 0x5a));
    expect(check(file)).toMatch(/not a database/);
  });

  it('starts in the background only for an existing SQLite file already in WAL mode', () => {
    expect(isWalDatabaseFile(fresh('wal'))).toBe(true);
    expect(isWalDatabaseFile(fresh('delete'))).toBe(false);
    expect(isWalDatabaseFile(path.join(dir, 'missing.sqlite'))).toBe(false);
    const empty = path.join(dir, 'empty.sqlite');
    fs.writeFileSync(empty, '');
    expect(isWalDatabaseFile(empty)).toBe(false);
  });

  it('reads the same SQLite file from the environment as the validated configuration', () => {
    const cases: Record<string, string | undefined>[] = [
      {},
      { DATABASE_URL: '' },
      { DATABASE_URL: 'sqlite:./data/other.sqlite' },
      { DATABASE_URL: `sqlite:${path.join(dir, 'abs.sqlite')}` },
    ];
    for (const env of cases)
      expect(earlySqliteFile(env)).toBe(sqlitePathOf(loadConfig(env).DATABASE_URL));
    expect(earlySqliteFile({ DATABASE_URL: 'sqlite::memory:' })).toBeNull();
    expect(earlySqliteFile({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/db' })).toBeNull();
  });

  it('leaves the database and its WAL as they were, even when the check finds damage', () => {
    const file = fresh();
    const page = corruptTablePage(file, 'line');
    expect(page).toBeGreaterThan(1);
    // A writer that dies with frames in the WAL (no checkpoint), as after a crash.
    const crash = spawnSync(
      process.execPath,
      [
        '-e',
        `const D = require('better-sqlite3'); const db = new D(process.argv[1]);
         db.pragma('wal_autocheckpoint = 0');
         db.exec("CREATE TABLE later (id INTEGER PRIMARY KEY, note TEXT)");
         const ins = db.prepare('INSERT INTO later (note) VALUES (?)');
         for (let i = 0; i < 200; i++) ins.run('sau sự cố ' + i);
         process.kill(process.pid, 'SIGKILL');`,
        file,
      ],
      { cwd: path.resolve(__dirname, '..', '..') },
    );
    expect(crash.signal).toBe('SIGKILL');
    const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');
    const before = { main: sha(file), wal: sha(`${file}-wal`) };
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);

    expect(checkFileWithoutWriting(file, 5000)).not.toBe('ok');
    expect({ main: sha(file), wal: sha(`${file}-wal`) }).toEqual(before);
  });

  it('offers nothing when it cannot start (here: no compiled worker), so the check runs in-line', () => {
    const file = fresh();
    expect(startBackgroundQuickCheck({ DATABASE_URL: `sqlite:${file}` })).toBeNull();
    expect(takeBackgroundQuickCheck(file)).toBeNull();
  });
});
