import type { DataSource } from 'typeorm';
import { ProvinceEntity } from '../../src/registry/provinces/province.entity';
import type { Db } from '../../src/database/db.service';
import { createTestDatabase, openDbService, type TestDatabase } from '../helpers/test-db';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * RELIABILITY D3 (typeorm #11143): on SQLite TypeORM shares one connection, so without the
 * queue a failing request's rollback would wipe a concurrent request's rows. Many interleaved
 * writers, a third of which throw after writing, must leave exactly the successful rows.
 */
describe('Db write serialisation', () => {
  let tdb: TestDatabase;
  let db: Db;
  let ds: DataSource;
  let close: () => Promise<void>;

  beforeAll(async () => {
    tdb = await createTestDatabase();
    ({ db, ds, close } = await openDbService(tdb.config));
  });
  afterAll(async () => {
    await close();
    await tdb.drop();
  });

  it('keeps every committed write and none of the rolled-back ones under 300 interleaved transactions', async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 300 }, (_, i) =>
        db.write(async (em) => {
          await em.getRepository(ProvinceEntity).insert({
            code: `P${i}`,
            name: `Tỉnh ${i}`,
            fullName: `tỉnh ${i}`,
            validFrom: '2020-01-01',
            validTo: null,
            successorId: null,
            version: 1,
          });
          await sleep(i % 7); // yield so that other jobs would interleave if they could
          await em.getRepository(ProvinceEntity).insert({
            code: `Q${i}`,
            name: `Tỉnh ${i}b`,
            fullName: `tỉnh ${i}b`,
            validFrom: '2020-01-01',
            validTo: null,
            successorId: null,
            version: 1,
          });
          if (i % 3 === 0) throw new Error(`rollback ${i}`);
          return i;
        }),
      ),
    );
    const ok = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
    const failed = outcomes.filter((o) => o.status === 'rejected');
    expect(ok).toHaveLength(200);
    expect(failed).toHaveLength(100);
    for (const f of failed) expect(String(f.reason)).toMatch(/rollback \d+/);
    const rows = await ds.query<{ code: string }[]>(`SELECT code FROM "province"`);
    const expected = ok.flatMap((i) => [`P${i}`, `Q${i}`]).sort();
    expect(rows.map((r) => r.code).sort()).toEqual(expected);
  });

  it('lets a reader see only committed data while a writer waits mid-transaction', async () => {
    let release!: () => void;
    let inserted!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const didInsert = new Promise<void>((r) => (inserted = r));
    const writer = db.write(async (em) => {
      await em.getRepository(ProvinceEntity).insert({
        code: 'W1',
        name: 'W',
        fullName: 'w',
        validFrom: '2020-01-01',
        validTo: null,
        successorId: null,
        version: 1,
      });
      inserted();
      await gate;
      throw new Error('abort');
    });
    await didInsert; // the writer now holds an open transaction with an uncommitted row
    const reader = db.read((em) => em.getRepository(ProvinceEntity).countBy({ code: 'W1' }));
    await sleep(20);
    release();
    await expect(writer).rejects.toThrow('abort');
    expect(await reader).toBe(0);
  });

  it('refuses a nested call instead of deadlocking', async () => {
    await expect(db.write(() => db.read(() => Promise.resolve(1)))).rejects.toThrow(
      /inside another Db job/,
    );
  });
});
