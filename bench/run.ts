/*
 * `npm run bench [-- --db sqlite|pg] [--quick] [--no-write] [--only-onboarding]
 * [--only-ballot [--one-address]] [--only-tenancy [--full]]`: the national benchmark of issue 9,
 * with the onboarding imports of issue 17 (alone with --only-onboarding), the electronic-ballot
 * load of issue 18 (alone with --only-ballot) and the comparison of issue 21, one organization per
 * province against a single-organization deployment (alone with --only-tenancy, on 10 provinces of
 * the national size, or with --full on the national set).
 * For each database: generate the national set and a one-province set, time the documents
 * in-process, then start the built server and measure start-up, hot reads under load against a
 * bare route, national versus one-province latency, a results day and memory, then split the
 * national set by province into organizations and compare. Prints one table and (full runs)
 * writes it into docs/performance.md between the bench markers.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DataSource } from 'typeorm';
import type { DocTimings } from './documents';
import type { Generated } from './generate';
import { ballotRows, type BallotLoad } from './ballot-table';
import { onboardingRows, type OnboardingTimings } from './onboarding-table';
import { tenancyRows, type TenancyLoad } from './tenancy-table';
import type { LoadResult } from './load';
import type { Api, BenchDb, DbKind } from './harness';
import { hotReadUrls, targetsOf, type ReadTargets } from './reads';
import type { ResultsDay } from './results-day';
import { FULL, QUICK, type DataSetSize } from './sizes';
import { fmt, median, msSince } from './stats';

const OUT = path.resolve(__dirname, '..');
const ROOT = path.resolve(OUT, '..');
const MAIN_JS = path.join(OUT, 'src', 'main.js');
const BENCH_SERVER_JS = path.join(OUT, 'bench', 'bench-server.js');

interface Plan {
  size: DataSetSize;
  loadSeconds: number;
  loadRounds: number;
  connections: number;
  latencyWarmup: number;
  latencyRuns: number;
  docWarmup: number;
  docRuns: number;
  startups: number;
  days: number;
  /** Issue 21: ABBA rounds of load windows per read, and results days compared (pairs). */
  tenancyRounds: number;
  tenancyDays: number;
}

const PLANS: Record<'full' | 'quick', Plan> = {
  full: {
    size: FULL,
    loadSeconds: 5,
    loadRounds: 3,
    connections: 8,
    latencyWarmup: 10,
    latencyRuns: 60,
    docWarmup: 3,
    docRuns: 11,
    startups: 5,
    days: 3,
    tenancyRounds: 2,
    tenancyDays: 8,
  },
  quick: {
    size: QUICK,
    loadSeconds: 2,
    loadRounds: 2,
    connections: 8,
    latencyWarmup: 5,
    latencyRuns: 20,
    docWarmup: 2,
    docRuns: 5,
    startups: 3,
    days: 2,
    tenancyRounds: 1,
    tenancyDays: 2,
  },
};

const HOT = ['ranking', 'meeting', 'nominations'] as const;
type Hot = (typeof HOT)[number];
/** Authenticated reads compared with both baselines under load: the hot reads and `auth/me`. */
const LOADED = ['me', ...HOT] as const;
type Loaded = (typeof LOADED)[number];
/**
 * naked: no guard, no database (the truly bare route); health: public, one `SELECT 1`; bare: the
 * same as naked behind the sign-in check and a permission (the baseline of issue 9).
 */
type Route = 'naked' | 'health' | 'bare' | Loaded | 'padded';
const ROUTES: Route[] = ['naked', 'health', 'bare', ...LOADED, 'padded'];

interface Targets extends ReadTargets {
  /** Size of the nominations response (for the padded bare route). */
  paddedBytes?: number;
}

const urlOf = (t: Targets, r: Route): string =>
  ({
    naked: '/api/bench/naked',
    health: '/api/health',
    bare: '/api/bench/bare',
    ...hotReadUrls(t),
    padded: `/api/bench/padded?bytes=${t.paddedBytes ?? 0}`,
  })[r];

