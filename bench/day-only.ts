/*
 * `node .bench-build/bench/day-only.js sqlite|pg [days]` (after `npx tsc -p bench/tsconfig.json`):
 * only the results day of the table's row, on a data set whose provinces have the full set's size
 * (12 blocs, 97 units: 48 count entries a day) but with 4 provinces and 3 years, so that it is
 * generated in seconds. Prints each province's day and the medians as JSON. A diagnostic, not part
 * of the table: the full run (`npm run bench`) stays the reference.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Api, BENCH_USERS, createBenchUsers, createDb, openContext, startServer } from './harness';
import type { DbKind } from './harness';
import { generateNational } from './generate';
import { resultsDay, type ResultsDay } from './results-day';
import { FULL, QUICK } from './sizes';
import { median } from './stats';

async function main(): Promise<void> {
  const kind = (process.argv[2] ?? 'sqlite') as DbKind;
  const days = Number(process.argv[3] ?? 3);
  // The compiled code finds seeds/ and templates/ next to its src/, as in dist/ (as run.ts does).
  const out = path.join(__dirname, '..');
  for (const name of ['seeds', 'templates']) {
    const link = path.join(out, name);
    if (!fs.existsSync(link)) fs.symlinkSync(path.join(out, '..', name), link, 'dir');
  }
  const db = await createDb(kind, 'day');
  try {
    const app = await openContext(db);
    const generated = await generateNational(app, {
      ...QUICK,
      unitsPerProvince: FULL.unitsPerProvince,
      blocsPerProvince: FULL.blocsPerProvince,
    });
    await createBenchUsers(app);
    await app.close();
    const server = await startServer(path.join(__dirname, 'bench-server.js'), db);
    const results: ResultsDay[] = [];
    try {
      const admin = await Api.login(server.baseUrl, BENCH_USERS[0]);
      const enterers: [Api, Api] = [
        await Api.login(server.baseUrl, BENCH_USERS[1]),
        await Api.login(server.baseUrl, BENCH_USERS[2]),
      ];
      for (let d = 0; d < days; d++) {
        const day = await resultsDay(
          admin,
          enterers,
          generated.provinceIds[1 + d]!,
          generated.currentYear,
        );
        console.log(JSON.stringify(day));
        results.push(day);
      }
    } finally {
      await server.stop();
    }
    console.log(
      JSON.stringify({
        kind,
        days: results.length,
        totalMsMedian: median(results.map((d) => d.totalMs)),
        entryMedianMsMedian: median(results.map((d) => d.entryMedianMs)),
      }),
    );
  } finally {
    await db.drop();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
