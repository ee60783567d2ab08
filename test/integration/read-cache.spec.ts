import type { DataSource } from 'typeorm';
import { requestContext } from '../../src/common/http/request-context';
import type { Db } from '../../src/database/db.service';
import { ProvinceEntity } from '../../src/provinces/province.entity';
import {
  createTestDatabase,
  onPostgres,
  openDataSource,
  openDbService,
  type TestDatabase,
} from '../helpers/test-db';

/**
 * Tables no cached read shows (sign-in state, the audit log and its checkpoints, signing material and
 * signed copies of documents) and the bookkeeping tables.
 */
const NOT_COUNTED = new Set([
  'audit_log',
  'audit_checkpoint',
  'document_signature',
  'signing_profile',
  'signing_profile_signer',
  'auth_session',
  'login_address_lock',
  'login_account_limit',
  // guessing state of voting codes (like the sign-in throttle), read by no cached page
  'voting_code_attempt',
  'schema_migrations',
  'read_generation',
  'session_generation',
  'sqlite_sequence',
]);

const province = (code: string) => ({
  code,
  name: `Tỉnh ${code}`,
  fullName: `tỉnh ${code}`,
  validFrom: '2020-01-01',
  validTo: null,
  successorId: null,
  version: 1,
});

async function generation(ds: DataSource): Promise<bigint> {
  const rows = await ds.query<{ generation: number | string }[]>(
    'SELECT "generation" FROM "read_generation" WHERE "id" = 1',
  );
  return BigInt(rows[0]!.generation);
}

/** Tables of the schema and, for each, whether insert, update and delete are counted by a trigger. */
async function triggerCoverage(ds: DataSource): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (onPostgres) {
    const tables = await ds.query<{ name: string }[]>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
    );
    for (const t of tables) out.set(t.name, []);
    const triggers = await ds.query<{ tbl: string; ev: string; stmt: string }[]>(
      `SELECT event_object_table AS tbl, event_manipulation AS ev, action_statement AS stmt
         FROM information_schema.triggers WHERE trigger_schema = current_schema()`,
    );
    for (const t of triggers) {
      if (t.stmt.includes('read_generation_bump')) out.get(t.tbl)?.push(t.ev);
    }
    // information_schema does not list TRUNCATE triggers
    const truncates = await ds.query<{ tbl: string }[]>(
      `SELECT c.relname AS tbl FROM pg_trigger t
         JOIN pg_class c ON c.oid = t.tgrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_proc p ON p.oid = t.tgfoid
        WHERE n.nspname = current_schema() AND p.proname = 'read_generation_bump'
          AND (t.tgtype & 32) <> 0`,
    );
    for (const t of truncates) out.get(t.tbl)?.push('TRUNCATE');
  } else {
    const tables = await ds.query<{ name: string }[]>(
      `SELECT name FROM sqlite_master WHERE type = 'table'`,
    );
    for (const t of tables) out.set(t.name, []);
    const triggers = await ds.query<{ tbl: string; sql: string }[]>(
      `SELECT tbl_name AS tbl, sql FROM sqlite_master WHERE type = 'trigger'`,
    );
    for (const t of triggers) {
      const ev = /AFTER (INSERT|UPDATE|DELETE) ON/i.exec(t.sql)?.[1]?.toUpperCase();
      if (ev && t.sql.includes('"read_generation"')) out.get(t.tbl)?.push(ev);
    }
  }
  for (const [k, v] of out) out.set(k, [...new Set(v)].sort());
  return out;
}

