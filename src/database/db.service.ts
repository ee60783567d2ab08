import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type BetterSqlite3 from 'better-sqlite3';
import { requestContext } from '../common/http/request-context';
import { rawSqlite } from './schema-guard';
import { SerialQueue } from './serial-queue';

/** A kept value's JSON and entity tag. */
export interface KeptBody {
  json: string;
  etag: string;
}

/** Values kept by readCached per instance, least recently used dropped first. */
const READ_CACHE_ENTRIES = 500;

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

type CountRow = { generation: number | string; token: string };

/** The count and its token as one string (the token: a restore may bring the number back). */
const countOf = (row: CountRow | undefined): string | null =>
  row ? `${String(row.generation)}:${row.token}` : null;

/**
 * The counts a kept value was computed at: `shared`, of changes without a scope (`read_generation`,
 * every table but the scoped ones, and any table added later); `any`, of every change with a scope
 * (`read_scope` row `*`); and the counts of the value's own scopes (null: the scope's row does not
 * exist yet).
 */
interface Counts {
  shared: string;
  any: string | null;
}

/** shared, `*` and the given scopes in one statement (one snapshot), as rows (scope, generation, token). */
function countsSql(scopes: number, placeholder: (i: number) => string): string {
  const list = ["'*'", ...Array.from({ length: scopes }, (_, i) => placeholder(i))].join(', ');
  return `SELECT '' AS "scope", "generation", "token" FROM "read_generation" WHERE "id" = 1
    UNION ALL SELECT "scope", "generation", "token" FROM "read_scope" WHERE "scope" IN (${list})`;
}

type ScopeRow = CountRow & { scope: string };

/** Rows of countsSql as the shared count (null: its row is gone), `*` and the scopes' counts. */
function parseCounts(
  rows: ScopeRow[],
  scopes: readonly string[],
): { counts: Counts | null; scopes: Map<string, string | null> } {
  const byScope = new Map(rows.map((r) => [r.scope, countOf(r)]));
  const shared = byScope.get('') ?? null;
  return {
    counts: shared === null ? null : { shared, any: byScope.get('*') ?? null },
    scopes: new Map(scopes.map((sc) => [sc, byScope.get(sc) ?? null])),
  };
}

const SESSION_COUNT_SQL = 'SELECT "generation", "token" FROM "session_generation" WHERE "id" = 1';

/** PostgreSQL: the session count and both counts of kept reads in one round trip. */
const SESSION_AND_READ_COUNTS_SQL = `SELECT s."generation" AS "generation", s."token" AS "token",
  r."generation" AS "readGeneration", r."token" AS "readToken",
  a."generation" AS "anyGeneration", a."token" AS "anyToken"
  FROM "session_generation" s CROSS JOIN "read_generation" r
  LEFT JOIN "read_scope" a ON a."scope" = '*'
  WHERE s."id" = 1 AND r."id" = 1`;

/** Names of the scopes a kept value can depend on; the database triggers write the same names. */
export const ReadScopes = {
  blocYear: (blocId: number, year: number) => `bloc-year:${blocId}:${year}`,
  provinceYear: (provinceId: number, year: number) => `province-year:${provinceId}:${year}`,
};

interface KeptEntry {
  shared: string;
  any: string | null;
  /** null: the value depends on every change (no scope given). */
  scopes: Map<string, string | null> | null;
  value: unknown;
}

/**
 * The only door to the database for services. `write` runs a unit of work in one transaction
 * (data and its audit row commit or roll back together); `read` runs queries outside one.
 * On SQLite both go through one FIFO queue because the driver shares a single connection and
 * transaction state; on PostgreSQL each call gets its own pooled connection.
 */
