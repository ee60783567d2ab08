import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { ENTITIES } from '../../src/app/entities';
import { buildDataSourceOptions, sqlitePathOf } from '../../src/database/data-source-options';
import type { BackgroundQuickCheck, QuickCheckOutcome } from '../../src/database/integrity-check';
import { MIGRATIONS } from '../../src/database/migrations';
import {
  prepareDatabase,
  rawSqlite,
  schemaDrift,
  UnsafeDatabaseError,
} from '../../src/database/schema-guard';
import { readSqlitePragmas } from '../../src/database/sqlite-pragmas';
import { breakCheckConstraint, corruptTablePage } from '../builders/sqlite-damage.fixture';
import { isEmptyDatabase, seedReferenceData } from '../../src/seeding/seed-runner';
import {
  buildServer,
  killAllServers,
  startServer,
  type ServerBuild,
} from '../helpers/server-process';
import {
  createTestDatabase,
  onPostgres,
  openDataSource,
  type TestDatabase,
} from '../helpers/test-db';

describe('database set-up', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await openDataSource(db.config);
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('folds Vietnamese letters in LOWER() on both databases (a search for "đỗ" finds "ĐỖ")', async () => {
    const rows = await ds.query<{ l: string; u: string }[]>(
      "SELECT LOWER('ĐỖ Thị CẨM Giàng') AS l, UPPER('đỗ thị cẩm giàng') AS u",
    );
    expect(rows[0]).toEqual({ l: 'đỗ thị cẩm giàng', u: 'ĐỖ THỊ CẨM GIÀNG' });
  });

  it('never synchronises or drops the schema implicitly', () => {
    const options = buildDataSourceOptions(db.config, ENTITIES);
    expect(options.synchronize).toBe(false);
    expect(options.dropSchema).toBe(false);
    expect(options.migrationsRun).toBe(false);
  });

  it('has no drift between the entities and the migrations', async () => {
    expect(await schemaDrift(ds)).toEqual([]);
  });

  it('running the migrations again is a no-op', async () => {
    expect((await prepareDatabase(ds, { runMigrations: true })).applied).toEqual([]);
  });

  (onPostgres ? it.skip : it)(
    'runs SQLite with foreign keys, WAL, synchronous=FULL, a busy timeout and recursive triggers',
    () => {
      const p = readSqlitePragmas(rawSqlite(ds));
      expect(p.foreignKeys).toBe(1);
      expect(p.journalMode).toBe('wal');
      expect(p.synchronous).toBe(2);
      expect(p.busyTimeout).toBeGreaterThanOrEqual(5000);
      expect(p.recursiveTriggers).toBe(1);
    },
  );

  it('refuses to start on a database migrated by an unknown (newer) version', async () => {
    const other = await createTestDatabase();
    const a = await openDataSource(other.config);
    await a.query(
      `INSERT INTO "schema_migrations" ("timestamp", "name") VALUES (9999999999999, 'FromTheFuture9999999999999')`,
    );
    await a.destroy();
    const b = await openDataSource(other.config, false);
    await expect(prepareDatabase(b, { runMigrations: true })).rejects.toThrow(UnsafeDatabaseError);
    await expect(prepareDatabase(b, { runMigrations: true })).rejects.toThrow(/FromTheFuture/);
    await b.destroy();
    await other.drop();
  });

  it('enforces the schema invariants itself (CHECK, UNIQUE, FOREIGN KEY)', async () => {
    await seedReferenceData(ds);
    const unit = await ds.query<{ id: number; province_id: number }[]>(
      `SELECT id, province_id FROM "unit" ORDER BY id LIMIT 1`,
    );
    const u = unit[0]!;
    await expect(
      ds.query(`UPDATE "unit" SET "type" = 'TINH' WHERE id = ${u.id}`),
    ).rejects.toThrow();
    await expect(
      ds.query(`UPDATE "unit" SET "valid_to" = '2000-01-01' WHERE id = ${u.id}`),
    ).rejects.toThrow();
    await expect(
      ds.query(`UPDATE "unit" SET "province_id" = 999999 WHERE id = ${u.id}`),
    ).rejects.toThrow();
    // the same unit in a second bloc of the same organization the same year is refused by the
    // database (trigger of UnitBlocPerOrganization); a bloc of another organization takes it
    const [seeded] = await ds.query<{ org: number | null }[]>(
      `SELECT b."organizing_body_id" AS org FROM "bloc" b JOIN "bloc_term" t ON t."bloc_id" = b."id" JOIN "bloc_member" m ON m."term_id" = t."id" WHERE m."unit_id" = ${u.id} AND m."year" = 2023`,
    );
    const termIn = async (code: string, org: number | null): Promise<number> => {
      await ds.query(
        `INSERT INTO "bloc" ("code", "name", "kind", "province_id", "organizing_body_id", "version") VALUES ('${code}', 'Cụm ${code}', 'CUM', ${u.province_id}, ${org ?? 'NULL'}, 1)`,
      );
      const bloc = await ds.query<{ id: number }[]>(
        `SELECT id FROM "bloc" WHERE "code" = '${code}'`,
      );
      await ds.query(
        `INSERT INTO "bloc_term" ("bloc_id", "year", "version") VALUES (${bloc[0]!.id}, 2023, 1)`,
      );
      const term = await ds.query<{ id: number }[]>(
        `SELECT id FROM "bloc_term" WHERE "bloc_id" = ${bloc[0]!.id}`,
      );
      return term[0]!.id;
    };
    const member = (termId: number) =>
      ds.query(
        `INSERT INTO "bloc_member" ("term_id", "unit_id", "year") VALUES (${termId}, ${u.id}, 2023)`,
      );
    await expect(member(await termIn('B2', seeded!.org))).rejects.toThrow(/bloc_member/);
    await ds.query(
      `INSERT INTO "organizing_body" ("code", "name", "header_line", "place", "locality", "addressee", "office", "version") VALUES ('MT', 'Mặt trận', 'MẶT TRẬN', 'x', 'x', 'x', 'x', 1)`,
    );
    const [front] = await ds.query<{ id: number }[]>(
      `SELECT id FROM "organizing_body" WHERE "code" = 'MT'`,
    );
    await member(await termIn('B3', front!.id));
    await expect(member(await termIn('B4', front!.id))).rejects.toThrow(/bloc_member/);

    // a tier's code and rank are unique among the tiers one organization sees (trigger of
    // AwardTierScopedKeys): the shared ones and its own; two organizations may share a code
    await ds.query(
      `INSERT INTO "organizing_body" ("code", "name", "header_line", "place", "locality", "addressee", "office", "version") VALUES ('MT2', 'Mặt trận 2', 'MẶT TRẬN 2', 'x', 'x', 'x', 'x', 1)`,
    );
    const [front2] = await ds.query<{ id: number }[]>(
      `SELECT id FROM "organizing_body" WHERE "code" = 'MT2'`,
    );
    const [shared] = await ds.query<{ code: string; rank: number }[]>(
      `SELECT "code", "rank" FROM "award_tier" WHERE "organizing_body_id" IS NULL ORDER BY "rank" LIMIT 1`,
    );
    const tier = (code: string, rank: number, org: number | null) =>
      ds.query(
        `INSERT INTO "award_tier" ("code", "name", "deciding_authority", "rank", "organizing_body_id", "version") VALUES ('${code}', 'Thử', 'PROVINCE_CHAIRMAN', ${rank}, ${org ?? 'NULL'}, 1)`,
      );
    await expect(tier(shared!.code, 900, front!.id)).rejects.toThrow(/award_tier/);
    await expect(tier('OWN_A', shared!.rank, front!.id)).rejects.toThrow(/award_tier/);
    await tier('OWN_A', 900, front!.id);
    await tier('OWN_A', 900, front2!.id);
    await expect(tier('OWN_A', 901, front!.id)).rejects.toThrow(/award_tier/);
    await expect(tier('OWN_B', 900, front!.id)).rejects.toThrow(/award_tier/);
    // a shared tier clashes with every organization's own
    await expect(tier('OWN_A', 902, null)).rejects.toThrow(/award_tier/);
    await expect(tier('SHARED_B', 900, null)).rejects.toThrow(/award_tier/);
    // an update is held to the same key
    await tier('OWN_C', 903, front2!.id);
    await expect(
      ds.query(`UPDATE "award_tier" SET "rank" = 900 WHERE "code" = 'OWN_C'`),
    ).rejects.toThrow(/award_tier/);
    await ds.query(`UPDATE "award_tier" SET "name" = 'Đổi tên' WHERE "code" = 'OWN_C'`);
  });
});

