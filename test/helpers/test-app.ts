import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.setup';
import type { AppConfig } from '../../src/config/app-config';
import { AuthService } from '../../src/auth/auth.service';
import { UsersService } from '../../src/auth/users.service';
import type { Role } from '../../src/domain/auth/permissions';
import { createTestDatabase, type TestDatabase } from './test-db';

const PASSWORD = 'mat-khau-thu-nghiem-2024';

/** A supertest agent whose every request carries the Bearer token. */
function withToken(agent: Agent, token: string): Agent {
  return new Proxy(agent, {
    get(target, prop, receiver) {
      const v: unknown = Reflect.get(target, prop, receiver);
      if (
        typeof prop === 'string' &&
        ['get', 'post', 'put', 'patch', 'delete'].includes(prop) &&
        typeof v === 'function'
      ) {
        return (url: string) =>
          (v as (u: string) => request.Test)
            .call(target, url)
            .set('Authorization', `Bearer ${token}`);
      }
      return v;
    },
  });
}

type Agent = ReturnType<typeof request>;

export interface TestApp {
  app: NestExpressApplication;
  /** Requests as the test administrator (Bearer token). */
  http: () => Agent;
  /** Requests without credentials. */
  anon: () => Agent;
  /** Requests with a given Bearer token. */
  as: (token: string) => Agent;
  adminToken: string;
  /** Creates an account and returns its Bearer token. */
  login: (user: {
    username: string;
    role: Role;
    blocIds?: number[];
    unitId?: number;
    /** The account's organization (issue 21); none when not given. */
    organizationId?: number;
  }) => Promise<string>;
  dataSource: DataSource;
  db: TestDatabase;
  close(): Promise<void>;
}

/** The real application (same module, pipes, filter and middleware as main.ts) on a scratch database. */
export async function createTestApp(
  options: {
    seed?: boolean;
    seedMeeting?: boolean;
    config?: Partial<AppConfig>;
    /** When given, every line the app logs (any level, request lines of pino included) is pushed here. */
    logs?: string[];
  } = {},
): Promise<TestApp> {
  const db = await createTestDatabase({
    SEED_DEMO: options.seed ?? true,
    SEED_DEMO_MEETING: options.seedMeeting ?? false,
    THROTTLE_WRITES_PER_MINUTE: 1_000_000,
    ...options.config,
  });
  const logs = options.logs;
  const keep = logs ? (m: unknown) => void logs.push(String(m)) : () => undefined;
  // pino's request lines (JSON) go to the same list
  const destination = logs ? { write: (line: string) => void logs.push(line) } : undefined;
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot(db.config, destination)],
  })
    .setLogger({
      log: keep,
      warn: keep,
      error: (m) => (logs ? keep(m) : console.error(m)),
      debug: keep,
      verbose: keep,
    })
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false });
  configureApp(app, db.config);
  await app.init();
  const dataSource = app.get<DataSource>(getDataSourceToken());
  const login = async (user: {
    username: string;
    role: Role;
    blocIds?: number[];
    unitId?: number;
    organizationId?: number;
  }): Promise<string> => {
    await app.get(UsersService).create({
      username: user.username,
      displayName: user.username,
      role: user.role,
      password: PASSWORD,
      blocIds: user.blocIds,
      unitId: user.unitId,
      organizationId: user.organizationId,
    });
    return (await app.get(AuthService).login(user.username, PASSWORD, 'BEARER', 'test-helper'))
      .token;
  };
  const adminToken = await login({ username: 'test.admin', role: 'OFFICE_ADMIN' });
  return {
    app,
    adminToken,
    http: () => withToken(request(app.getHttpServer()), adminToken),
    anon: () => request(app.getHttpServer()),
    as: (token: string) => withToken(request(app.getHttpServer()), token),
    login,
    dataSource,
    db,
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}

/**
 * A second instance of the app on the same database (no seeding), as behind a load balancer: it
 * shares nothing with the first but the database. Requests carry the first instance's admin token.
 */
export async function createSecondInstance(
  first: TestApp,
): Promise<{ http: () => Agent; as: (token: string) => Agent; close: () => Promise<void> }> {
  const config = { ...first.db.config, SEED_DEMO: false };
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] })
    .setLogger({
      log: () => undefined,
      warn: () => undefined,
      error: (m) => console.error(m),
      debug: () => undefined,
      verbose: () => undefined,
    })
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false });
  configureApp(app, config);
  await app.init();
  return {
    http: () => withToken(request(app.getHttpServer()), first.adminToken),
    as: (token: string) => withToken(request(app.getHttpServer()), token),
    close: () => app.close(),
  };
}

/** Row counts of every table, to prove a rejected request wrote nothing. */
export async function rowCounts(ds: DataSource): Promise<Record<string, number>> {
  // One statement for every table (one round trip instead of one per table: the fuzz test counts
  // before and after each of its thousands of requests).
  const tables = ds.entityMetadatas.map((meta) => meta.tableName);
  const rows = await ds.query<{ t: string; n: string | number }[]>(
    tables.map((t) => `SELECT '${t}' AS t, COUNT(*) AS n FROM "${t}"`).join(' UNION ALL '),
  );
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = 0;
  for (const r of rows) out[r.t] = Number(r.n);
  return out;
}
