import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { BackupError, backupSqlite, restoreSqlite } from './backup';

/** A small WAL database shaped like thidua's (a schema_migrations table and one data table). */
function makeDb(file: string, rows = 500, options: { migrations?: boolean } = {}): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  if (options.migrations !== false)
    db.exec(
      `CREATE TABLE schema_migrations (id INTEGER PRIMARY KEY, timestamp INTEGER, name TEXT);
       INSERT INTO schema_migrations (timestamp, name) VALUES (1, 'Initial1')`,
    );
  db.exec('CREATE TABLE item (id INTEGER PRIMARY KEY, label TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO item (label) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run(`mục ${i} ${'x'.repeat(200)}`);
  })();
  db.close();
}

const count = (file: string, table = 'item'): number => {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
  } finally {
    db.close();
  }
};

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(BackupError);
    return (e as BackupError).code;
  }
  throw new Error('expected a BackupError');
}

describe('backupSqlite / restoreSqlite (SQLite files)', () => {
  let dir: string;
  let source: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-backup-unit-'));
    source = path.join(dir, 'source.sqlite');
    makeDb(source);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes a checked, self-contained copy and nothing else', async () => {
    const dest = path.join(dir, 'copy.sqlite');
    const r = await backupSqlite(source, dest);
    expect(r).toMatchObject({ path: dest, integrity: 'ok' });
    expect(r.pages).toBeGreaterThan(10);
    expect(r.bytes).toBe(fs.statSync(dest).size);
    expect(count(dest)).toBe(500);
    const copy = new Database(dest, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('copy') || f.startsWith('.'))).toEqual([
      'copy.sqlite',
    ]);
  });

  it('refuses an existing destination, the source itself and a missing folder', async () => {
    const dest = path.join(dir, 'exists.sqlite');
    fs.writeFileSync(dest, 'giữ nguyên');
    expect(await codeOf(backupSqlite(source, dest))).toBe('BACKUP_DEST_EXISTS');
    expect(fs.readFileSync(dest, 'utf8')).toBe('giữ nguyên');
    expect(await codeOf(backupSqlite(source, source))).toBe('BACKUP_SAME_FILE');
    expect(await codeOf(backupSqlite(source, path.join(dir, 'no', 'x.sqlite')))).toBe(
      'BACKUP_DEST_DIR_MISSING',
    );
    expect(await codeOf(backupSqlite(path.join(dir, 'none.sqlite'), dest))).toBe(
      'BACKUP_SOURCE_MISSING',
    );
  });

  it('leaves no file when aborted half-way', async () => {
    const before = fs.readdirSync(dir).sort();
    const ac = new AbortController();
    const dest = path.join(dir, 'aborted.sqlite');
    let steps = 0;
    const code = await codeOf(
      backupSqlite(source, dest, {
        pagesPerStep: 5,
        signal: ac.signal,
        onProgress: () => {
          if (++steps === 3) ac.abort();
        },
      }),
    );
    expect(code).toBe('BACKUP_ABORTED');
    expect(steps).toBe(3);
    expect(fs.readdirSync(dir).sort()).toEqual(before);
  });

  it('restarts on a write from another connection and still copies one consistent state', async () => {
    const writer = new Database(source);
    let steps = 0;
    const r = await backupSqlite(source, path.join(dir, 'live.sqlite'), {
      pagesPerStep: 5,
      onProgress: () => {
        // Step 1 only opens the backup; after step 3 some pages are copied already.
        if (++steps === 3)
          writer.prepare(`INSERT INTO item (label) VALUES ('ghi trong lúc sao lưu')`).run();
      },
    });
    writer.close();
    expect(r.restarts).toBeGreaterThanOrEqual(1);
    expect(count(path.join(dir, 'live.sqlite'))).toBe(501);
  });

  it('removes temporary files left by a killed backup (dead process)', async () => {
    const stale = path.join(dir, '.next.sqlite.backup-tmp-999999999-deadbeef');
    fs.writeFileSync(stale, 'dở dang');
    await backupSqlite(source, path.join(dir, 'next.sqlite'));
    expect(fs.existsSync(stale)).toBe(false);
  });

  it('restores into a new path, and refuses an existing target without force', async () => {
    const backup = path.join(dir, 'b.sqlite');
    await backupSqlite(source, backup);
    const target = path.join(dir, 'restored.sqlite');
    fs.writeFileSync(`${target}-wal`, 'wal cũ không thuộc về ai');
    const r = await restoreSqlite(backup, target);
    expect(r).toMatchObject({ targetPath: target, keptPath: null, integrity: 'ok', migrations: 1 });
    expect(fs.existsSync(`${target}-wal`)).toBe(false);
    expect(count(target)).toBe(500);
    expect(await codeOf(restoreSqlite(backup, target))).toBe('RESTORE_TARGET_EXISTS');
    expect(await codeOf(restoreSqlite(path.join(dir, 'none'), target))).toBe(
      'RESTORE_BACKUP_MISSING',
    );
  });

  it('with force keeps the replaced database, including what was only in its -wal', async () => {
    const backup = path.join(dir, 'b.sqlite');
    await backupSqlite(source, backup);
    // A target left by a crash: committed rows still in the -wal, not checkpointed.
    const live = path.join(dir, 'live.sqlite');
    makeDb(live, 3);
    const w = new Database(live);
    w.pragma('wal_autocheckpoint = 0');
    w.prepare(`INSERT INTO item (label) VALUES ('chỉ có trong wal')`).run();
    const target = path.join(dir, 'target.sqlite');
    fs.copyFileSync(live, target);
    fs.copyFileSync(`${live}-wal`, `${target}-wal`);
    w.close();

    const r = await restoreSqlite(backup, target, { force: true });
    expect(r.keptPath).toMatch(/target\.sqlite\.before-restore-\d{8}T\d{6}Z$/);
    expect(count(target)).toBe(500);
    expect(count(r.keptPath!)).toBe(4);
    expect(fs.existsSync(`${target}-wal`)).toBe(false);
  });

  it('refuses to replace a database another connection has open', async () => {
    const backup = path.join(dir, 'b.sqlite');
    await backupSqlite(source, backup);
    const target = path.join(dir, 'in-use.sqlite');
    makeDb(target, 7);
    const app = new Database(target);
    app.prepare('SELECT COUNT(*) FROM item').get();
    try {
      expect(await codeOf(restoreSqlite(backup, target, { force: true }))).toBe(
        'RESTORE_TARGET_IN_USE',
      );
    } finally {
      app.close();
    }
    expect(count(target)).toBe(7);
    expect(fs.readdirSync(dir).filter((f) => f.includes('before-restore'))).toEqual([]);
  });

  it('refuses a file that is not a thidua database, or has foreign-key violations', async () => {
    const foreign = path.join(dir, 'other.sqlite');
    makeDb(foreign, 1, { migrations: false });
    const target = path.join(dir, 't.sqlite');
    expect(await codeOf(restoreSqlite(foreign, target))).toBe('RESTORE_BACKUP_NOT_THIDUA');

    const orphan = path.join(dir, 'orphan.sqlite');
    makeDb(orphan, 1);
    const db = new Database(orphan);
    db.pragma('foreign_keys = OFF');
    db.exec('CREATE TABLE child (id INTEGER PRIMARY KEY, item_id INTEGER REFERENCES item(id))');
    db.exec('INSERT INTO child (item_id) VALUES (424242)');
    db.close();
    expect(await codeOf(restoreSqlite(orphan, target))).toBe('RESTORE_BACKUP_CORRUPT');

    const text = path.join(dir, 'notes.txt');
    fs.writeFileSync(text, 'không phải SQLite '.repeat(400));
    expect(await codeOf(restoreSqlite(text, target))).toBe('RESTORE_BACKUP_CORRUPT');
    expect(fs.existsSync(target)).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});
