/*
 * `node .bench-build/bench/profile-day.js sqlite|pg [dir] [--sql]` (after `npm run bench`'s tsc, or
 * `npx tsc -p bench/tsconfig.json`): a CPU profile (`--cpu-prof`) of the bench server during one
 * province's results day on the quick data set, written to `dir` (default: a temporary folder), to
 * see what a count entry with its tally spends its time on. With `--sql`, no profile: the server
 * runs with bench/sql-timing.ts preloaded, and the day's statements are printed by kind (count, time
 * in the query runner) and written to `dir`/sql.json. A diagnostic, not part of the table.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Api, BENCH_USERS, createBenchUsers, createDb, openContext, startServer } from './harness';
import type { DbKind } from './harness';
import { generateNational } from './generate';
import { resultsDay } from './results-day';
import { QUICK } from './sizes';

/** What a statement (folded text) is for, as docs/performance.md groups them. */
function groupOf(sql: string): string {
  if (/^(COMMIT|BEGIN|START TRANSACTION|ROLLBACK)/.test(sql)) return 'transactions (begin, commit)';
  if (/audit_log|AuditLogEntity|pg_advisory_xact_lock/.test(sql))
    return 'audit chain (lock, last hash, row)';
  if (/read_generation|read_scope|session_generation/.test(sql))
    return 'session and kept-read counts';
  if (
    /^SELECT "(BlocEntity|BlocTermEntity|CriteriaSetEntity|CriteriaItemEntity|BlocMemberEntity)"|^SELECT "u"\."id" AS "u_id"/.test(
      sql,
    )
  )
    return 'term context (bloc, term, criteria set and items, members, units)';
  if (/^SELECT "ScoreEntryEntity"/.test(sql)) return 'ranking (agreed score lines)';
  if (/AwardTierEntity|^SELECT "r"\."id" AS "r_id", "r"\."tier_id"/.test(sql))
    return 'award tiers and their rules';
  if (/^(INSERT|UPDATE|DELETE)/.test(sql)) return 'writes (rows and history rows)';
  return 'other reads';
}

function printStatements(file: string): void {
  const t = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    statements: number;
    ms: number;
    distinctTexts: number;
    prepares: { n: number; ms: number; distinct: number };
    rows: [string, { n: number; ms: number }][];
  };
  const groups = new Map<string, { n: number; ms: number }>();
  for (const [sql, s] of t.rows) {
    const g = groups.get(groupOf(sql)) ?? { n: 0, ms: 0 };
    g.n += s.n;
    g.ms += s.ms;
    groups.set(groupOf(sql), g);
  }
  const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(0)} %`;
  console.log(
    `${t.statements} statements, ${t.ms.toFixed(0)} ms in the query runner, ${t.distinctTexts} different texts; prepared ${t.prepares.n} times (${t.prepares.distinct} texts, ${t.prepares.ms.toFixed(0)} ms)\n`,
  );
  console.log('| Statements | Count | Time in the query runner |\n|---|---:|---:|');
  for (const [g, s] of [...groups].sort((a, b) => b[1].n - a[1].n))
    console.log(
      `| ${g} | ${s.n} (${pct(s.n, t.statements)}) | ${s.ms.toFixed(0)} ms (${pct(s.ms, t.ms)}) |`,
    );
}

async function main(): Promise<void> {
  const kind = (process.argv[2] ?? 'sqlite') as DbKind;
  const sql = process.argv.includes('--sql');
  const dir =
    process.argv.slice(3).find((a) => !a.startsWith('--')) ??
    fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-prof-'));
  // The compiled code finds seeds/ and templates/ next to its src/, as in dist/ (as run.ts does).
  const out = path.join(__dirname, '..');
  for (const name of ['seeds', 'templates']) {
    const link = path.join(out, name);
    if (!fs.existsSync(link)) fs.symlinkSync(path.join(out, '..', name), link, 'dir');
  }
  fs.mkdirSync(dir, { recursive: true });
  const sqlFile = path.join(dir, 'sql.json');
  const db = await createDb(kind, 'profile');
  try {
    const app = await openContext(db);
    const generated = await generateNational(app, QUICK);
    await createBenchUsers(app);
    await app.close();
    const server = await startServer(
      path.join(__dirname, 'bench-server.js'),
      db,
      sql
        ? ['--require', path.join(__dirname, 'sql-timing.js')]
        : ['--cpu-prof', `--cpu-prof-dir=${dir}`],
      sql ? { SQL_TIMING_OUT: sqlFile } : {},
    );
    try {
      if (sql) {
        process.kill(server.pid, 'SIGWINCH'); // count from here: not the start-up's
        await new Promise((r) => setTimeout(r, 200));
      }
      const admin = await Api.login(server.baseUrl, BENCH_USERS[0]);
      const enterers: [Api, Api] = [
        await Api.login(server.baseUrl, BENCH_USERS[1]),
        await Api.login(server.baseUrl, BENCH_USERS[2]),
      ];
      const day = await resultsDay(
        admin,
        enterers,
        generated.provinceIds[1]!,
        generated.currentYear,
      );
      console.log(JSON.stringify(day));
      process.kill(server.pid, 'SIGUSR2');
      await new Promise((r) => setTimeout(r, 3000));
    } finally {
      await server.stop();
    }
    if (sql) printStatements(sqlFile);
    console.log(`${sql ? 'statements' : 'profile'} in ${dir}`);
  } finally {
    await db.drop();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
