/*
 * Preloaded into the bench server by `profile-day.js <db> <dir> --sql` (`node --require`): times
 * every statement TypeORM runs (better-sqlite3 or pg query runner, from the call to the answer) and
 * counts SQLite's statement preparations (TypeORM keeps 100 prepared statements, first in, first
 * out, and writes numbers into the SQL text on SQLite, so an id makes a new text). SIGWINCH starts
 * the count again (after start-up); at exit the figures are written as JSON to SQL_TIMING_OUT.
 * A diagnostic, not part of the table.
 */
import * as fs from 'node:fs';

interface Runner {
  query: (this: Runner, sql: string, ...rest: unknown[]) => Promise<unknown>;
  getStmt?: (this: Runner, sql: string) => Promise<unknown>;
  stmtCache?: Map<string, unknown>;
}
type RunnerClass = { prototype: Runner };

const stats = new Map<string, { n: number; ms: number }>();
const texts = new Set<string>();
const prepares = { n: 0, ms: 0, distinct: new Set<string>() };

/** The statement with its whitespace and lists of parameters folded. */
const fold = (sql: string) =>
  sql
    .replace(/\s+/g, ' ')
    .replace(/\((?:\s*(?:\?|\$\d+)\s*,)+\s*(?:\?|\$\d+)\s*\)/g, '(…)')
    .slice(0, 400);

function timed<A extends unknown[], R>(
  f: (...a: A) => Promise<R>,
  done: (ms: number, ...a: A) => void,
) {
  return async function (this: unknown, ...a: A): Promise<R> {
    const t = process.hrtime.bigint();
    try {
      return await f.apply(this, a);
    } finally {
      done(Number(process.hrtime.bigint() - t) / 1e6, ...a);
    }
  };
}

function patch(module: string, name: string): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const C = (require(module) as Record<string, RunnerClass>)[name]!;
  const query = C.prototype.query;
  C.prototype.query = timed(query, (ms, sql: string) => {
    texts.add(sql);
    const s = stats.get(fold(sql)) ?? { n: 0, ms: 0 };
    s.n += 1;
    s.ms += ms;
    stats.set(fold(sql), s);
  });
  const getStmt = C.prototype.getStmt;
  if (!getStmt) return;
  C.prototype.getStmt = async function (this: Runner, sql: string) {
    if (this.stmtCache?.has(sql)) return getStmt.call(this, sql);
    prepares.distinct.add(sql);
    return timed(getStmt, (ms) => {
      prepares.n += 1;
      prepares.ms += ms;
    }).call(this, sql);
  };
}

patch('typeorm/driver/better-sqlite3/BetterSqlite3QueryRunner', 'BetterSqlite3QueryRunner');
patch('typeorm/driver/postgres/PostgresQueryRunner', 'PostgresQueryRunner');

process.on('SIGWINCH', () => {
  stats.clear();
  texts.clear();
  prepares.n = 0;
  prepares.ms = 0;
  prepares.distinct.clear();
});

process.on('exit', () => {
  const out = process.env.SQL_TIMING_OUT;
  if (!out) return;
  const rows = [...stats].sort((a, b) => b[1].ms - a[1].ms);
  fs.writeFileSync(
    out,
    JSON.stringify({
      statements: rows.reduce((a, [, s]) => a + s.n, 0),
      ms: rows.reduce((a, [, s]) => a + s.ms, 0),
      distinctTexts: texts.size,
      prepares: { n: prepares.n, ms: prepares.ms, distinct: prepares.distinct.size },
      rows,
    }),
  );
});
