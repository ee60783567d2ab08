import * as path from 'node:path';
import type { AppConfig } from '../config/app-config';
import { dbKindOf, sqlitePathOf } from '../database/database-url';

/** Where the key sealing the signing certificates lives (SIGNING_KEY_FILE, or beside the database). */
export function signingKeyFile(
  config: Pick<AppConfig, 'SIGNING_KEY_FILE' | 'DATABASE_URL'>,
): string {
  if (config.SIGNING_KEY_FILE) return path.resolve(config.SIGNING_KEY_FILE);
  const file =
    dbKindOf(config.DATABASE_URL) === 'sqlite' ? sqlitePathOf(config.DATABASE_URL) : ':memory:';
  return file === ':memory:'
    ? path.resolve('data', 'thidua-signing.key')
    : path.join(path.dirname(file), 'thidua-signing.key');
}
