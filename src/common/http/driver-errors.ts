import { CommonErrors, type ErrorDef } from '../errors/app-error';

/** Maps a database driver error (better-sqlite3 or pg) to a coded error, or null if unknown. */
export function classifyDriverError(error: unknown): ErrorDef | null {
  const driverError = (error as { driverError?: unknown }).driverError ?? error;
  const rawCode = (driverError as { code?: unknown }).code;
  const code = typeof rawCode === 'string' || typeof rawCode === 'number' ? String(rawCode) : '';
  if (
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === '23505'
  ) {
    return CommonErrors.DUPLICATE;
  }
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503')
    return CommonErrors.STILL_REFERENCED;
  if (
    code === 'SQLITE_CONSTRAINT_CHECK' ||
    code === 'SQLITE_CONSTRAINT_NOTNULL' ||
    code === 'SQLITE_CONSTRAINT_TRIGGER' ||
    code === 'SQLITE_CONSTRAINT' ||
    code === '23514' ||
    code === '23502' ||
    code === '22001' ||
    code === '22003' ||
    code === 'P0001'
  ) {
    return CommonErrors.CONSTRAINT_VIOLATION;
  }
  if (
    code.startsWith('SQLITE_BUSY') ||
    code.startsWith('SQLITE_LOCKED') ||
    code.startsWith('SQLITE_FULL') ||
    code.startsWith('SQLITE_READONLY') ||
    code.startsWith('SQLITE_IOERR') ||
    code.startsWith('SQLITE_CANTOPEN') ||
    code === '40001' ||
    code === '40P01' ||
    code === '53100' ||
    code === '53300' ||
    code === '57P01' ||
    code === '57P03' ||
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET'
  ) {
    return CommonErrors.DB_BUSY;
  }
  return null;
}
