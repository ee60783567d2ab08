import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import Database from 'better-sqlite3';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.setup';
import { AppConfig } from '../../src/config/app-config';
import { BackupError, backupSqlite, restoreSqlite } from '../../src/database/backup';
import { sqlitePathOf } from '../../src/database/data-source-options';
import { seedReferenceData } from '../../src/seeding/seed-runner';
import { createTestApp, type TestApp } from '../helpers/test-app';
import {
  createTestDatabase,
  onPostgres,
  openDataSource,
  type TestDatabase,
} from '../helpers/test-db';

const INSERTS = 200;
const code = (i: number) => `BK-${String(i).padStart(3, '0')}`;
const tick = () => new Promise<void>((r) => setImmediate(r));

/** Row count of every table of a SQLite file (opened read-only). */
function countsOf(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
      )
      .all() as { name: string }[];
    const out: Record<string, number> = {};
    for (const { name } of tables)
      out[name] = (db.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n;
    return out;
  } finally {
    db.close();
  }
}

function provinceCodes(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (
      db.prepare(`SELECT code FROM province WHERE code LIKE 'BK-%' ORDER BY code`).all() as {
        code: string;
      }[]
    ).map((r) => r.code);
  } finally {
    db.close();
  }
}

function checks(file: string): { integrity: string; fk: number } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return {
      integrity: String(db.pragma('integrity_check', { simple: true })),
      fk: (db.pragma('foreign_key_check') as unknown[]).length,
    };
  } finally {
    db.close();
  }
}

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** XORs the first 64 bytes of a b-tree page near the middle of the file (its header and cell pointers). */
function corruptMiddlePage(file: string): void {
  const buf = fs.readFileSync(file);
  const pageSize = buf.readUInt16BE(16) === 1 ? 65536 : buf.readUInt16BE(16);
  const pages = buf.length / pageSize;
  for (let p = Math.floor(pages / 2); p < pages + Math.floor(pages / 2); p++) {
    const at = (p % pages) * pageSize;
    if (at === 0 || ![0x02, 0x05, 0x0a, 0x0d].includes(buf[at]!)) continue;
    for (let i = 0; i < 64; i++) buf[at + i] = buf[at + i]! ^ 0xff;
    fs.writeFileSync(file, buf);
    return;
  }
  throw new Error('no b-tree page found to corrupt');
}

async function errorCode(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof BackupError) return e.code;
    throw e;
  }
  throw new Error('expected a BackupError');
}

