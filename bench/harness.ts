/* Databases, in-process app contexts and server processes for the benchmark. */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { UsersService } from '../src/auth/users.service';
import { loadConfig, type AppConfig } from '../src/config/app-config';
import { msSince } from './stats';

export type DbKind = 'sqlite' | 'pg';

/** The PostgreSQL server the tests use; the benchmark creates its own databases there and drops them. */
export const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface BenchDb {
  kind: DbKind;
  url: string;
  drop(): Promise<void>;
}

/** A fresh empty database: a SQLite file in a temporary folder, or a new PostgreSQL database. */
export async function createDb(kind: DbKind, name: string): Promise<BenchDb> {
  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `thidua-bench-${name}-`));
    return {
      kind,
      url: `sqlite:${path.join(dir, `${name}.sqlite`)}`,
      drop: () => Promise.resolve(fs.rmSync(dir, { recursive: true, force: true })),
    };
  }
  const db = `thidua_bench_${name}_${process.pid}`;
  const admin = new DataSource({ type: 'postgres', url: PG_ADMIN_URL });
  await admin.initialize();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${db}"`);
    await admin.query(`CREATE DATABASE "${db}"`);
  } finally {
    await admin.destroy();
  }
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${db}`;
  return {
    kind,
    url: url.toString(),
    drop: async () => {
      const a = new DataSource({ type: 'postgres', url: PG_ADMIN_URL });
      await a.initialize();
      try {
        await a.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
      } finally {
        await a.destroy();
      }
    },
  };
}

/** Environment of the app on a benchmark database (demo reference data, quiet logs, no write limit). */
export function benchEnv(db: BenchDb): Record<string, string> {
  return {
    DATABASE_URL: db.url,
    DATABASE_SCHEMA: '',
    SEED_DEMO: 'true',
    SEED_DEMO_MEETING: 'true',
    NODE_ENV: 'test',
    LOG_LEVEL: 'error',
    THROTTLE_WRITES_PER_MINUTE: '100000000',
    DB_POOL_SIZE: '10',
  };
}

export function benchConfig(db: BenchDb): AppConfig {
  return loadConfig({ ...process.env, ...benchEnv(db) });
}

/** The application (no HTTP listener) on a database: migrated and seeded at init, as `npm start` does. */
export async function openContext(db: BenchDb): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(benchConfig(db)), {
    logger: ['error'],
  });
  await app.init();
  return app;
}

export const BENCH_PASSWORD = 'mat-khau-do-hieu-nang-2024';
export const BENCH_USERS = ['bench.quantri', 'bench.nhap1', 'bench.nhap2'] as const;

/** Accounts for the benchmark (office administrators), created with the project's user code. */
export async function createBenchUsers(app: INestApplicationContext): Promise<void> {
  const users = app.get(UsersService);
  for (const username of BENCH_USERS)
    await users.create({
      username,
      displayName: `Tài khoản đo hiệu năng ${username}`,
      role: 'OFFICE_ADMIN',
      password: BENCH_PASSWORD,
    });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface Server {
  baseUrl: string;
  pid: number;
  /** From spawn to the first 200 of GET /api/health. */
  startupMs: number;
  /** Resident set size of the server process now (Linux /proc), in MiB. */
  rssMiB(): number;
  /** The last lines the server wrote (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Spawns `node <script>` on the database and waits for GET /api/health = 200 (polled every 10 ms);
 * `env` overrides the bench environment (e.g. the write limit).
 */
export async function startServer(
  script: string,
  db: BenchDb,
  nodeArgs: string[] = [],
  env: Record<string, string> = {},
): Promise<Server> {
  const port = await freePort();
  const start = process.hrtime.bigint();
  const child = spawn(process.execPath, [...nodeArgs, script], {
    cwd: path.dirname(path.dirname(path.dirname(script))),
    env: { ...process.env, ...benchEnv(db), ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (b: Buffer) => {
    out = (out + b.toString('utf8')).slice(-8000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const baseUrl = `http://127.0.0.1:${port}`;
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (exited()) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    });
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exited()) throw new Error(`server exited during start:\n${out}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`server not healthy after 120 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  const startupMs = msSince(start);
  return {
    baseUrl,
    pid: child.pid!,
    startupMs,
    rssMiB: () => {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
      return kb / 1024;
    },
    output: () => out,
    stop,
  };
}

/** JSON HTTP client with a Bearer token. */
export class Api {
  constructor(
    readonly baseUrl: string,
    readonly token: string | null = null,
  ) {}

  static async login(baseUrl: string, username: string): Promise<Api> {
    const res = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: BENCH_PASSWORD, mode: 'token' }),
    });
    const body = (await res.json()) as { token?: string };
    if (res.status >= 300 || !body.token)
      throw new Error(`login ${username}: ${res.status} ${JSON.stringify(body)}`);
    return new Api(baseUrl, body.token);
  }

  /** Told of every request with its time (bench/day-only.ts `--routes`); none by default. */
  static observe: ((method: string, url: string, ms: number) => void) | null = null;

  async call<T = unknown>(
    method: string,
    url: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    const start = process.hrtime.bigint();
    const res = await fetch(`${this.baseUrl}${url}`, {
      method,
      headers: {
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    Api.observe?.(method, url, msSince(start));
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  }

  /** Like call(), but throws on a status ≥ 300. */
  async ok<T = unknown>(method: string, url: string, body?: unknown): Promise<T> {
    const r = await this.call<T>(method, url, body);
    if (r.status >= 300)
      throw new Error(`${method} ${url}: ${r.status} ${JSON.stringify(r.body).slice(0, 600)}`);
    return r.body;
  }
}
