import type { DataSourceOptions, EntitySchema, MixedList } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { dbKindOf, sqlitePathOf } from './database-url';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { prepareSqliteConnection } from './sqlite-pragmas';

export { dbKindOf, sqlitePathOf, type DbKind } from './database-url';

type DbConfig = Pick<
  AppConfig,
  'NODE_ENV' | 'DATABASE_URL' | 'DATABASE_SCHEMA' | 'DB_BUSY_TIMEOUT_MS' | 'DB_POOL_SIZE'
>;

/** The entity classes of the schema: the app layer's `ENTITIES` (src/app/entities.ts). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type EntityList = MixedList<Function | string | EntitySchema>;

/**
 * The one DataSource definition shared by the app, the CLI and the tests. `synchronize` and
 * `dropSchema` are off everywhere: the schema changes only through migrations (RELIABILITY E4).
 * The entities come from the caller (the app layer lists them), so this layer imports no feature.
 */
export function buildDataSourceOptions(config: DbConfig, entities: EntityList): DataSourceOptions {
  const common = {
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    namingStrategy: new SnakeNamingStrategy(),
    migrationsRun: false,
    synchronize: false,
    dropSchema: false,
    // TypeORM logs failed SQL to stdout; tests assert on failures on purpose, so keep them quiet there.
    logging: config.NODE_ENV === 'test' ? false : (['error'] as 'error'[]),
  };
  if (dbKindOf(config.DATABASE_URL) === 'sqlite') {
    const busy = config.DB_BUSY_TIMEOUT_MS;
    return {
      ...common,
      type: 'better-sqlite3',
      database: sqlitePathOf(config.DATABASE_URL),
      timeout: busy,
      enableWAL: false, // set, with synchronous=FULL after it, in prepareSqliteConnection
      prepareDatabase: (db: unknown) =>
        prepareSqliteConnection(db as Parameters<typeof prepareSqliteConnection>[0], busy),
    };
  }
  const schema = config.DATABASE_SCHEMA || undefined;
  return {
    ...common,
    type: 'postgres',
    url: config.DATABASE_URL,
    schema,
    poolSize: config.DB_POOL_SIZE,
    extra: {
      max: config.DB_POOL_SIZE,
      connectionTimeoutMillis: 10000,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    },
  };
}
