import type { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import {
  prepareDatabase,
  rawSqlite,
  schemaDrift,
  UnsafeDatabaseError,
} from '../../src/database/schema-guard';
import { readSqlitePragmas } from '../../src/database/sqlite-pragmas';
import { isEmptyDatabase, seedReferenceData } from '../../src/seeding/seed-runner';
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
    const options = buildDataSourceOptions(db.config);
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
    'runs SQLite with foreign keys, WAL, synchronous=FULL and a busy timeout',
    () => {
      const p = readSqlitePragmas(rawSqlite(ds));
      expect(p.foreignKeys).toBe(1);
      expect(p.journalMode).toBe('wal');
      expect(p.synchronous).toBe(2);
      expect(p.busyTimeout).toBeGreaterThanOrEqual(5000);
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
    // the same unit in a second bloc the same year is refused by UNIQUE(unit_id, year)
    await ds.query(
      `INSERT INTO "bloc" ("code", "name", "kind", "province_id", "version") VALUES ('B2', 'Cụm 2', 'CUM', ${u.province_id}, 1)`,
    );
    const bloc = await ds.query<{ id: number }[]>(`SELECT id FROM "bloc" WHERE "code" = 'B2'`);
    await ds.query(
      `INSERT INTO "bloc_term" ("bloc_id", "year", "version") VALUES (${bloc[0]!.id}, 2023, 1)`,
    );
    const term = await ds.query<{ id: number }[]>(
      `SELECT id FROM "bloc_term" WHERE "bloc_id" = ${bloc[0]!.id}`,
    );
    await expect(
      ds.query(
        `INSERT INTO "bloc_member" ("term_id", "unit_id", "year") VALUES (${term[0]!.id}, ${u.id}, 2023)`,
      ),
    ).rejects.toThrow(/UQ_bloc_member_unit_year|bloc_member\.unit_id, bloc_member\.year/);
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
      bloc: 1,
      bloc_term: 1,
      bloc_member: 12,
      award_tier: 3,
      tier_rule: 6,
      tier_voting_rule: 12,
      criteria_set: 1,
      criteria_item: 24,
      score_entry: 504,
      scoring_phase_transition: 3,
    });
    expect(first.updated).toEqual({ bloc_term: 1 });
    expect(first.written).toBe(582);
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