describe('reference data seed', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await openDataSource(db.config);
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('loads once and then writes nothing on a second run (upsert by code)', async () => {
    expect(await isEmptyDatabase(ds)).toBe(true);
    const first = await seedReferenceData(ds);
    expect(first.inserted).toMatchObject({
      province: 2,
      unit: 12,
      organizing_body: 1,
      bloc: 1,
      bloc_term: 1,
      bloc_member: 12,
      award_tier: 7,
      tier_rule: 14,
      tier_voting_rule: 28,
      criteria_set: 1,
      criteria_item: 24,
      score_entry: 504,
      scoring_phase_transition: 3,
      classification_scheme: 1,
      unit_classification: 12,
    });
    expect(first.updated).toEqual({ bloc_term: 1 });
    expect(first.written).toBe(624);
    // The console line a newcomer reads: Vietnamese words, not table names.
    expect(first.summary).toContain('thêm 2 tỉnh, 12 đơn vị');
    expect(first.summary).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
    const units = await ds.query<{ n: string }[]>(`SELECT COUNT(*) AS n FROM "unit"`);
    expect(Number(units[0]!.n)).toBe(12);
    const second = await seedReferenceData(ds);
    expect(second.written).toBe(0);
    expect(second.summary).toContain('Tổng số dòng đã ghi: 0');
  });

  it('repairs an edited row and reports exactly that one write', async () => {
    await ds.query(`UPDATE "unit" SET "short_name" = 'Sai tên' WHERE "code" = 'HD-CG'`);
    const report = await seedReferenceData(ds);
    expect(report.updated).toEqual({ unit: 1 });
    expect(report.written).toBe(1);
  });
});

