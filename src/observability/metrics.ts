import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DataSource } from 'typeorm';
import { Db } from '../database/db.service';
import { routeOf } from './logging';

/** The pg pool behind TypeORM's PostgreSQL driver (the fields prom-client reads). */
interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/**
 * The application's metrics in the Prometheus format (prom-client), on a registry of its own (two
 * app instances in one process, as in the tests, do not share one): request durations by route
 * pattern, count entries, kept reads served and computed, the database's pool (PostgreSQL) or
 * write queue (SQLite), and Node's process metrics (memory, event loop, garbage collection).
 * Served by `GET /metrics` only with the METRICS_TOKEN bearer token (see configureApp).
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();
  private readonly requests: Histogram<'method' | 'route' | 'status_code'>;
  private readonly countEntries: Counter;
  private readonly countEntrySeconds: Histogram;

  constructor(db: Db, @InjectDataSource() dataSource: DataSource) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Histogram({
      name: 'thidua_http_request_duration_seconds',
      help: 'HTTP requests by route pattern (never the raw URL), method and status',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.countEntries = new Counter({
      name: 'thidua_count_entries_total',
      help: 'Count entries (vote counts typed for a ballot) recorded',
      registers,
    });
    this.countEntrySeconds = new Histogram({
      name: 'thidua_count_entry_duration_seconds',
      help: 'Time to record one count entry with its comparison and tally (its transaction)',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers,
    });
    const counted = { hits: 0, misses: 0 };
    const keptReads = new Counter({
      name: 'thidua_kept_reads_total',
      help: 'Kept (cached) reads: hit = served without computing, miss = computed',
      labelNames: ['result'],
      registers,
      collect() {
        keptReads.inc({ result: 'hit' }, db.cacheStats.hits - counted.hits);
        keptReads.inc({ result: 'miss' }, db.cacheStats.misses - counted.misses);
        counted.hits = db.cacheStats.hits;
        counted.misses = db.cacheStats.misses;
      },
    });
    new Gauge({
      name: 'thidua_kept_reads_entries',
      help: 'Values kept by this instance (at most 500)',
      registers,
      collect() {
        this.set(db.keptEntries);
      },
    });
    if (db.kind === 'postgres') {
      const pool = (dataSource.driver as unknown as { master?: PgPool }).master;
      new Gauge({
        name: 'thidua_db_pool_connections',
        help: 'PostgreSQL pool: connections open (total), idle, and requests waiting for one',
        labelNames: ['state'],
        registers,
        collect() {
          if (!pool) return;
          this.set({ state: 'total' }, pool.totalCount);
          this.set({ state: 'idle' }, pool.idleCount);
          this.set({ state: 'waiting' }, pool.waitingCount);
        },
      });
    } else {
      new Gauge({
        name: 'thidua_db_write_queue_length',
        help: 'SQLite: database jobs waiting or running on the one connection (its write queue)',
        registers,
        collect() {
          this.set(db.queued);
        },
      });
    }
  }

  /** Express middleware timing every request, labelled by the route pattern that answered it. */
  readonly middleware = (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const start = process.hrtime.bigint();
    res.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      this.requests.observe(
        { method: req.method ?? '', route: routeOf(req), status_code: String(res.statusCode) },
        seconds,
      );
    });
    next();
  };

  /** One count entry recorded, and the time its transaction took. */
  countEntry(seconds: number): void {
    this.countEntries.inc();
    this.countEntrySeconds.observe(seconds);
  }

  /** Whether `authorization` carries the configured token (compared in constant time). */
  static allowed(token: string, authorization: string | undefined): boolean {
    if (!token || !authorization?.startsWith('Bearer ')) return false;
    return timingSafeEqual(sha256(authorization.slice('Bearer '.length)), sha256(token));
  }
}
