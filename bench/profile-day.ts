/*
 * `node .bench-build/bench/profile-day.js sqlite|pg [dir]` (after `npm run bench`'s tsc, or
 * `npx tsc -p bench/tsconfig.json`): a CPU profile (`--cpu-prof`) of the bench server during one
 * province's results day on the quick data set, written to `dir` (default: a temporary folder), to
 * see what a count entry with its tally spends its time on. A diagnostic, not part of the table.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Api, BENCH_USERS, createBenchUsers, createDb, openContext, startServer } from './harness';
import type { DbKind } from './harness';
import { generateNational } from './generate';
import { resultsDay } from './results-day';
import { QUICK } from './sizes';

async function main(): Promise<void> {
  const kind = (process.argv[2] ?? 'sqlite') as DbKind;
  const dir = process.argv[3] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-prof-'));
  const db = await createDb(kind, 'profile');
  try {
    const app = await openContext(db);
    const generated = await generateNational(app, QUICK);
    await createBenchUsers(app);
    await app.close();
    const server = await startServer(path.join(__dirname, 'bench-server.js'), db, [
      '--cpu-prof',
      `--cpu-prof-dir=${dir}`,
    ]);
    try {
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
    console.log(`profile in ${dir}`);
  } finally {
    await db.drop();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