interface DbResult {
  kind: DbKind;
  generated: Generated;
  single: Generated;
  dataRows: Record<string, number>;
  docs: DocTimings;
  startupMs: number;
  load: Record<Route, LoadResult>;
  latency: Record<Hot, { national: number; province: number }>;
  days: ResultsDay[];
  rssIdleMiB: number;
  rssLoadedMiB: number;
  /** process.memoryUsage (MiB) and kept values after the load; absent before issue 19's last run. */
  memory?: Record<string, number>;
  /**
   * The machine's 1-minute load average when this database's measurements started and ended (a
   * shared machine's other work distorts every figure; absent before issue 19's last run).
   */
  loadAvg?: [number, number];
  /** Absent in raw files of runs before issue 17. */
  onboarding?: OnboardingTimings;
  /** Absent in raw files of runs before issue 18's load. */
  ballot?: BallotLoad;
  /** Issue 21, on the national set split by province; absent before it (and in --quick runs). */
  tenancy?: TenancyLoad;
}

const log = (m: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}`);

async function rowCounts(ds: DataSource): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of [
    'province',
    'unit',
    'bloc',
    'bloc_term',
    'score_entry',
    'meeting',
    'ballot',
    'nomination',
    'award_history',
  ]) {
    const r = await ds.query<{ n: number | string }[]>(`SELECT COUNT(*) AS n FROM "${t}"`);
    out[t] = Number(r[0]!.n);
  }
  return out;
}

async function benchDatabase(kind: DbKind, plan: Plan): Promise<DbResult> {
  const loadAtStart = os.loadavg()[0]!;
  // Loaded here, so that --from-json prints a saved table without loading the app.
  const { getDataSourceToken } = await import('@nestjs/typeorm');
  const { timeDocuments } = await import('./documents');
  const { generateNational } = await import('./generate');
  const { Api, BENCH_USERS, createBenchUsers, createDb, openContext, startServer } =
    await import('./harness');
  const { resultsDay } = await import('./results-day');
  const load = (await import('./load')).load;
  const sequentialLatency = (await import('./load')).sequentialLatency;
  const national = await createDb(kind, 'national');
  const single = await createDb(kind, 'province');
  const cleanup: BenchDb[] = [national, single];
  try {
    log(`${kind}: sinh bộ dữ liệu toàn quốc (${plan.size.provinces} tỉnh)…`);
    let app = await openContext(national);
    const generated = await generateNational(app, plan.size, log);
    await createBenchUsers(app);
    let ds = app.get<DataSource>(getDataSourceToken());
    const dataRows = await rowCounts(ds);
    const targets: Targets = await targetsOf(ds, generated.provinceIds[0]!, plan.size.lastYear);
    log(`${kind}: ${JSON.stringify(dataRows)} trong ${generated.ms} ms; văn bản…`);
    const docs = await timeDocuments(app, targets.meetingId, plan.docWarmup, plan.docRuns);
    await app.close();

    log(`${kind}: sinh bộ dữ liệu một tỉnh…`);
    app = await openContext(single);
    const singleGen = await generateNational(app, { ...plan.size, provinces: 1 });
    await createBenchUsers(app);
    ds = app.get<DataSource>(getDataSourceToken());
    const singleTargets = await targetsOf(ds, singleGen.provinceIds[0]!, plan.size.lastYear);
    await app.close();

    log(`${kind}: thời gian khởi động (${plan.startups} lần)…`);
    const startups: number[] = [];
    for (let i = 0; i < plan.startups; i++) {
      const s = await startServer(MAIN_JS, national);
      startups.push(s.startupMs);
      await s.stop();
    }

    log(`${kind}: tải HTTP…`);
    const server = await startServer(BENCH_SERVER_JS, national);
    let rssIdleMiB = Number.NaN;
    let rssLoadedMiB = Number.NaN;
    let memory: Record<string, number> | undefined;
    const loadRuns = Object.fromEntries(ROUTES.map((r) => [r, [] as LoadResult[]])) as Record<
      Route,
      LoadResult[]
    >;
    const latency = {} as DbResult['latency'];
    const days: ResultsDay[] = [];
    try {
      const admin = await Api.login(server.baseUrl, BENCH_USERS[0]);
      rssIdleMiB = server.rssMiB();
      const nominations = await admin.ok('GET', urlOf(targets, 'nominations'));
      targets.paddedBytes = Buffer.byteLength(JSON.stringify(nominations));
      const routes = ROUTES;
      for (const r of routes) {
        await admin.ok('GET', urlOf(targets, r));
        await load(server.baseUrl, admin.token!, urlOf(targets, r), 1, plan.connections);
      }
      for (let round = 0; round < plan.loadRounds; round++)
        for (const r of routes) {
          const res = await load(
            server.baseUrl,
            admin.token!,
            urlOf(targets, r),
            plan.loadSeconds,
            plan.connections,
          );
          if (res.errors > 0) throw new Error(`${r}: ${res.errors} errors under load`);
          loadRuns[r].push(res);
        }
      rssLoadedMiB = server.rssMiB();
      memory = await admin.ok<Record<string, number>>('GET', '/api/bench/memory');

      log(`${kind}: độ trễ toàn quốc và một tỉnh…`);
      const provinceServer = await startServer(BENCH_SERVER_JS, single);
      try {
        const provinceApi = await Api.login(provinceServer.baseUrl, BENCH_USERS[0]).catch(
          (e: unknown) => {
            throw new Error(`login: ${String(e)}\n${provinceServer.output()}`, { cause: e });
          },
        );
        for (const h of HOT) {
          // Interleaved halves, so that a slow moment of the shared machine hits both sides.
          const nat: number[] = [];
          const one: number[] = [];
          for (let half = 0; half < 2; half++) {
            nat.push(
              await sequentialLatency(
                admin,
                urlOf(targets, h),
                plan.latencyWarmup,
                plan.latencyRuns / 2,
              ),
            );
            one.push(
              await sequentialLatency(
                provinceApi,
                urlOf(singleTargets, h),
                plan.latencyWarmup,
                plan.latencyRuns / 2,
              ),
            );
          }
          latency[h] = { national: median(nat), province: median(one) };
        }
      } finally {
        await provinceServer.stop();
      }

      log(`${kind}: ngày nhập kết quả (${plan.days} tỉnh)…`);
      const enterers: [Api, Api] = [
        await Api.login(server.baseUrl, BENCH_USERS[1]),
        await Api.login(server.baseUrl, BENCH_USERS[2]),
      ];
      for (let d = 0; d < plan.days; d++)
        days.push(
          await resultsDay(admin, enterers, generated.provinceIds[1 + d]!, generated.currentYear),
        );
    } finally {
      await server.stop();
    }
    // Last on the national database: it changes the blocs' organizations; the days above used
    // provinces 2 to 1 + plan.days, the tenancy days use the ones after.
    const tenancy = await tenancyOn(national, generated, plan, 'national set', [
      ...Array.from({ length: plan.days }, (_, d) => 1 + d),
    ]);
    const summarise = (rs: LoadResult[]): LoadResult => ({
      rps: median(rs.map((x) => x.rps)),
      p50: median(rs.map((x) => x.p50)),
      p99: median(rs.map((x) => x.p99)),
      errors: rs.reduce((a, b) => a + b.errors, 0),
      bytes: median(rs.map((x) => x.bytes ?? 0)),
    });
    const onboarding = await onboardingOn(kind);
    const ballot = await ballotOn(kind);
    return {
      kind,
      onboarding,
      ballot,
      tenancy,
      generated,
      single: singleGen,
      dataRows,
      docs,
      startupMs: median(startups),
      load: Object.fromEntries(ROUTES.map((r) => [r, summarise(loadRuns[r])])) as Record<
        Route,
        LoadResult
      >,
      latency,
      days,
      rssIdleMiB,
      rssLoadedMiB,
      memory,
      loadAvg: [loadAtStart, os.loadavg()[0]!],
    };
  } finally {
    for (const db of cleanup) await db.drop().catch((e: unknown) => log(`drop: ${String(e)}`));
  }
}

/** Issue 17: imports of 3,300 units and 400 blocs, on a fresh database of its own. */
async function onboardingOn(kind: DbKind): Promise<OnboardingTimings> {
  const { createDb, openContext } = await import('./harness');
  const { benchOnboarding } = await import('./onboarding');
  const db = await createDb(kind, 'onboarding');
  try {
    const app = await openContext(db);
    try {
      return await benchOnboarding(app, kind, log);
    } finally {
      await app.close();
    }
  } finally {
    await db.drop().catch((e: unknown) => log(`drop: ${String(e)}`));
  }
}

/** Issue 18: 200 delegates casting on an electronic ballot, on a fresh database of its own. */
async function ballotOn(kind: DbKind, oneAddress = false): Promise<BallotLoad> {
  const { benchBallot } = await import('./electronic-ballot');
  return benchBallot(kind, BENCH_SERVER_JS, log, oneAddress);
}

/**
 * Issue 21 on a generated database (`usedProvinces`: indexes of provinces whose results day is
 * done); undefined, with a message, when too few provinces are left for a pair of days.
 */
async function tenancyOn(
  db: BenchDb,
  generated: Generated,
  plan: Plan,
  dataSet: string,
  usedProvinces: readonly number[],
): Promise<TenancyLoad | undefined> {
  const { benchTenancy } = await import('./tenancy');
  if (generated.provinceIds.length - 1 - usedProvinces.length < 3) {
    log(`${db.kind}: không đủ tỉnh để so sánh tổ chức (issue 21), bỏ qua`);
    return undefined;
  }
  log(`${db.kind}: mỗi tỉnh một tổ chức (issue 21)…`);
  return benchTenancy(
    db,
    generated,
    {
      dataSet,
      seconds: plan.loadSeconds,
      connections: plan.connections,
      rounds: plan.tenancyRounds,
      days: plan.tenancyDays,
      usedProvinces,
    },
    log,
  );
}

/**
 * Issue 21 alone, on a fresh database: 10 provinces of the national size (12 blocs, 97 units each)
 * and 3 years, generated in seconds; `--full`: the national set; `--quick`: the quick set.
 */
async function tenancyAlone(kind: DbKind, plan: Plan, full: boolean): Promise<TenancyLoad> {
  const { createBenchUsers, createDb, openContext } = await import('./harness');
  const { generateNational } = await import('./generate');
  const size: DataSetSize = full
    ? FULL
    : plan.size === QUICK
      ? QUICK
      : {
          ...QUICK,
          provinces: 10,
          unitsPerProvince: FULL.unitsPerProvince,
          blocsPerProvince: FULL.blocsPerProvince,
        };
  const dataSet = full
    ? 'national set'
    : `${size.provinces} provinces of ${size.blocsPerProvince} blocs and ${size.unitsPerProvince} units, ${size.lastYear - size.firstYear + 1} years`;
  const db = await createDb(kind, 'tenancy');
  try {
    log(`${kind}: sinh bộ dữ liệu (${dataSet})…`);
    const app = await openContext(db);
    let generated: Generated;
    try {
      generated = await generateNational(app, size, log);
      await createBenchUsers(app);
    } finally {
      await app.close();
    }
    const t = await tenancyOn(db, generated, plan, dataSet, []);
    if (!t) throw new Error('tenancy: too few provinces');
    return t;
  } finally {
    await db.drop().catch((e: unknown) => log(`drop: ${String(e)}`));
  }
}

/** Replaces the text between `<!-- name:begin -->` and `<!-- name:end -->` in docs/performance.md. */
function writeBetween(name: string, block: string): void {
  const doc = path.join(ROOT, 'docs', 'performance.md');
  const text = fs.readFileSync(doc, 'utf8');
  const begin = `<!-- ${name}:begin -->`;
  const end = `<!-- ${name}:end -->`;
  const a = text.indexOf(begin);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`${doc}: thiếu ${begin} … ${end}`);
  fs.writeFileSync(doc, `${text.slice(0, a + begin.length)}\n${block}\n${text.slice(b)}`);
  log(`đã ghi bảng vào ${doc}`);
}

const HOT_LABELS: Record<Loaded, string> = {
  me: 'The signed-in account (GET /auth/me)',
  ranking: 'Ranking of a bloc (GET …/terms/Y/ranking)',
  meeting: 'Results of a meeting (GET /meetings/:id)',
  nominations: "A year's nominations, whole province (GET /provinces/:id/nominations?year=Y)",
};

function table(results: DbResult[], plan: Plan): string {
  const cols = results.map((r) => (r.kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'));
  const lines: string[] = [];
  const row = (label: string, target: string, cells: string[]) =>
    lines.push(`| ${label} | ${target} | ${cells.join(' | ')} |`);
  lines.push(`| Measure | Target | ${cols.join(' | ')} |`);
  lines.push(`|---|---|${cols.map(() => '---:').join('|')}|`);
  const each = (f: (r: DbResult) => string) => results.map(f);
  const mark = (ok: boolean) => (ok ? '✅' : '❌');
  // Older raw files (--from-json) have neither the truly bare route, nor health, nor auth/me.
  const has = (route: Route) => results.every((r) => r.load[route] as LoadResult | undefined);
  const baseline = (route: Route, label: string) => {
    if (has(route))
      row(`${label}: req/s · p50 ms`, '(baseline)', [
        ...each((r) => `${fmt(r.load[route].rps, 0)} · ${fmt(r.load[route].p50, 0)}`),
      ]);
  };
  baseline('naked', 'Truly bare route (public, no guard, no database)');
  baseline('health', 'Public health route (GET /health: one SELECT 1)');
  baseline('bare', 'Bare route behind the sign-in check and a permission (issue 9 baseline)');
  const ratio = (h: Loaded, base: Route, label: string, target: number | null) => {
    if (!has(base)) return;
    row(`… ratio to ${label}`, target === null ? '' : `≥ ${target}`, [
      ...each((r) => {
        const x = r.load[h].rps / r.load[base].rps;
        return `${fmt(x, 3)}${target === null ? '' : ` ${mark(x >= target)}`}`;
      }),
    ]);
  };
  for (const h of LOADED) {
    if (!has(h)) continue;
    row(`${HOT_LABELS[h]}: req/s · p50/p99 ms · KiB per response`, '', [
      ...each(
        (r) =>
          `${fmt(r.load[h].rps, 0)} · ${fmt(r.load[h].p50, 0)}/${fmt(r.load[h].p99, 0)} · ${r.load[h].bytes ? fmt(r.load[h].bytes / 1024, 1) : '–'}`,
      ),
    ]);
    // Issue 19's targets name ranking, meeting and auth/me; the province's list is bound by its size.
    const targeted = h !== 'nominations';
    ratio(h, 'naked', 'the truly bare route', targeted ? 0.6 : null);
    ratio(h, 'health', 'the health route', targeted ? 0.8 : null);
    ratio(h, 'bare', 'the guarded bare route', 0.6);
  }
  // Older raw files (--from-json) have no padded route.
  if (results.every((r) => r.load.padded as LoadResult | undefined))
    row(
      'Diagnostic: bare route padded to the size of the nominations response: req/s · KiB · nominations ÷ padded',
      '',
      [
        ...each(
          (r) =>
            `${fmt(r.load.padded.rps, 0)} · ${fmt(r.load.padded.bytes / 1024, 1)} · ${fmt(r.load.nominations.rps / r.load.padded.rps, 3)}`,
        ),
      ],
    );
  for (const h of HOT)
    row(`Sequential latency, national / one province: ${h} (ms)`, '≤ 2×', [
      ...each((r) => {
        const l = r.latency[h];
        const ratio = l.national / l.province;
        return `${fmt(l.national)} / ${fmt(l.province)} = ${fmt(ratio, 2)}× ${mark(ratio <= 2)}`;
      }),
    ]);
  row('Results day of one province: total (median of provinces)', '≤ 1.0 s / ≤ 1.5 s', [
    ...each((r) => {
      const d = r.days[0]!;
      const total = median(r.days.map((x) => x.totalMs)) / 1000;
      return `${fmt(total, 2)} s (${d.blocs} blocs, ${d.entries} entries) ${mark(total <= (r.kind === 'sqlite' ? 1 : 1.5))}`;
    }),
  ]);
  row('… count entries with their tallies: total · median of one entry (ms)', '≤ 5 / ≤ 10 ms', [
    ...each((r) => {
      const entry = median(r.days.map((x) => x.entryMedianMs));
      return `${fmt(median(r.days.map((x) => x.entriesMs)) / 1000, 2)} s · ${fmt(entry)} ${mark(entry <= (r.kind === 'sqlite' ? 5 : 10))}`;
    }),
  ]);
  const kinds = Object.keys(results[0]!.docs) as (keyof DocTimings)[];
  for (const k of kinds)
    row(
      `Document ${k}: HTML / PDF / DOCX (ms, warm)`,
      k === 'MINUTES' ? 'HTML < 10, PDF < 300' : '',
      each((r) => {
        const d = r.docs[k];
        const ok = k === 'MINUTES' ? ` ${mark(d.html < 10 && d.pdf < 300)}` : '';
        return `${fmt(d.html, 2)} / ${fmt(d.pdf)} / ${fmt(d.docx)}${ok}`;
      }),
    );
  if (results.every((r) => r.onboarding))
    lines.push(...onboardingRows(results.map((r) => r.onboarding!)));
  if (results.every((r) => r.ballot)) lines.push(...ballotRows(results.map((r) => r.ballot!)));
  if (results.every((r) => r.tenancy)) lines.push(...tenancyRows(results.map((r) => r.tenancy!)));
  if (results.every((r) => r.loadAvg))
    row(
      'Load average (1 min) when this column started · ended (2 cores; above 2 the figures are distorted)',
      '',
      [...each((r) => `${fmt(r.loadAvg![0], 1)} · ${fmt(r.loadAvg![1], 1)}`)],
    );
  row('Start-up to the first /api/health = 200 (ms)', '< 2000', [
    ...each((r) => `${fmt(r.startupMs, 0)} ${mark(r.startupMs < 2000)}`),
  ]);
  row('RSS: after start-up · after the load (MiB)', 'after the load ≤ 200', [
    ...each(
      (r) => `${fmt(r.rssIdleMiB, 0)} · ${fmt(r.rssLoadedMiB, 0)} ${mark(r.rssLoadedMiB <= 200)}`,
    ),
  ]);
  if (results.every((r) => r.memory))
    row(
      '… after the load: V8 heap used / allocated · external (array buffers) MiB · kept values',
      '',
      [
        ...each((r) => {
          const m = r.memory!;
          return `${fmt(m.heapUsed!, 0)} / ${fmt(m.heapTotal!, 0)} · ${fmt(m.external!, 0)} (${fmt(m.arrayBuffers!, 0)}) · ${m.kept}`;
        }),
      ],
    );
  row('Generating the national set (s)', '', [...each((r) => fmt(r.generated.ms / 1000, 1))]);
  const d = results[0]!.dataRows;
  const s = plan.size;
  return [
    lines.join('\n'),
    '',
    `Data set: ${d.province} provinces (${s.provinces} generated plus the Hải Dương sample), ${d.unit} units, ${d.bloc} blocs, ` +
      `${d.bloc_term} bloc terms (${s.firstYear}–${s.lastYear + 1}), ${d.score_entry} agreed score lines, ${d.meeting} meetings, ` +
      `${d.ballot} ballots, ${d.nomination} nominations, ${d.award_history} decided awards. ` +
      `Load: autocannon, ${plan.connections} connections, ${plan.loadRounds} rounds × ${plan.loadSeconds} s per route (median of rounds); ` +
      `sequential latency: median of ${plan.latencyRuns} requests; documents: median of ${plan.docRuns} renders after ${plan.docWarmup} warm-up renders; ` +
      `start-up: median of ${plan.startups} starts; results day: median of ${plan.days} provinces.`,
  ].join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const dbArg = args.includes('--db') ? args[args.indexOf('--db') + 1] : 'both';
  if (!['sqlite', 'pg', 'both'].includes(dbArg ?? ''))
    throw new Error('--db sqlite | pg (mặc định: cả hai)');
  const kinds: DbKind[] = dbArg === 'both' ? ['sqlite', 'pg'] : [dbArg as DbKind];
  const write =
    !quick && !args.includes('--no-write') && (kinds.length === 2 || args.includes('--from-json'));
  const plan = PLANS[quick ? 'quick' : 'full'];

  // The compiled code finds seeds/ and templates/ next to its src/, as in dist/.
  for (const name of ['seeds', 'templates']) {
    const link = path.join(OUT, name);
    if (!fs.existsSync(link)) fs.symlinkSync(path.join(ROOT, name), link, 'dir');
  }
  const started = process.hrtime.bigint();
  if (args.includes('--only-onboarding')) {
    // Only the imports of issue 17 (a few minutes), written between their own markers.
    const timings: OnboardingTimings[] = [];
    for (const k of kinds) timings.push(await onboardingOn(k));
    const cols = timings.map((r) => (r.kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'));
    const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`;
    const block = [
      `Run of ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC (--only-onboarding), machine: ${machine}.`,
      '',
      `| Measure | Target | ${cols.join(' | ')} |`,
      `|---|---|${cols.map(() => '---:').join('|')}|`,
      ...onboardingRows(timings),
    ].join('\n');
    console.log(`\n${block}\n`);
    if (kinds.length === 2 && !args.includes('--no-write')) writeBetween('bench-onboarding', block);
    return;
  }
  if (args.includes('--only-ballot')) {
    // Only the electronic-ballot load of issue 18 (a few minutes), written between its own markers;
    // --one-address sends every cast from one address (the per-address limits), never written.
    const oneAddress = args.includes('--one-address');
    const loads: BallotLoad[] = [];
    for (const k of kinds) loads.push(await ballotOn(k, oneAddress));
    const cols = loads.map((r) => (r.kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'));
    const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`;
    const block = [
      `Run of ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC (--only-ballot${oneAddress ? ' --one-address' : ''}, ${fmt(msSince(started) / 1000, 0)} s), machine: ${machine}.`,
      '',
      `| Measure | Target | ${cols.join(' | ')} |`,
      `|---|---|${cols.map(() => '---:').join('|')}|`,
      ...ballotRows(loads),
    ].join('\n');
    console.log(`\n${block}\n`);
    if (kinds.length === 2 && !oneAddress && !args.includes('--no-write'))
      writeBetween('bench-ballot', block);
    return;
  }
  if (args.includes('--only-tenancy')) {
    // Only the comparison of issue 21 (about 6 minutes a database), written between its own
    // markers; --full on the national set (generated first: about 2 more minutes on PostgreSQL).
    const full = args.includes('--full');
    const loads: TenancyLoad[] = [];
    for (const k of kinds) loads.push(await tenancyAlone(k, plan, full));
    const cols = loads.map((r) => (r.kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'));
    const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`;
    const block = [
      `Run of ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC (--only-tenancy${full ? ' --full' : ''}${quick ? ' --quick' : ''}, ${fmt(msSince(started) / 1000, 0)} s), machine: ${machine}.`,
      '',
      `| Measure | Target | ${cols.join(' | ')} |`,
      `|---|---|${cols.map(() => '---:').join('|')}|`,
      ...tenancyRows(loads),
      '',
      `Load: autocannon, ${plan.connections} connections, ${plan.tenancyRounds} × (single, organization, organization, single) windows of ${plan.loadSeconds} s per read; days: one warm-up day, then ${plan.tenancyDays} alternated.`,
    ].join('\n');
    console.log(`\n${block}\n`);
    const raw = path.join(os.tmpdir(), `thidua-bench-tenancy-${Date.now()}.json`);
    fs.writeFileSync(raw, JSON.stringify(loads, null, 2));
    log(`số liệu thô: ${raw}`);
    if (kinds.length === 2 && !quick && !args.includes('--no-write'))
      writeBetween('bench-tenancy', block);
    return;
  }
  // --from-json <file>: print (and write) the table of a saved run again, without measuring.
  const fromJson = args.includes('--from-json') ? args[args.indexOf('--from-json') + 1] : null;
  const parsed: unknown = fromJson ? JSON.parse(fs.readFileSync(fromJson, 'utf8')) : null;
  // Older raw files are the bare array of results; their time is the file's (end of the run).
  const saved = !fromJson
    ? null
    : Array.isArray(parsed)
      ? { at: fs.statSync(fromJson).mtime.toISOString(), results: parsed as DbResult[] }
      : (parsed as { at: string; results: DbResult[] });
  const results: DbResult[] = saved?.results ?? [];
  if (!saved) for (const k of kinds) results.push(await benchDatabase(k, plan));
  const t = table(results, plan);
  const when = (saved?.at ?? new Date().toISOString()).slice(0, 16).replace('T', ' ');
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
  const block = `Run of ${when} UTC (${quick ? '--quick' : 'full'}${saved ? '' : `, ${fmt(msSince(started) / 1000, 0)} s`}), machine: ${machine}.\n\n${t}`;
  console.log(`\n${block}\n`);
  const raw = path.join(os.tmpdir(), `thidua-bench-${Date.now()}.json`);
  if (!saved)
    fs.writeFileSync(
      raw,
      JSON.stringify(
        { at: new Date(Date.now() - msSince(started)).toISOString(), results },
        null,
        2,
      ),
    );
  if (!saved) log(`số liệu thô: ${raw}`);
  if (write) writeBetween('bench', block);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
