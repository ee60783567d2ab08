import type { DataSource } from 'typeorm';
import { requestContext } from '../../src/common/http/request-context';
import { ReadScopes, type Db } from '../../src/database/db.service';
import { ProvinceEntity } from '../../src/registry/provinces/province.entity';
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
  'read_scope',
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

/**
 * Tables whose every row belongs to one bloc term: a change bumps the counts of its term's scopes
 * (its bloc-year and its province-year, migration ReadScope), not the count behind every kept read.
 * Every other counted table, and a table added later with the usual `read_generation` triggers,
 * discards every kept read (the safe fallback); TRUNCATE does too on every table (PostgreSQL).
 */
const SCOPED = new Set([
  'bloc_term',
  'bloc_member',
  'score_entry',
  'score_evidence',
  'scoring_phase_transition',
  'nomination',
  'nomination_transition',
  'nomination_acknowledgement',
  'nomination_report',
  'meeting',
  'meeting_attendance',
  'ballot',
  'generated_document',
  'ballot_entry',
  'meeting_transition',
  'ballot_transition',
]);

interface Coverage {
  /** Events counted in `read_generation` (discard every kept read). */
  global: string[];
  /** Events counted in `read_scope` (discard the kept reads of the row's scopes). */
  scoped: string[];
}

/** Tables of the schema and, for each, which of insert, update, delete (truncate) a trigger counts. */
async function triggerCoverage(ds: DataSource): Promise<Map<string, Coverage>> {
  const out = new Map<string, Coverage>();
  const add = (table: string, kind: keyof Coverage, ev: string) => out.get(table)?.[kind].push(ev);
  if (onPostgres) {
    const tables = await ds.query<{ name: string }[]>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
    );
    for (const t of tables) out.set(t.name, { global: [], scoped: [] });
    const triggers = await ds.query<{ tbl: string; ev: string; stmt: string }[]>(
      `SELECT event_object_table AS tbl, event_manipulation AS ev, action_statement AS stmt
         FROM information_schema.triggers WHERE trigger_schema = current_schema()`,
    );
    for (const t of triggers) {
      if (t.stmt.includes('read_generation_bump')) add(t.tbl, 'global', t.ev);
      if (t.stmt.includes('read_scope_bump')) add(t.tbl, 'scoped', t.ev);
    }
    // information_schema does not list TRUNCATE triggers
    const truncates = await ds.query<{ tbl: string; fn: string }[]>(
      `SELECT c.relname AS tbl, p.proname AS fn FROM pg_trigger t
         JOIN pg_class c ON c.oid = t.tgrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_proc p ON p.oid = t.tgfoid
        WHERE n.nspname = current_schema() AND p.proname IN ('read_generation_bump', 'read_scope_bump')
          AND (t.tgtype & 32) <> 0`,
    );
    for (const t of truncates)
      add(t.tbl, t.fn === 'read_scope_bump' ? 'scoped' : 'global', 'TRUNCATE');
  } else {
    const tables = await ds.query<{ name: string }[]>(
      `SELECT name FROM sqlite_master WHERE type = 'table'`,
    );
    for (const t of tables) out.set(t.name, { global: [], scoped: [] });
    const triggers = await ds.query<{ tbl: string; sql: string }[]>(
      `SELECT tbl_name AS tbl, sql FROM sqlite_master WHERE type = 'trigger'`,
    );
    for (const t of triggers) {
      const ev = /AFTER (INSERT|UPDATE|DELETE) ON/i.exec(t.sql)?.[1]?.toUpperCase();
      if (!ev) continue;
      // A scoped trigger also bumps read_generation when the row's term cannot be found.
      if (t.sql.includes('"read_scope"')) add(t.tbl, 'scoped', ev);
      else if (t.sql.includes('"read_generation"')) add(t.tbl, 'global', ev);
    }
  }
  for (const c of out.values()) {
    c.global = [...new Set(c.global)].sort();
    c.scoped = [...new Set(c.scoped)].sort();
  }
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
    const rows = 'DELETE,INSERT,UPDATE';
    const expected = (name: string): Coverage =>
      NOT_COUNTED.has(name)
        ? { global: [], scoped: [] }
        : SCOPED.has(name)
          ? { global: onPostgres ? ['TRUNCATE'] : [], scoped: rows.split(',') }
          : { global: (onPostgres ? `${rows},TRUNCATE` : rows).split(',').sort(), scoped: [] };
    const wrong = [...coverage]
      .filter(([name, c]) => JSON.stringify(c) !== JSON.stringify(expected(name)))
      .map(([name, c]) => `${name}: global ${c.global.join(',')}; scoped ${c.scoped.join(',')}`);
    expect(wrong).toEqual([]);
    // every scoped table exists (a rename would otherwise fall out of this list unnoticed)
    expect([...SCOPED].filter((t) => !coverage.has(t))).toEqual([]);
    const counted = [...coverage].filter(([, c]) => c.global.length + c.scoped.length > 0);
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

  describe('by scope: a bloc-year, a province-year', () => {
    const YEAR = 2024;
    let provinceId: number;
    let termX: number;
    let termY: number;
    let blocX: number;
    let blocY: number;
    let unitId: number;
    const runs = new Map<string, number>();
    const p = (i: number) => (onPostgres ? `$${i}` : '?');
    const one = async (sql: string, params: unknown[] = []) =>
      (await other.query<{ id: number }[]>(sql, params))[0]!.id;

    /** A kept read of the score lines of a term, filed under the given scopes. */
    const scores = (name: string, termId: number, scopes: () => string[]) =>
      db.readCached(
        `test:scope:${name}`,
        async (em) => {
          runs.set(name, (runs.get(name) ?? 0) + 1);
          const rows = await em.query<{ value: number }[]>(
            `SELECT "value" FROM "score_entry" WHERE "term_id" = ${p(1)} ORDER BY "item_code"`,
            [termId],
          );
          return { values: rows.map((r) => Number(r.value)) };
        },
        scopes,
      );
    const rankX = () => scores('x', termX, () => [ReadScopes.blocYear(blocX, YEAR)]);
    const rankY = () => scores('y', termY, () => [ReadScopes.blocYear(blocY, YEAR)]);
    const provinceYear = () =>
      scores('province', termX, () => [ReadScopes.provinceYear(provinceId, YEAR)]);
    const provinceLastYear = () =>
      scores('province-last', termX, () => [ReadScopes.provinceYear(provinceId, YEAR - 1)]);
    const everything = () =>
      db.readCached('test:scope:all', async (em) => {
        runs.set('all', (runs.get('all') ?? 0) + 1);
        return { n: (await em.query<unknown[]>('SELECT "id" FROM "score_entry"')).length };
      });
    const readAll = async () => ({
      x: await rankX(),
      y: await rankY(),
      province: await provinceYear(),
      last: await provinceLastYear(),
      all: await everything(),
    });
    /** Which of the kept reads were computed again since `before`. */
    const recomputed = (before: Map<string, number>) =>
      [...runs]
        .filter(([k, n]) => n !== before.get(k))
        .map(([k]) => k)
        .sort();
    const score = (termId: number, item: string, value: number) =>
      other.query(
        `INSERT INTO "score_entry" ("term_id", "unit_id", "stage", "item_code", "value", "version") VALUES (${p(1)}, ${p(2)}, 'AGREED', ${p(3)}, ${p(4)}, 1)`,
        [termId, unitId, item, value],
      );

    beforeAll(async () => {
      await db.write((em) => em.getRepository(ProvinceEntity).insert(province('SCP')));
      provinceId = await one(`SELECT "id" FROM "province" WHERE "code" = 'SCP'`);
      await other.query(
        `INSERT INTO "unit" ("code", "short_name", "type", "full_name", "collective_name", "province_id", "valid_from", "version") VALUES ('SCU', 'Đơn vị', 'HUYEN', 'huyện Đơn vị', 'Đảng bộ huyện', ${p(1)}, '2020-01-01', 1)`,
        [provinceId],
      );
      unitId = await one(`SELECT "id" FROM "unit" WHERE "code" = 'SCU'`);
      for (const code of ['SCX', 'SCY'])
        await other.query(
          `INSERT INTO "bloc" ("code", "name", "kind", "province_id", "version") VALUES (${p(1)}, ${p(2)}, 'KHOI', ${p(3)}, 1)`,
          [code, `Khối ${code}`, provinceId],
        );
      blocX = await one(`SELECT "id" FROM "bloc" WHERE "code" = 'SCX'`);
      blocY = await one(`SELECT "id" FROM "bloc" WHERE "code" = 'SCY'`);
      for (const b of [blocX, blocY])
        await other.query(
          `INSERT INTO "bloc_term" ("bloc_id", "year", "secretary_name", "version") VALUES (${p(1)}, ${YEAR}, 'Thư ký', 1)`,
          [b],
        );
      termX = await one(`SELECT "id" FROM "bloc_term" WHERE "bloc_id" = ${p(1)}`, [blocX]);
      termY = await one(`SELECT "id" FROM "bloc_term" WHERE "bloc_id" = ${p(1)}`, [blocY]);
    });

    it("keeps bloc Y's kept ranking when bloc X's scores are written, by the app or by hand", async () => {
      const first = await readAll();
      let before = new Map(runs);
      // through the app
      await db.write((em) =>
        em.query(
          `INSERT INTO "score_entry" ("term_id", "unit_id", "stage", "item_code", "value", "version") VALUES (${p(1)}, ${p(2)}, 'AGREED', 'I.1', 500, 1)`,
          [termX, unitId],
        ),
      );
      const second = await readAll();
      expect(recomputed(before)).toEqual(['all', 'province', 'x']);
      expect(second.y).toBe(first.y);
      expect(second.last).toBe(first.last);
      expect(second.x.values).toEqual([500]);

      // by hand, from another connection (another instance, a tool, psql)
      before = new Map(runs);
      await other.query(`UPDATE "score_entry" SET "value" = 600 WHERE "term_id" = ${p(1)}`, [
        termX,
      ]);
      const third = await readAll();
      expect(recomputed(before)).toEqual(['all', 'province', 'x']);
      expect(third.y).toBe(first.y);
      expect(third.x.values).toEqual([600]);

      // bloc Y's turn: X's kept value stays
      before = new Map(runs);
      await score(termY, 'I.1', 700);
      const fourth = await readAll();
      expect(recomputed(before)).toEqual(['all', 'province', 'y']);
      expect(fourth.x).toBe(third.x);
      expect(fourth.y.values).toEqual([700]);

      // a rolled-back write to X keeps everything
      before = new Map(runs);
      await expect(
        db.write(async (em) => {
          await em.query(`UPDATE "score_entry" SET "value" = 1 WHERE "term_id" = ${p(1)}`, [termX]);
          throw new Error('bỏ');
        }),
      ).rejects.toThrow('bỏ');
      const fifth = await readAll();
      expect(recomputed(before)).toEqual([]);
      expect(fifth.x).toBe(fourth.x);

      // a change without a scope (a province's name) discards every kept read
      before = new Map(runs);
      await other.query(`UPDATE "province" SET "name" = 'Tỉnh đổi tên' WHERE "code" = 'SCP'`);
      await readAll();
      expect(recomputed(before)).toEqual(['all', 'province', 'province-last', 'x', 'y']);

      // a row whose term cannot be found any more counts as a change without a scope
      before = new Map(runs);
      await other.query(`DELETE FROM "score_entry" WHERE "term_id" = ${p(1)}`, [termY]);
      await other.query(`DELETE FROM "bloc_term" WHERE "id" = ${p(1)}`, [termY]);
      await readAll();
      expect(recomputed(before)).toEqual(['all', 'province', 'y']);
      await other.query(
        `INSERT INTO "bloc_term" ("bloc_id", "year", "secretary_name", "version") VALUES (${p(1)}, ${YEAR}, 'Thư ký', 1)`,
        [blocY],
      );
      termY = await one(`SELECT "id" FROM "bloc_term" WHERE "bloc_id" = ${p(1)}`, [blocY]);
    });

    it('never takes a kept value for data written after a restore of its scope', async () => {
      const state = async () =>
        (
          await other.query<{ generation: number | string; token: string }[]>(
            `SELECT "generation", "token" FROM "read_scope" WHERE "scope" = ${p(1)}`,
            [ReadScopes.blocYear(blocX, YEAR)],
          )
        )[0]!;
      const backup = await state();
      await score(termX, 'R.1', 11);
      expect((await rankX()).values).toContain(11);
      // "Restore" the backup: its data and its scope's count come back...
      await other.query(`DELETE FROM "score_entry" WHERE "item_code" = 'R.1'`);
      await other.query(
        `UPDATE "read_scope" SET "generation" = ${p(1)}, "token" = ${p(2)} WHERE "scope" = ${p(3)}`,
        [backup.generation, backup.token, ReadScopes.blocYear(blocX, YEAR)],
      );
      // ...and one new write brings the number back to the one the kept value was filed under.
      await score(termX, 'R.2', 22);
      const after = await rankX();
      expect(after.values).toContain(22);
      expect(after.values).not.toContain(11);
    });

    it('keeps nothing computed while a change it depends on was committed', async () => {
      let runsOf = 0;
      const gate = () => {
        let open!: () => void;
        const opened = new Promise<void>((r) => (open = r));
        return { open, opened };
      };
      const [started, go] = [gate(), gate()];
      const read = () =>
        db.readCached(
          'test:scope:during',
          async (em) => {
            runsOf += 1;
            const rows = await em.query<{ value: number }[]>(
              `SELECT "value" FROM "score_entry" WHERE "term_id" = ${p(1)}`,
              [termX],
            );
            started.open();
            await go.opened;
            return { n: rows.length };
          },
          () => [ReadScopes.blocYear(blocX, YEAR)],
        );
      const first = read();
      await started.opened;
      // another connection (SQLite: the computation holds the app's one connection) writes meanwhile
      await score(termX, 'D.1', 1);
      go.open();
      const stale = await first;
      const again = await read();
      expect(runsOf).toBe(2);
      expect(again.n).toBe(stale.n + 1);
    });

    (onPostgres ? it : it.skip)(
      'PostgreSQL: transactions committing scoped changes in opposite orders do not deadlock',
      async () => {
        const write = (a: number, b: number, item: string) =>
          db.write(async (em) => {
            for (const t of [a, b])
              await em.query(
                `INSERT INTO "score_entry" ("term_id", "unit_id", "stage", "item_code", "value", "version") VALUES ($1, $2, 'AGREED', $3, 1, 1)`,
                [t, unitId, item],
              );
          });
        const results = await Promise.allSettled(
          Array.from({ length: 10 }, (_, i) => [
            write(termX, termY, `O.${i}.a`),
            write(termY, termX, `O.${i}.b`),
          ]).flat(),
        );
        expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
      },
    );
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