describe('CHECK constraints (TypeORM does not diff their expressions)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await openDataSource(db.config);
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('has every entity CHECK in the migrated schema, with every allowed value', async () => {
    const definitions = new Map<string, string>();
    if (onPostgres) {
      const rows = await ds.query<{ name: string; def: string }[]>(
        `SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE contype = 'c' AND connamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())`,
      );
      for (const r of rows) definitions.set(r.name, r.def);
    } else {
      const rows = await ds.query<{ sql: string }[]>(
        `SELECT sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL`,
      );
      for (const r of rows) {
        for (const part of r.sql.split('CONSTRAINT "').slice(1)) {
          const name = part.slice(0, part.indexOf('"'));
          if (name.startsWith('CHK_')) definitions.set(name, part);
        }
      }
    }
    const missing: string[] = [];
    for (const meta of ds.entityMetadatas) {
      for (const check of meta.checks) {
        const def = definitions.get(check.name);
        if (!def) {
          missing.push(`${check.name} absent`);
          continue;
        }
        for (const literal of check.expression?.match(/'[^']*'/g) ?? [])
          if (!def.includes(literal)) missing.push(`${check.name} lacks ${literal}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

/** A migration that would leave a trace (a table) if it ran. */
class Probe9999999999999 implements MigrationInterface {
  name = 'Probe9999999999999';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE "probe" ("id" integer)`);
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "probe"`);
  }
}

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A migrated SQLite test database holding the reference data, closed (WAL checkpointed). */
async function seededSqliteFile(): Promise<{ db: TestDatabase; file: string }> {
  const db = await createTestDatabase();
  const ds = await openDataSource(db.config);
  await seedReferenceData(ds);
  await ds.destroy();
  return { db, file: sqlitePathOf(db.config.DATABASE_URL) };
}

(onPostgres ? describe.skip : describe)('SQLite integrity check at start (RELIABILITY G4)', () => {
  let db: TestDatabase;
  let file: string;
  let ds: DataSource | null = null;
  beforeEach(async () => {
    ({ db, file } = await seededSqliteFile());
  });
  afterEach(async () => {
    if (ds?.isInitialized) await ds.destroy();
    ds = null;
    await db.drop();
  });

  /** The test database with one more (pending) migration that creates a table. */
  async function openWithPendingMigration(): Promise<DataSource> {
    ds = new DataSource({
      ...buildDataSourceOptions(db.config, ENTITIES),
      migrations: [...MIGRATIONS, Probe9999999999999],
    });
    return ds.initialize();
  }

  async function probeTrace(source: DataSource): Promise<unknown[]> {
    return source.query(
      `SELECT name FROM sqlite_master WHERE name = 'probe' UNION ALL SELECT name FROM schema_migrations WHERE name LIKE 'Probe%'`,
    );
  }

  it('refuses a damaged file before migrating it', async () => {
    corruptTablePage(file, 'score_entry');
    const source = await openWithPendingMigration();
    await expect(prepareDatabase(source, { runMigrations: true })).rejects.toThrow(
      UnsafeDatabaseError,
    );
    await expect(prepareDatabase(source, { runMigrations: true })).rejects.toThrow(
      /SQLite quick_check báo lỗi: .*Tree \d+ page \d+/s,
    );
    expect(await probeTrace(source)).toEqual([]);
  });

  it('refuses a row that breaks a CHECK constraint', async () => {
    breakCheckConstraint(
      file,
      `UPDATE score_entry SET value = -1 WHERE id = (SELECT MIN(id) FROM score_entry)`,
    );
    const source = await openWithPendingMigration();
    await expect(prepareDatabase(source, { runMigrations: true })).rejects.toThrow(
      /SQLite quick_check báo lỗi: CHECK constraint failed in score_entry/,
    );
    expect(await probeTrace(source)).toEqual([]);
  });

  it('migrates a sound file, then checks it again', async () => {
    const source = await openWithPendingMigration();
    const { applied } = await prepareDatabase(source, { runMigrations: true });
    expect(applied).toEqual(['Probe9999999999999']);
    expect(await probeTrace(source)).toHaveLength(2);
  });

  describe('with the outcome of a background check (main.ts)', () => {
    const background = (forFile: string, outcome: QuickCheckOutcome): BackgroundQuickCheck => ({
      file: forFile,
      outcome: Promise.resolve(outcome),
    });

    it('waits for it before migrating and refuses the problem it found', async () => {
      const source = await openWithPendingMigration();
      let settle: (o: QuickCheckOutcome) => void = () => undefined;
      const outcome = new Promise<QuickCheckOutcome>((resolve) => (settle = resolve));
      const preparing = prepareDatabase(source, {
        runMigrations: true,
        backgroundQuickCheck: { file, outcome },
      });
      await new Promise((r) => setTimeout(r, 50));
      expect(await probeTrace(source)).toEqual([]);
      settle({
        ran: true,
        result: 'Tree 35 page 95: btreeInitPage() returns error code 11',
        ms: 1,
      });
      await expect(preparing).rejects.toThrow(/SQLite quick_check báo lỗi: Tree 35 page 95/);
      expect(await probeTrace(source)).toEqual([]);
    });

    it('uses an ok outcome instead of checking again, and says so', async () => {
      const source = await openWithPendingMigration();
      const lines: string[] = [];
      await prepareDatabase(source, {
        runMigrations: true,
        log: (l) => lines.push(l),
        backgroundQuickCheck: background(file, { ran: true, result: 'ok', ms: 12 }),
      });
      expect(lines).toContain('SQLite quick_check: ok (luồng nền, 12 ms)');
    });

    it('checks in-line when the thread could not run the check', async () => {
      corruptTablePage(file, 'score_entry');
      const source = await openWithPendingMigration();
      await expect(
        prepareDatabase(source, {
          runMigrations: true,
          backgroundQuickCheck: background(file, { ran: false, reason: 'SQLITE_BUSY' }),
        }),
      ).rejects.toThrow(/SQLite quick_check báo lỗi/);
      expect(await probeTrace(source)).toEqual([]);
    });

    it('ignores an outcome for another file and checks in-line', async () => {
      corruptTablePage(file, 'score_entry');
      const source = await openWithPendingMigration();
      await expect(
        prepareDatabase(source, {
          runMigrations: true,
          backgroundQuickCheck: background(`${file}.other`, { ran: true, result: 'ok', ms: 1 }),
        }),
      ).rejects.toThrow(/SQLite quick_check báo lỗi/);
      expect(await probeTrace(source)).toEqual([]);
    });
  });
});

/**
 * The path main.ts takes: the built server (`node dist/main.js`) checks the SQLite file on its own
 * thread while it loads, and must still refuse a damaged file before it listens.
 */
(onPostgres ? describe.skip : describe)('start of the built server on SQLite', () => {
  let build: ServerBuild;
  let db: TestDatabase;
  let sound: string;
  const damaged: Record<'page' | 'check', string> = { page: '', check: '' };

  beforeAll(async () => {
    build = buildServer();
    ({ db, file: sound } = await seededSqliteFile());
    for (const kind of ['page', 'check'] as const) {
      damaged[kind] = `${sound}.${kind}.sqlite`;
      fs.copyFileSync(sound, damaged[kind]);
    }
    corruptTablePage(damaged.page, 'score_entry');
    breakCheckConstraint(
      damaged.check,
      `UPDATE score_entry SET value = -1 WHERE id = (SELECT MIN(id) FROM score_entry)`,
    );
  }, 240_000);
  afterAll(async () => {
    await killAllServers();
    build?.remove();
    await db?.drop();
  });

  it('serves a sound file, checked on the background thread', async () => {
    const server = await startServer(build, { dbFile: sound, env: { LOG_LEVEL: 'log' } });
    try {
      expect(server.output()).toMatch(/SQLite quick_check: ok \(luồng nền, \d+ ms\)/);
      expect(server.output()).not.toMatch(/kiểm tra trực tiếp/);
    } finally {
      await server.stop();
    }
  });

  it.each([
    ['a damaged page', 'page' as const, /Tree \d+ page \d+/],
    [
      'a row breaking a CHECK constraint',
      'check' as const,
      /CHECK constraint failed in score_entry/,
    ],
  ])(
    'refuses %s: exits 1 with the reason, never listens, writes nothing',
    async (_, kind, reason) => {
      const before = sha(damaged[kind]);
      const start = startServer(build, { dbFile: damaged[kind], env: { LOG_LEVEL: 'log' } });
      const error = await start.then(
        () => new Error('the server started'),
        (e: Error) => e,
      );
      expect(error.message).toMatch(/server exited during start \(code 1,/);
      expect(error.message).toMatch(/SQLite quick_check báo lỗi/);
      expect(error.message).toMatch(reason);
      expect(error.message).not.toMatch(/thidua đang chạy/);
      expect(sha(damaged[kind])).toBe(before);
    },
  );
});
