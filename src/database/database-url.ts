import * as path from 'node:path';

/*
 * What DATABASE_URL names, without loading TypeORM or the entities: main.ts reads it before the
 * app's modules are loaded (to start the SQLite integrity check on its own thread).
 */

export type DbKind = 'sqlite' | 'postgres';

export function dbKindOf(databaseUrl: string): DbKind {
  return databaseUrl.startsWith('sqlite:') ? 'sqlite' : 'postgres';
}

/** Path of the SQLite file named by `sqlite:<path>` (`:memory:` kept as is). */
export function sqlitePathOf(databaseUrl: string): string {
  const raw = databaseUrl.slice('sqlite:'.length);
  return raw === ':memory:' ? raw : path.resolve(raw);
}
