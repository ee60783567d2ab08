/*
 * `node .bench-build/bench/day-only.js sqlite|pg [days] [--routes]` (after `npx tsc -p bench/tsconfig.json`):
 * only the results day of the table's row, on a data set whose provinces have the full set's size
 * (12 blocs, 97 units: 48 count entries a day) but with 4 provinces and 3 years, so that it is
 * generated in seconds. Prints each province's day and the medians as JSON; with `--routes`, also
 * each kind of request's share of the days and median time (measured by the client), as Markdown.
 * A diagnostic, not part of the table: the full run (`npm run bench`) stays the reference.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Api, BENCH_USERS, createBenchUsers, createDb, openContext, startServer } from './harness';
import type { DbKind } from './harness';
import { generateNational } from './generate';
import { resultsDay, type ResultsDay } from './results-day';
import { FULL, QUICK } from './sizes';
import { median } from './stats';

/** Each kind of request's share of the time of all requests, its count and median. */
function printRoutes(routes: Map<string, number[]>): void {
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const all = sum([...routes.values()].flat());
  console.log('| Request | Count | Share | Median ms |\n|---|---:|---:|---:|');
  for (const [route, ms] of [...routes].sort((a, b) => sum(b[1]) - sum(a[1])))
    console.log(
      `| ${route} | ${ms.length} | ${((100 * sum(ms)) / all).toFixed(1)} % | ${median(ms).toFixed(1)} |`,
    );
}

async function main(): Promise<void> {
  const kind = (process.argv[2] ?? 'sqlite') as DbKind;
  const days = Number(process.argv.slice(3).find((a) => !a.startsWith('--')) ?? 3);
  const routes = new Map<string, number[]>();
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
      if (process.argv.includes('--routes'))
        Api.observe = (method, url, ms) => {
          const route = `${method} ${url.replace(/\?.*$/, '').replace(/\/\d+/g, '/:id')}`;
          routes.set(route, [...(routes.get(route) ?? []), ms]);
        };
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
      Api.observe = null;
      await server.stop();
    }
    if (routes.size > 0) printRoutes(routes);
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