@Injectable()
export class Db {
  private readonly queue = new SerialQueue();
  private readonly serialised: boolean;
  private readonly inside = new AsyncLocalStorage<true>();
  private readonly cache = new Map<string, KeptEntry>();
  /** Values readCached returned, with their JSON once a response has needed it. */
  private readonly kept = new WeakMap<object, KeptBody | null>();
  /** SQLite: countsSql prepared by number of scopes. */
  private readonly countStatements = new Map<number, BetterSqlite3.Statement>();
  /** Kept reads served without computing (hits) and computed (misses), for /metrics. */
  readonly cacheStats = { hits: 0, misses: 0 };
  private sessionCountStatement: BetterSqlite3.Statement | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.serialised = dataSource.options.type === 'better-sqlite3';
  }

  get kind(): 'sqlite' | 'postgres' {
    return this.serialised ? 'sqlite' : 'postgres';
  }

  write<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    this.assertNotNested();
    // What this request reads next must see its own write (see sessionCount and readCached).
    const store = requestContext.getStore();
    if (store) store.readCount = undefined;
    const job = () => this.inside.run(true, () => this.dataSource.transaction((em) => work(em)));
    return this.serialised ? this.queue.run(job) : job();
  }

  read<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    this.assertNotNested();
    const job = () => this.inside.run(true, () => work(this.dataSource.manager));
    return this.serialised ? this.queue.run(job) : job();
  }

  /**
   * A read whose result is kept and returned again, without running `work`, while nothing it depends
   * on has been written since. Database triggers count changes in the changing transaction, from any
   * instance or tool: in `read_scope`, per scope, for the tables whose rows belong to a bloc term
   * (a changed score sheet, ballot or nomination bumps its bloc-year and its province-year), and in
   * `read_generation` for every other table (a table added later included: a change without a scope
   * discards every kept value). A kept value is returned while `read_generation` and its own scopes'
   * counts (`scopesOf(value)`) are those it was computed at; without `scopesOf` it depends on every
   * change. The `*` count (every scoped change) lets a value be returned without reading its scopes
   * when nothing at all has changed.
   *
   * The counts are read before the data and again after it, in the same job: the value is kept only
   * if no change was committed in between (both counts unchanged), so a kept value is never older
   * than the counts it is filed under. Only for reads that depend on nothing but the database and
   * `key` (no caller, no clock); the value is frozen, so a caller that would change it fails loudly
   * instead of corrupting the next reader's.
   *
   * SQLite: a kept value is first looked up without queueing, with the counts read straight from the
   * connection, so hot reads do not wait behind writes. The connection may then be inside another
   * job's transaction and the counts include its uncommitted changes; but every changed row bumps a
   * count and replaces its token in the same statement, and kept values are computed inside a queued
   * job (committed data only), so the counts equal a kept value's only if nothing it depends on,
   * committed or not, has changed since it was computed. Otherwise the read queues as usual.
   *
   * PostgreSQL: when this request's sign-in check read the counts with the session count (one round
   * trip, sessionCount) and the request has written nothing since, a kept value filed under those
   * counts is returned without another query: it is the data as it was during this request.
   */
  readCached<T>(
    key: string,
    work: (em: EntityManager) => Promise<T>,
    scopesOf?: (value: T) => readonly string[],
  ): Promise<T> {
    if (!this.inside.getStore()) {
      const kept = this.cache.get(key);
      if (kept) {
        if (this.serialised) {
          if (this.fresh(kept, (scopes) => this.sqliteCountsNow(scopes)))
            return Promise.resolve(this.hit<T>(key));
        } else {
          const now = requestContext.getStore()?.readCount;
          if (now && now.shared === kept.shared && now.any === kept.any)
            return Promise.resolve(this.hit<T>(key));
        }
      }
    }
    return this.read(async (em) => {
      const counts = (scopes: readonly string[]) => this.countsIn(em, scopes);
      const before = (await counts([])).counts;
      if (before === null) return work(em); // the count's row is gone: compute, keep nothing
      const kept = this.cache.get(key);
      if (kept && (await this.freshAsync(kept, before, counts))) return this.hit<T>(key);
      this.cacheStats.misses += 1;
      const value = deepFreeze(await work(em));
      const scopes = scopesOf ? scopesOf(value) : null;
      const after = await counts(scopes ?? []);
      // Something committed while the value was computed: return it, keep nothing.
      if (after.counts?.shared !== before.shared || after.counts.any !== before.any) return value;
      if (value !== null && typeof value === 'object') this.kept.set(value, null);
      this.cache.delete(key);
      this.cache.set(key, { ...before, scopes: scopes ? after.scopes : null, value });
      if (this.cache.size > READ_CACHE_ENTRIES) {
        this.cache.delete(this.cache.keys().next().value as string);
      }
      return value;
    });
  }

  /**
   * Whether a kept value still holds (SQLite, outside the queue): the counts and its scopes' read in
   * one statement. When only other scopes changed, the entry is filed under the new `*` count.
   */
  private fresh(
    kept: KeptEntry,
    read: (scopes: readonly string[]) => ReturnType<typeof parseCounts>,
  ): boolean {
    const now = read(kept.scopes ? [...kept.scopes.keys()] : []);
    if (!now.counts || now.counts.shared !== kept.shared) return false;
    if (now.counts.any === kept.any) return true;
    return kept.scopes !== null && this.sameScopes(kept, now);
  }

  /** fresh, in a job, from counts already read. */
  private async freshAsync(
    kept: KeptEntry,
    before: Counts,
    read: (scopes: readonly string[]) => Promise<ReturnType<typeof parseCounts>>,
  ): Promise<boolean> {
    if (before.shared !== kept.shared) return false;
    if (before.any === kept.any) return true;
    if (!kept.scopes) return false;
    return this.sameScopes(kept, await read([...kept.scopes.keys()]));
  }

  private sameScopes(kept: KeptEntry, now: ReturnType<typeof parseCounts>): boolean {
    if (!now.counts || now.counts.shared !== kept.shared) return false;
    for (const [scope, count] of kept.scopes!) if (now.scopes.get(scope) !== count) return false;
    kept.any = now.counts.any; // the value holds at this `*` count too
    return true;
  }

  /** The shared and `*` counts and those of `scopes`, in one statement. */
  private async countsIn(em: EntityManager, scopes: readonly string[]) {
    const postgres = !this.serialised;
    const sql = countsSql(scopes.length, (i) => (postgres ? `$${i + 1}` : '?'));
    return parseCounts(await em.query<ScopeRow[]>(sql, [...scopes]), scopes);
  }

  /** The kept value of `key`, marked most recently used. */
  private hit<T>(key: string): T {
    const kept = this.cache.get(key)!;
    this.cache.delete(key);
    this.cache.set(key, kept);
    this.cacheStats.hits += 1;
    return kept.value as T;
  }

  /**
   * The count of changes that can end or narrow a session (`session_generation`, bumped by
   * triggers; see SessionCache), with its token. SQLite: read synchronously on the connection, as
   * sqliteCountsNow (it may include an open transaction's uncommitted bump: the token then names a
   * state that a rollback discards, never one seen again). PostgreSQL: one query, which also notes
   * the change count of kept reads for the rest of the request (see readCached).
   */
  async sessionCount(): Promise<string | null> {
    if (this.serialised) {
      this.sessionCountStatement ??= rawSqlite(this.dataSource).prepare(SESSION_COUNT_SQL);
      return countOf(this.sessionCountStatement.get() as CountRow | undefined);
    }
    const rows = await this.dataSource.query<
      (CountRow & {
        readGeneration: number | string;
        readToken: string;
        anyGeneration: number | string | null;
        anyToken: string | null;
      })[]
    >(SESSION_AND_READ_COUNTS_SQL);
    const row = rows[0];
    const store = requestContext.getStore();
    if (store)
      store.readCount = row
        ? {
            shared: countOf({ generation: row.readGeneration, token: row.readToken })!,
            any:
              row.anyToken === null
                ? null
                : countOf({ generation: row.anyGeneration!, token: row.anyToken }),
          }
        : null;
    return countOf(row);
  }

  /** SQLite: the counts read synchronously on the connection (outside the queue; see readCached). */
  private sqliteCountsNow(scopes: readonly string[]): ReturnType<typeof parseCounts> {
    let statement = this.countStatements.get(scopes.length);
    if (!statement) {
      statement = rawSqlite(this.dataSource).prepare(countsSql(scopes.length, () => '?'));
      this.countStatements.set(scopes.length, statement);
    }
    return parseCounts(statement.all(...scopes) as ScopeRow[], scopes);
  }

  /**
   * The JSON of a value readCached returned, with its entity tag (undefined for any other value),
   * computed once: the value is frozen, so neither can change. Lets a response reuse them
   * (KeptJsonInterceptor).
   */
  keptJson(value: unknown): KeptBody | undefined {
    if (value === null || typeof value !== 'object') return undefined;
    const body = this.kept.get(value);
    if (body === undefined) return undefined;
    if (body !== null) return body;
    const json = JSON.stringify(value);
    // Express's own weak ETag format (length and SHA-1 of the body), so clients see no difference.
    const hash = createHash('sha1').update(json, 'utf8').digest('base64').substring(0, 27);
    const made = { json, etag: `W/"${Buffer.byteLength(json, 'utf8').toString(16)}-${hash}"` };
    this.kept.set(value, made);
    return made;
  }

  /** Values kept by readCached in this instance. */
  get keptEntries(): number {
    return this.cache.size;
  }

  /** Jobs waiting or running on the SQLite queue (0 on PostgreSQL). */
  get queued(): number {
    return this.queue.size;
  }

  private assertNotNested(): void {
    if (this.inside.getStore()) {
      // A nested call would wait for itself on the SQLite queue: pass the EntityManager instead.
      throw new Error(
        'Db.read/Db.write called inside another Db job; pass the EntityManager down instead',
      );
    }
  }
}
