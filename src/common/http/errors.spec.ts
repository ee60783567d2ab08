import { CommonErrors, type ErrorKind } from '../errors/app-error';
import { statusOf } from './app-exception.filter';
import { classifyDriverError } from './driver-errors';
import { SerialQueue } from '../../database/serial-queue';

describe('statusOf', () => {
  it.each<[ErrorKind, number]>([
    ['INVALID_INPUT', 400],
    ['UNAUTHENTICATED', 401],
    ['FORBIDDEN', 403],
    ['NOT_FOUND', 404],
    ['CONFLICT', 409],
    ['PAYLOAD_TOO_LARGE', 413],
    ['UNSUPPORTED_MEDIA_TYPE', 415],
    ['RULE_VIOLATION', 422],
    ['TOO_MANY_REQUESTS', 429],
    ['UNAVAILABLE', 503],
    ['INTERNAL', 500],
  ])('%s → %i', (kind, status) => expect(statusOf(kind)).toBe(status));
});

describe('classifyDriverError', () => {
  const wrap = (code: string) => ({ driverError: { code } });
  it.each([
    ['SQLITE_CONSTRAINT_UNIQUE', CommonErrors.DUPLICATE],
    ['23505', CommonErrors.DUPLICATE],
    ['SQLITE_CONSTRAINT_FOREIGNKEY', CommonErrors.STILL_REFERENCED],
    ['23503', CommonErrors.STILL_REFERENCED],
    ['SQLITE_CONSTRAINT_CHECK', CommonErrors.CONSTRAINT_VIOLATION],
    ['23514', CommonErrors.CONSTRAINT_VIOLATION],
    ['SQLITE_BUSY', CommonErrors.DB_BUSY],
    ['SQLITE_FULL', CommonErrors.DB_BUSY],
    ['SQLITE_READONLY', CommonErrors.DB_BUSY],
    ['40001', CommonErrors.DB_BUSY],
    ['ECONNREFUSED', CommonErrors.DB_BUSY],
  ])('%s → %o', (code, def) => expect(classifyDriverError(wrap(code))).toBe(def));

  it('returns null for anything else', () => {
    expect(classifyDriverError(new Error('boom'))).toBeNull();
  });
});

describe('SerialQueue', () => {
  it('runs jobs one at a time in arrival order, even when some fail', async () => {
    const q = new SerialQueue();
    const log: string[] = [];
    const job = (name: string, ms: number, fail = false) =>
      q.run(async () => {
        log.push(`start ${name}`);
        await new Promise((r) => setTimeout(r, ms));
        log.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      });
    const results = await Promise.allSettled([job('a', 20), job('b', 1, true), job('c', 5)]);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(q.size).toBe(0);
  });
});
