import type { DataSource } from 'typeorm';
import { AuthRepository } from '../../src/auth/auth.repository';
import { createSecondInstance, createTestApp, type TestApp } from '../helpers/test-app';
import { onPostgres, openDataSource } from '../helpers/test-db';

/**
 * Issue 19: a session verified in the database is kept in memory for a few seconds (SessionCache),
 * and nothing that ends or narrows it is honoured afterwards, whichever instance or connection made
 * the change: logout, disabling, a new password, SQL typed by hand; and a kept session still expires.
 */
describe('sessions kept in memory for a few seconds', () => {
  let a: TestApp;
  let b: Awaited<ReturnType<typeof createSecondInstance>>;
  /** Another connection, as psql or a command-line tool would be. */
  let other: DataSource;
  let blocIds: number[];
  let n = 0;

  beforeAll(async () => {
    a = await createTestApp({ seed: true });
    b = await createSecondInstance(a);
    other = await openDataSource(a.db.config, false);
    const first = (await a.http().get('/api/blocs').expect(200)).body.items[0].id as number;
    const second = (
      await a
        .http()
        .post('/api/blocs')
        .send({ code: 'HD-PHIEN', name: 'Cụm thử phiên', kind: 'CUM', provinceId: 1 })
        .expect(201)
    ).body.id as number;
    blocIds = [first, second];
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await other.destroy();
    await b.close();
    await a.close();
  });
  afterEach(() => jest.restoreAllMocks());

  /** A new bloc secretary signed in, with the session verified (and kept) on both instances. */
  async function signedIn(): Promise<{ token: string; id: number; username: string }> {
    n += 1;
    const username = `tk.phien${n}`;
    const token = await a.login({ username, role: 'BLOC_SECRETARY', blocIds });
    for (const side of [a, b])
      for (let i = 0; i < 2; i++) await side.as(token).get('/api/auth/me').expect(200);
    const id = (await a.as(token).get('/api/auth/me').expect(200)).body.user.id as number;
    return { token, id, username };
  }

  const both = (token: string, status: number) =>
    Promise.all([a, b].map((side) => side.as(token).get('/api/auth/me').expect(status)));

  it('has the triggers that count what ends a session (a table rebuilt without them fails here)', async () => {
    const rows = onPostgres
      ? await other.query<{ tbl: string; ev: string }[]>(
          `SELECT DISTINCT event_object_table AS tbl, event_manipulation AS ev FROM information_schema.triggers
            WHERE trigger_schema = current_schema() AND action_statement LIKE '%session_generation_bump%'`,
        )
      : (
          await other.query<{ tbl: string; sql: string }[]>(
            `SELECT tbl_name AS tbl, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%"session_generation"%'`,
          )
        ).map((r) => ({ tbl: r.tbl, ev: /AFTER (\w+)/.exec(r.sql)![1]!.toUpperCase() }));
    const got = rows.map((r) => `${r.tbl}:${r.ev}`).sort();
    expect(got).toEqual([
      'auth_session:DELETE',
      'auth_session:UPDATE',
      'bloc_member:DELETE',
      'bloc_member:INSERT',
      'bloc_member:UPDATE',
      'bloc_term:DELETE',
      'bloc_term:UPDATE',
      'user_account:DELETE',
      'user_account:UPDATE',
      'user_bloc_scope:DELETE',
      'user_bloc_scope:INSERT',
      'user_bloc_scope:UPDATE',
    ]);
  });

  it('looks a session up once, then serves it from memory while nothing that ends one changes', async () => {
    const { token } = await signedIn();
    const lookups = jest.spyOn(a.app.get(AuthRepository), 'findSession');
    await a.as(token).get('/api/auth/me').expect(200);
    await a.as(token).get('/api/blocs').expect(200);
    // a sign-in, and writes to the data (not to accounts or sessions), end no session
    await a.login({ username: 'tk.khac', role: 'OFFICE_STAFF' });
    await a.as(token).get('/api/auth/me').expect(200);
    expect(lookups).not.toHaveBeenCalled();
  });

  it('a logout on one instance ends the session on both at once', async () => {
    const { token } = await signedIn();
    await b.as(token).post('/api/auth/logout').expect(204);
    await both(token, 401);
  });

  it('disabling an account or changing its password on one instance ends its sessions on the other', async () => {
    for (const change of [{ active: false }, { password: 'mat-khau-moi-rat-dai-2025' }]) {
      const { token, id } = await signedIn();
      const user = (await b.http().get('/api/users').expect(200)).body as {
        id: number;
        version: number;
      }[];
      const version = user.find((u) => u.id === id)!.version;
      await b
        .http()
        .patch(`/api/users/${id}`)
        .send({ version, ...change })
        .expect(200);
      await both(token, 401);
    }
  });

  it('a session revoked or an account changed by SQL on another connection is not honoured', async () => {
    const revoked = await signedIn();
    await other.query(
      `UPDATE "auth_session" SET "revoked_at" = '2025-01-01T00:00:00.000Z' WHERE "user_id" = ${revoked.id}`,
    );
    await both(revoked.token, 401);

    const disabled = await signedIn();
    await other.query(
      `UPDATE "user_account" SET "active" = ${onPostgres ? 'false' : '0'} WHERE "id" = ${disabled.id}`,
    );
    await both(disabled.token, 401);

    const deleted = await signedIn();
    await other.query(`DELETE FROM "auth_session" WHERE "user_id" = ${deleted.id}`);
    await both(deleted.token, 401);

    // narrowed: one bloc taken away, and a new name, seen on both instances at once
    const narrowed = await signedIn();
    await other.query(
      `DELETE FROM "user_bloc_scope" WHERE "user_id" = ${narrowed.id} AND "bloc_id" = ${blocIds[1]}`,
    );
    await other.query(
      `UPDATE "user_account" SET "display_name" = 'Tên mới' WHERE "id" = ${narrowed.id}`,
    );
    for (const side of [a, b]) {
      const me = (await side.as(narrowed.token).get('/api/auth/me').expect(200)).body.user as {
        displayName: string;
        blocIds: number[];
      };
      expect(me).toMatchObject({ displayName: 'Tên mới', blocIds: [blocIds[0]] });
    }
  });

  it('a kept session still expires, without any write', async () => {
    const { token, id } = await signedIn();
    const realNow = Date.now();
    // five seconds of life left (the change is counted: both instances verify it again and keep it)
    await other.query(
      `UPDATE "auth_session" SET "expires_at" = '${new Date(realNow + 5_000).toISOString()}' WHERE "user_id" = ${id}`,
    );
    await both(token, 200);
    const lookups = jest.spyOn(a.app.get(AuthRepository), 'findSession');
    await a.as(token).get('/api/auth/me').expect(200);
    expect(lookups).not.toHaveBeenCalled(); // kept, and kept for longer than it has to live
    jest.spyOn(Date, 'now').mockReturnValue(realNow + 6_000);
    await both(token, 401);
  });
});
