import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Test } from '@nestjs/testing';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { ENTITIES } from '../../src/app/entities';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { Db } from '../../src/database/db.service';
import { prepareDatabase } from '../../src/database/schema-guard';

/** True when the suite runs against PostgreSQL (`DATABASE_URL=postgres://…`). */
export const onPostgres = (process.env.DATABASE_URL ?? '').startsWith('postgres');

export interface TestDatabase {
  config: AppConfig;
  /** Removes the scratch SQLite file or PostgreSQL schema. */
  drop(): Promise<void>;
}

/**
 * A fresh, empty database for one test suite, on the driver the run is for: a temporary SQLite
 * file (WAL needs a real file), or a new schema in the PostgreSQL database of DATABASE_URL.
 */
export async function createTestDatabase(
  overrides: Partial<AppConfig> = {},
): Promise<TestDatabase> {
  const base = loadConfig({ ...process.env, SEED_DEMO: 'false', NODE_ENV: 'test' });
  const tag = `t_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  if (!onPostgres) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-test-'));
    const config = Object.assign(
      new AppConfig(),
      base,
      {
        DATABASE_URL: `sqlite:${path.join(dir, `${tag}.sqlite`)}`,
        AUDIT_KEY_FILE: path.join(dir, 'audit.key'),
      },
      overrides,
    );
    return {
      config,
      drop: () => Promise.resolve(fs.rmSync(dir, { recursive: true, force: true })),
    };
  }
  const admin = new DataSource({ type: 'postgres', url: base.DATABASE_URL });
  await admin.initialize();
  await admin.query(`CREATE SCHEMA "${tag}"`);
  await admin.destroy();
  // The audit key lives outside the database: a scratch folder per suite.
  const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-key-'));
  const config = Object.assign(
    new AppConfig(),
    base,
    { DATABASE_SCHEMA: tag, AUDIT_KEY_FILE: path.join(keyDir, 'audit.key') },
    overrides,
  );
  return {
    config,
    drop: async () => {
      fs.rmSync(keyDir, { recursive: true, force: true });
      const a = new DataSource({ type: 'postgres', url: base.DATABASE_URL });
      await a.initialize();
      await a.query(`DROP SCHEMA IF EXISTS "${tag}" CASCADE`);
      await a.destroy();
    },
  };
}

/** An initialised, migrated DataSource on a test database (for service and database tests). */
export async function openDataSource(config: AppConfig, migrate = true): Promise<DataSource> {
  const ds = new DataSource(buildDataSourceOptions(config, ENTITIES));
  await ds.initialize();
  if (migrate) await prepareDatabase(ds, { runMigrations: true });
  return ds;
}

/** The app's `Db` service alone, on a migrated test database, as the services get it. */
export async function openDbService(
  config: AppConfig,
): Promise<{ db: Db; ds: DataSource; close: () => Promise<void> }> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      TypeOrmModule.forRoot({ ...buildDataSourceOptions(config, ENTITIES), retryAttempts: 0 }),
    ],
    providers: [Db],
  }).compile();
  const ds = moduleRef.get<DataSource>(getDataSourceToken());
  await prepareDatabase(ds, { runMigrations: true });
  return { db: moduleRef.get(Db), ds, close: () => moduleRef.close() };
}