/** RELIABILITY E3: online backup while the app writes, and a restore drill. SQLite only. */
(onPostgres ? describe.skip : describe)('SQLite online backup and restore (E3)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let source: string;
  let dir: string;
  let backupFile: string;
  let sourceFinal: Record<string, number>;
  let backupCounts: Record<string, number>;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await openDataSource(db.config);
    await seedReferenceData(ds);
    source = sqlitePathOf(db.config.DATABASE_URL);
    dir = path.dirname(source);
    backupFile = path.join(dir, 'backup-under-load.sqlite');
  });
  afterAll(async () => {
    if (ds?.isInitialized) await ds.destroy();
    await db?.drop();
  });

  it('takes a consistent backup while 200 inserts run', async () => {
    let inserted = 0;
    const writer = (async () => {
      for (let i = 0; i < INSERTS; i++) {
        await ds.query(
          `INSERT INTO "province" ("code", "name", "full_name", "valid_from", "version") VALUES (?, ?, ?, '2000-01-01', 1)`,
          [code(i), `Tỉnh thử ${i}`, `tỉnh Thử ${i}`],
        );
        inserted++;
        await tick(); // let the backup's steps run between the writes
      }
    })();
    while (inserted === 0) await tick();
    // Small steps so that the writes land between them and force SQLite to restart the copy.
    const result = await backupSqlite(source, backupFile, { pagesPerStep: 8 });
    const insertedWhenDone = inserted;
    await writer;

    expect(result.integrity).toBe('ok');
    expect(result.bytes).toBe(fs.statSync(backupFile).size);
    expect(fs.readdirSync(dir).filter((f) => f.includes('-tmp-'))).toEqual([]);
    expect(checks(backupFile)).toEqual({ integrity: 'ok', fk: 0 });

    sourceFinal = countsOf(source);
    backupCounts = countsOf(backupFile);
    expect(Object.keys(backupCounts)).toEqual(Object.keys(sourceFinal));
    for (const [table, n] of Object.entries(backupCounts))
      expect([table, n <= sourceFinal[table]!]).toEqual([table, true]);

    // The backup holds a prefix of the inserts: one committed state, no gaps.
    const codes = provinceCodes(backupFile);
    const k = codes.length;
    expect(codes).toEqual(Array.from({ length: k }, (_, i) => code(i)));
    expect(k).toBeGreaterThanOrEqual(1);
    expect(k).toBeLessThanOrEqual(insertedWhenDone);
    expect(sourceFinal.province! - backupCounts.province!).toBe(INSERTS - k);
    console.log(
      `E3 backup: ${result.pages} pages, ${result.bytes} bytes, ${result.durationMs} ms, ` +
        `${result.restarts} restart(s), ${k}/${INSERTS} inserts in the snapshot`,
    );
  });

  it('restores the backup into a fresh path that the app can open', async () => {
    const target = path.join(dir, 'restored', 'thidua.sqlite');
    fs.mkdirSync(path.dirname(target));
    const r = await restoreSqlite(backupFile, target);
    expect(r).toMatchObject({ targetPath: target, keptPath: null, integrity: 'ok' });
    expect(r.migrations).toBeGreaterThan(0);
    expect(countsOf(target)).toEqual(backupCounts);

    // A fresh instance on the restored file: migrations are a no-op, the data is there.
    const config = Object.assign(new AppConfig(), db.config, { DATABASE_URL: `sqlite:${target}` });
    const restored = await openDataSource(config);
    try {
      const rows = await restored.query<{ n: number }[]>(
        `SELECT COUNT(*) AS n FROM "province" WHERE "code" LIKE 'BK-%'`,
      );
      expect(Number(rows[0]!.n)).toBe(provinceCodes(backupFile).length);
    } finally {
      await restored.destroy();
    }
    expect(checks(target)).toEqual({ integrity: 'ok', fk: 0 });
  });

  it('refuses a corrupted backup and leaves the target untouched, even with force', async () => {
    const bad = path.join(dir, 'corrupt.sqlite');
    fs.copyFileSync(backupFile, bad);
    corruptMiddlePage(bad);
    const target = path.join(dir, 'untouched', 'thidua.sqlite');
    fs.mkdirSync(path.dirname(target));
    await restoreSqlite(backupFile, target);
    const before = sha(target);
    const filesBefore = fs.readdirSync(path.dirname(target)).sort();

    expect(await errorCode(restoreSqlite(bad, target, { force: true }))).toBe(
      'RESTORE_BACKUP_CORRUPT',
    );
    expect(sha(target)).toBe(before);
    expect(fs.readdirSync(path.dirname(target)).sort()).toEqual(filesBefore);

    const fresh = path.join(dir, 'untouched', 'other.sqlite');
    expect(await errorCode(restoreSqlite(bad, fresh))).toBe('RESTORE_BACKUP_CORRUPT');
    expect(fs.existsSync(fresh)).toBe(false);
  });

  it('refuses to overwrite an existing backup file or restore target', async () => {
    const before = sha(backupFile);
    expect(await errorCode(backupSqlite(source, backupFile))).toBe('BACKUP_DEST_EXISTS');
    expect(sha(backupFile)).toBe(before);
    expect(await errorCode(restoreSqlite(backupFile, source))).toBe('RESTORE_TARGET_EXISTS');
    // The running database cannot be replaced even with force.
    expect(await errorCode(restoreSqlite(backupFile, source, { force: true }))).toBe(
      'RESTORE_TARGET_IN_USE',
    );
    expect(countsOf(source)).toEqual(sourceFinal);
  });
});