describe('Cached reads (Db.readCached) and the change count behind them', () => {
  let tdb: TestDatabase;
  let db: Db;
  let ds: DataSource;
  let other: DataSource;
  let close: () => Promise<void>;

  beforeAll(async () => {
    tdb = await createTestDatabase();
    ({ db, ds, close } = await openDbService(tdb.config));
    // A second connection, as another instance, a command-line tool or psql would be.
    other = await openDataSource(tdb.config, false);
  });
  afterAll(async () => {
    await other.destroy();
    await close();
    await tdb.drop();
  });

  it('counts inserts, updates, deletes (and truncates) on every table a cached read may show', async () => {
    const coverage = await triggerCoverage(ds);
    const all = onPostgres ? 'DELETE,INSERT,TRUNCATE,UPDATE' : 'DELETE,INSERT,UPDATE';
    const uncounted = [...coverage]
      .filter(([name, events]) => !NOT_COUNTED.has(name) && events.join() !== all)
      .map(([name, events]) => `${name}: ${events.join(',') || 'none'}`);
    expect(uncounted).toEqual([]);
    // and only those: sign-in state and the audit log do not discard cached reads
    const counted = [...coverage].filter(([, e]) => e.length > 0).map(([n]) => n);
    expect(counted.filter((n) => NOT_COUNTED.has(n))).toEqual([]);
    expect(counted.length).toBeGreaterThanOrEqual(27);
  });

  it('computes once and returns the same frozen value until something is written', async () => {
    let runs = 0;
    const read = () =>
      db.readCached('test:provinces', async (em) => {
        runs += 1;
        const rows = await em.getRepository(ProvinceEntity).find({ order: { code: 'ASC' } });
        return { codes: rows.map((r) => r.code) };
      });
    const first = await read();
    const second = await read();
    expect(runs).toBe(1);
    expect(second).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first.codes)).toBe(true);
    expect(() => first.codes.push('X')).toThrow(TypeError);

    // its JSON is computed once, for kept values only
    const kept = db.keptJson(first);
    expect(kept?.json).toBe(JSON.stringify(first));
    expect(kept?.etag).toMatch(/^W\/"[0-9a-f]+-[A-Za-z0-9+/]{27}"$/);
    expect(db.keptJson(first)).toBe(kept);
    expect(db.keptJson({ codes: [...first.codes] })).toBeUndefined();
    expect(db.keptJson(first.codes)).toBeUndefined();

    // a write through the app
    await db.write((em) => em.getRepository(ProvinceEntity).insert(province('RC1')));
    const third = await read();
    expect(runs).toBe(2);
    expect(third.codes).toContain('RC1');

    // a write by another connection (another instance, a tool, SQL typed by hand)
    await other.query(`UPDATE "province" SET "code" = 'RC2' WHERE "code" = 'RC1'`);
    const fourth = await read();
    expect(runs).toBe(3);
    expect(fourth.codes).toContain('RC2');
    expect(fourth.codes).not.toContain('RC1');

    // a rolled-back write changes nothing, so the kept value stays
    await expect(
      db.write(async (em) => {
        await em.getRepository(ProvinceEntity).insert(province('RC3'));
        throw new Error('bỏ');
      }),
    ).rejects.toThrow('bỏ');
    expect(await read()).toBe(fourth);
    expect(runs).toBe(3);

    // a failing computation is not kept
    await expect(
      db.readCached('test:fails', () => Promise.reject(new Error('không có'))),
    ).rejects.toThrow('không có');
    let later = 0;
    await db.readCached('test:fails', () => Promise.resolve((later += 1)));
    expect(later).toBe(1);
  });

  it('never takes a value kept before a restore for the data written after it', async () => {
    const state = async () =>
      (
        await other.query<{ generation: number | string; token: string }[]>(
          'SELECT "generation", "token" FROM "read_generation" WHERE "id" = 1',
        )
      )[0]!;
    const read = () =>
      db.readCached('test:restore', async (em) => ({
        codes: (await em.getRepository(ProvinceEntity).find({ order: { code: 'ASC' } })).map(
          (r) => r.code,
        ),
      }));
    const backup = await state();
    await db.write((em) => em.getRepository(ProvinceEntity).insert(province('RS1')));
    expect((await read()).codes).toContain('RS1');
    // "Restore" the backup: its data and its count come back...
    await other.query(`DELETE FROM "province" WHERE "code" = 'RS1'`);
    const [g, t] = onPostgres ? ['$1', '$2'] : ['?', '?'];
    await other.query(
      `UPDATE "read_generation" SET "generation" = ${g}, "token" = ${t} WHERE "id" = 1`,
      [backup.generation, backup.token],
    );
    // ...and one new write brings the number back to the one the kept value was filed under.
    await db.write((em) => em.getRepository(ProvinceEntity).insert(province('RS2')));
    const after = await read();
    expect(after.codes).toContain('RS2');
    expect(after.codes).not.toContain('RS1');
  });

  it("serves a request's kept values at the count its sign-in check read, until the request writes", async () => {
    let runs = 0;
    const read = () =>
      db.readCached('test:request', async (em) => {
        runs += 1;
        return {
          codes: (await em.getRepository(ProvinceEntity).find({ order: { code: 'ASC' } })).map(
            (r) => r.code,
          ),
        };
      });
    const inRequest = <T>(work: () => Promise<T>) =>
      requestContext.run({ requestId: 'test', actor: null }, work);
    await inRequest(async () => {
      await db.sessionCount(); // as the sign-in check does first
      const first = await read();
      expect(await read()).toBe(first);
      // the request's own write is seen by its next read, at once
      await db.write((em) => em.getRepository(ProvinceEntity).insert(province('RQ1')));
      expect((await read()).codes).toContain('RQ1');
    });
    const computed = runs;
    // another connection writes: the next request (a new sign-in check) reads it
    await other.query(`UPDATE "province" SET "code" = 'RQ2' WHERE "code" = 'RQ1'`);
    await inRequest(async () => {
      await db.sessionCount();
      expect((await read()).codes).toContain('RQ2');
    });
    expect(runs).toBe(computed + 1);
  });

  (onPostgres ? it : it.skip)(
    'PostgreSQL: counts a write from a session with another search_path (psql) and a TRUNCATE',
    async () => {
      const schema = tdb.config.DATABASE_SCHEMA;
      expect(schema).toBeTruthy();
      // A table of the same name elsewhere on that session's path must not take the bump.
      await other.query(
        `CREATE TABLE IF NOT EXISTS public."read_generation" ("id" integer PRIMARY KEY, "generation" bigint NOT NULL DEFAULT 0, "token" varchar(32) NOT NULL DEFAULT '')`,
      );
      try {
        await other.query(
          `INSERT INTO public."read_generation" ("id") VALUES (1) ON CONFLICT DO NOTHING`,
        );
        const before = await generation(other);
        const runner = other.createQueryRunner();
        try {
          await runner.query('SET search_path TO public');
          await runner.query(
            `UPDATE "${schema}"."province" SET "name" = 'sửa bằng psql' WHERE "code" = 'RC2'`,
          );
          await runner.query(`TRUNCATE "${schema}"."score_evidence"`);
        } finally {
          await runner.query('RESET search_path');
          await runner.release();
        }
        expect((await generation(other)) - before).toBe(2n);
        const elsewhere = await other.query<{ generation: string }[]>(
          `SELECT "generation" FROM public."read_generation" WHERE "id" = 1`,
        );
        expect(elsewhere[0]!.generation).toBe('0');
      } finally {
        await other.query(`DROP TABLE IF EXISTS public."read_generation"`);
      }
    },
  );

  (onPostgres ? it.skip : it)(
    'SQLite: serves a kept value without waiting behind a write, unless the write has changed something',
    async () => {
      const read = () =>
        db.readCached('test:fast', async (em) => ({
          codes: (await em.getRepository(ProvinceEntity).find({ order: { code: 'ASC' } })).map(
            (r) => r.code,
          ),
        }));
      const first = await read();
      const gate = () => {
        let open!: () => void;
        const opened = new Promise<void>((r) => (open = r));
        return { open, opened };
      };
      const [before, changed, after] = [gate(), gate(), gate()];
      const writing = db.write(async (em) => {
        await before.opened;
        await em.getRepository(ProvinceEntity).insert(province('FP1'));
        changed.open();
        await after.opened;
      });
      const waited = (p: Promise<unknown>) =>
        Promise.race([p, new Promise((r) => setTimeout(() => r('waited'), 150))]);
      // The write holds the queue but has changed nothing yet: the kept value is served at once.
      expect(await waited(read())).toBe(first);
      before.open();
      await changed.opened;
      // It has inserted a row (not committed): the read must not use the kept value, and waits.
      const pending = read();
      expect(await waited(pending)).toBe('waited');
      after.open();
      await writing;
      expect((await pending).codes).toContain('FP1');
    },
  );

  it('moves the count in the transaction that writes, and only when it commits', async () => {
    const before = await generation(other);
    await db.write(async (em) => {
      for (let i = 0; i < 20; i++) await em.getRepository(ProvinceEntity).insert(province(`G${i}`));
      await em.getRepository(ProvinceEntity).delete({ code: 'G0' });
    });
    const after = await generation(other);
    // PostgreSQL counts a transaction once (at commit); SQLite counts every row.
    if (onPostgres) expect(after - before).toBe(1n);
    else expect(after - before).toBe(21n);
  });

  it('adds no lock wait cycle: a transaction holding a row it wrote is never stuck behind the count', async () => {
    await db.write((em) =>
      em.getRepository(ProvinceEntity).insert([province('DA'), province('DB')]),
    );
    const before = await generation(other);
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    // First writes A, then B; second writes B in between and holds it a while. Had the count been
    // taken at the first write (an immediate trigger), first would hold the count and wait for B
    // while second held B and waited for the count: a deadlock. Taken at commit, second commits
    // and first goes on.
    const first = db.write(async (em) => {
      const repo = em.getRepository(ProvinceEntity);
      await repo.update({ code: 'DA' }, { name: 'sửa A' });
      await sleep(40);
      await repo.update({ code: 'DB' }, { name: 'sửa B lần 2' });
    });
    const second = (async () => {
      await sleep(10);
      await db.write(async (em) => {
        await em.getRepository(ProvinceEntity).update({ code: 'DB' }, { name: 'sửa B lần 1' });
        await sleep(80);
      });
    })();
    const results = await Promise.allSettled([first, second]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    const after = await generation(other);
    expect(after - before).toBe(onPostgres ? 2n : 3n); // SQLite counts rows
    const b = await other.getRepository(ProvinceEntity).findOneByOrFail({ code: 'DB' });
    // PostgreSQL: first waited for second's commit, then wrote B; SQLite runs one job at a time.
    expect(b.name).toBe(onPostgres ? 'sửa B lần 2' : 'sửa B lần 1');
  });
});
