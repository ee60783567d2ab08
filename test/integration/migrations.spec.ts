import { DataSource } from 'typeorm';
import { ENTITIES } from '../../src/app/entities';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { MIGRATIONS } from '../../src/database/migrations';
import { prepareDatabase, schemaDrift } from '../../src/database/schema-guard';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/test-db';

/**
 * RELIABILITY E4: later migrations run on a database that already holds data from earlier ones
 * (SQLite rebuilds tables to add columns and constraints): no row may be lost on the way.
 */
describe('migrations on a database with data', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('keeps every row of the first schema when the later migrations run', async () => {
    const first = new DataSource({
      ...buildDataSourceOptions(db.config, ENTITIES),
      migrations: MIGRATIONS.slice(0, 1),
      entities: [],
    });
    await first.initialize();
    await first.runMigrations();
    await first.query(
      `INSERT INTO "province" ("code", "name", "full_name", "valid_from", "version") VALUES ('HD', 'Hải Dương', 'tỉnh Hải Dương', '1997-01-01', 1)`,
    );
    const [p] = await first.query<{ id: number }[]>(`SELECT id FROM "province"`);
    for (let i = 1; i <= 3; i++) {
      await first.query(
        `INSERT INTO "unit" ("code", "short_name", "type", "full_name", "collective_name", "province_id", "valid_from", "version") VALUES ('U${i}', 'Đơn vị ${i}', 'HUYEN', 'huyện ${i}', 'Đảng bộ ${i}', ${p!.id}, '2023-01-01', 1)`,
      );
    }
    await first.query(
      `INSERT INTO "bloc" ("code", "name", "kind", "province_id", "version") VALUES ('B', 'Khối', 'KHOI', ${p!.id}, 1)`,
    );
    const [b] = await first.query<{ id: number }[]>(`SELECT id FROM "bloc"`);
    await first.query(
      `INSERT INTO "bloc_term" ("bloc_id", "year", "secretary_name", "version") VALUES (${b!.id}, 2023, 'Thư ký', 1)`,
    );
    const [term] = await first.query<{ id: number }[]>(`SELECT id FROM "bloc_term"`);
    const us = await first.query<{ id: number }[]>(`SELECT id FROM "unit" ORDER BY id`);
    for (const u of us)
      await first.query(
        `INSERT INTO "bloc_member" ("term_id", "unit_id", "year") VALUES (${term!.id}, ${u.id}, 2023)`,
      );
    await first.destroy();

    const all = new DataSource(buildDataSourceOptions(db.config, ENTITIES));
    await all.initialize();
    const { applied } = await prepareDatabase(all, { runMigrations: true });
    expect(applied.length).toBe(MIGRATIONS.length - 1);
    const count = async (table: string) =>
      Number((await all.query<{ n: string }[]>(`SELECT COUNT(*) AS n FROM "${table}"`))[0]!.n);
    expect({
      unit: await count('unit'),
      bloc_term: await count('bloc_term'),
      bloc_member: await count('bloc_member'),
    }).toEqual({ unit: 3, bloc_term: 1, bloc_member: 3 });
    const [t2] = await all.query<{ scoring_phase: string; secretary_name: string }[]>(
      `SELECT scoring_phase, secretary_name FROM "bloc_term"`,
    );
    expect(t2).toEqual({ scoring_phase: 'NOT_STARTED', secretary_name: 'Thư ký' });
    expect(await schemaDrift(all)).toEqual([]);
    await all.destroy();
  });
});

/**
 * Several instances deployed together on one empty PostgreSQL database: they take turns on an
 * advisory lock, one applies the migrations, the others find them applied; none fails to start.
 */
(onPostgres ? describe : describe.skip)('instances starting together (PostgreSQL)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('applies every migration exactly once when three instances start at the same moment', async () => {
    const sources = [0, 1, 2].map(
      () => new DataSource(buildDataSourceOptions(db.config, ENTITIES)),
    );
    try {
      await Promise.all(sources.map((s) => s.initialize()));
      const results = await Promise.all(
        sources.map((s) => prepareDatabase(s, { runMigrations: true })),
      );
      const applied = results.map((r) => r.applied.length).sort((a, b) => b - a);
      expect(applied).toEqual([MIGRATIONS.length, 0, 0]);
      const rows = await sources[0]!.query<{ n: string }[]>(
        'SELECT COUNT(*) AS n FROM "schema_migrations"',
      );
      expect(Number(rows[0]!.n)).toBe(MIGRATIONS.length);
    } finally {
      await Promise.all(sources.map((s) => (s.isInitialized ? s.destroy() : Promise.resolve())));
    }
  });
});
