import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.setup';
import type { AppConfig } from '../../src/config/app-config';
import { createTestDatabase, type TestDatabase } from './test-db';

export interface TestApp {
  app: NestExpressApplication;
  http: () => ReturnType<typeof request>;
  dataSource: DataSource;
  db: TestDatabase;
  close(): Promise<void>;
}

/** The real application (same module, pipes, filter and middleware as main.ts) on a scratch database. */
export async function createTestApp(
  options: { seed?: boolean; seedMeeting?: boolean; config?: Partial<AppConfig> } = {},
): Promise<TestApp> {
  const db = await createTestDatabase({
    SEED_DEMO: options.seed ?? true,
    SEED_DEMO_MEETING: options.seedMeeting ?? false,
    ...options.config,
  });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(db.config)] })
    .setLogger({
      log: () => undefined,
      warn: () => undefined,
      error: (m) => console.error(m),
      debug: () => undefined,
      verbose: () => undefined,
    })
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false });
  configureApp(app, db.config);
  await app.init();
  const dataSource = app.get<DataSource>(getDataSourceToken());
  return {
    app,
    http: () => request(app.getHttpServer()),
    dataSource,
    db,
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}

/** Row counts of every table, to prove a rejected request wrote nothing. */
export async function rowCounts(ds: DataSource): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const meta of ds.entityMetadatas) {
    const rows = await ds.query<{ n: string | number }[]>(
      `SELECT COUNT(*) AS n FROM "${meta.tableName}"`,
    );
    out[meta.tableName] = Number(rows[0]?.n ?? 0);
  }
  return out;
}
