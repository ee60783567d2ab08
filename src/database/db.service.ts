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

const COUNT_SQL = 'SELECT "generation", "token" FROM "read_generation" WHERE "id" = 1';

type CountRow = { generation: number | string; token: string };

const SESSION_COUNT_SQL = 'SELECT "generation", "token" FROM "session_generation" WHERE "id" = 1';

/** PostgreSQL: both counts in one round trip. */
const BOTH_COUNTS_SQL = `SELECT s."generation" AS "generation", s."token" AS "token",
  r."generation" AS "readGeneration", r."token" AS "readToken"
  FROM "session_generation" s CROSS JOIN "read_generation" r WHERE s."id" = 1 AND r."id" = 1`;

/** The change count and its token as one string (the token: a restore may bring the number back). */
const countOf = (row: CountRow | undefined): string | null =>
  row ? `${String(row.generation)}:${row.token}` : null;

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
  private readonly cache = new Map<string, { generation: string; value: unknown }>();
  /** Values readCached returned, with their JSON once a response has needed it. */
  private readonly kept = new WeakMap<object, KeptBody | null>();
  private countStatement: BetterSqlite3.Statement | null = null;
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
   * A read whose result is kept and returned again, without running `work`, while nothing has been
   * written since: the `read_generation` count (bumped by triggers in every changing transaction,
   * from any instance or tool) is read first, in the same job, and must equal the one the value was
   * computed at. Reading the count before the data means a kept value is never older than its count.
   * Only for reads that depend on nothing but the database and `key` (no caller, no clock); the value
   * is frozen, so a caller that would change it fails loudly instead of corrupting the next reader's.
   *
   * SQLite: a kept value is first looked up without queueing, with the count read straight from the
   * connection, so hot reads do not wait behind writes. The connection may then be inside another
   * job's transaction and the count include its uncommitted changes; but every changed row bumps the
   * count and replaces the token in the same statement, and kept values are computed inside a queued
   * job (committed data only), so the count equals a kept value's only if nothing, committed or not,
   * has changed since that value was computed. Otherwise the read queues as usual.
   *
   * PostgreSQL: when this request's sign-in check read the count with the session count (one round
   * trip, sessionCount) and the request has written nothing since, a kept value filed under that
   * count is returned without another query: it is the data as it was during this request.
   */
  readCached<T>(key: string, work: (em: EntityManager) => Promise<T>): Promise<T> {
    if (!this.inside.getStore()) {
      const kept = this.cache.get(key);
      const now = this.serialised ? this.sqliteCountNow() : requestContext.getStore()?.readCount;
      if (kept && now && kept.generation === now) return Promise.resolve(this.hit<T>(key));
    }
    return this.read(async (em) => {
      const generation = countOf((await em.query<CountRow[]>(COUNT_SQL))[0]);
      if (generation === null) return work(em); // the count's row is gone: compute, keep nothing
      if (this.cache.get(key)?.generation === generation) return this.hit<T>(key);
      const value = deepFreeze(await work(em));
      if (value !== null && typeof value === 'object') this.kept.set(value, null);
      this.cache.delete(key);
      this.cache.set(key, { generation, value });
      if (this.cache.size > READ_CACHE_ENTRIES) {
        this.cache.delete(this.cache.keys().next().value as string);
      }
      return value;
    });
  }

  /** The kept value of `key`, marked most recently used. */
  private hit<T>(key: string): T {
    const kept = this.cache.get(key)!;
    this.cache.delete(key);
    this.cache.set(key, kept);
    return kept.value as T;
  }

  /**
   * The count of changes that can end or narrow a session (`session_generation`, bumped by
   * triggers; see SessionCache), with its token. SQLite: read synchronously on the connection, as
   * sqliteCountNow (it may include an open transaction's uncommitted bump: the token then names a
   * state that a rollback discards, never one seen again). PostgreSQL: one query, which also notes
   * the change count of kept reads for the rest of the request (see readCached).
   */
  async sessionCount(): Promise<string | null> {
    if (this.serialised) {
      this.sessionCountStatement ??= rawSqlite(this.dataSource).prepare(SESSION_COUNT_SQL);
      return countOf(this.sessionCountStatement.get() as CountRow | undefined);
    }
    const rows =
      await this.dataSource.query<
        (CountRow & { readGeneration: number | string; readToken: string })[]
      >(BOTH_COUNTS_SQL);
    const row = rows[0];
    const store = requestContext.getStore();
    if (store)
      store.readCount = row
        ? countOf({ generation: row.readGeneration, token: row.readToken })
        : null;
    return countOf(row);
  }

  /** SQLite: the count read synchronously on the connection (outside the queue; see readCached). */
  private sqliteCountNow(): string | null {
    this.countStatement ??= rawSqlite(this.dataSource).prepare(COUNT_SQL);
    return countOf(this.countStatement.get() as CountRow | undefined);
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