/**
 * RELIABILITY E3, restore drill: an official document issued before the backup is served, after a
 * restore into a new file and a fresh start of the app on it, byte for byte as before, and its stored
 * hash still matches its snapshot.
 */
(onPostgres ? describe.skip : describe)(
  'restore drill reproduces an official document (E3)',
  () => {
    let first: TestApp;
    let restoredApp: NestExpressApplication | null = null;

    beforeAll(async () => {
      first = await createTestApp({ seed: true, seedMeeting: true });
    });
    afterAll(async () => {
      await restoredApp?.close();
      await first?.close();
    });

    it('serves the minutes of 28/03/2024 with the same hash and bytes from the restored database', async () => {
      const meetings = await first.http().get('/api/blocs/1/terms/2023/meetings').expect(200);
      const meetingId = (meetings.body as { id: number; status: string }[]).find(
        (m) => m.status === 'FINALIZED',
      )!.id;
      const issued = await first
        .http()
        .post(`/api/meetings/${meetingId}/documents`)
        .send({ kind: 'MINUTES' })
        .expect(201);
      const doc = issued.body as { id: number; snapshotSha256: string; numberText: string };
      const html = await first.http().get(`/api/documents/${doc.id}/van-ban.html`).expect(200);
      const originalHtml = Buffer.from(html.text, 'utf8');
      const stored = await first.dataSource.query<{ snapshot: string; snapshot_sha256: string }[]>(
        `SELECT "snapshot", "snapshot_sha256" FROM "generated_document" WHERE "id" = ?`,
        [doc.id],
      );
      expect(stored[0]!.snapshot_sha256).toBe(doc.snapshotSha256);

      // Online backup while the app runs, then a restore into a new file in another folder.
      const source = sqlitePathOf(first.db.config.DATABASE_URL);
      const backupFile = path.join(path.dirname(source), 'drill-backup.sqlite');
      await backupSqlite(source, backupFile);
      const target = path.join(path.dirname(source), 'drill', 'thidua.sqlite');
      fs.mkdirSync(path.dirname(target));
      await restoreSqlite(backupFile, target);

      // A fresh instance on the restored file (no seeding); the session in the backup signs in.
      const config = Object.assign(new AppConfig(), first.db.config, {
        DATABASE_URL: `sqlite:${target}`,
        SEED_DEMO: false,
      });
      const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] })
        .setLogger({
          log: () => undefined,
          warn: () => undefined,
          error: (m) => console.error(m),
          debug: () => undefined,
          verbose: () => undefined,
        })
        .compile();
      restoredApp = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false });
      configureApp(restoredApp, config);
      await restoredApp.init();
      const get = (url: string) =>
        request(restoredApp!.getHttpServer())
          .get(url)
          .set('Authorization', `Bearer ${first.adminToken}`);

      const listed = await get(`/api/meetings/${meetingId}/documents`).expect(200);
      const again = (listed.body as { id: number; snapshotSha256: string; numberText: string }[])
        .filter((d) => d.id === doc.id)
        .map((d) => ({ sha: d.snapshotSha256, number: d.numberText }));
      expect(again).toEqual([{ sha: doc.snapshotSha256, number: doc.numberText }]);
      const restoredHtml = await get(`/api/documents/${doc.id}/van-ban.html`).expect(200);
      expect(
        createHash('sha256').update(Buffer.from(restoredHtml.text, 'utf8')).digest('hex'),
      ).toBe(createHash('sha256').update(originalHtml).digest('hex'));
      // The stored hash is the hash of the restored snapshot itself (nothing altered in the copy).
      const ds = restoredApp.get<DataSource>(getDataSourceToken());
      const row = await ds.query<{ snapshot: string; snapshot_sha256: string }[]>(
        `SELECT "snapshot", "snapshot_sha256" FROM "generated_document" WHERE "id" = ?`,
        [doc.id],
      );
      expect(row[0]!.snapshot).toBe(stored[0]!.snapshot);
      expect(createHash('sha256').update(row[0]!.snapshot).digest('hex')).toBe(doc.snapshotSha256);
    });
  },
);
