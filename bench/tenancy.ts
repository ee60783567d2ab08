/*
 * Issue 21's measure, run by `npm run bench` (after the national measures, on the national set) and
 * alone by `npm run bench -- --only-tenancy [--full]`. The generated set is split into one
 * organization per province (each province's blocs get their own organizing body); the same reads
 * and results days are then made by an office account bound to a province's organization and by
 * one bound to none, which is what a single-organization deployment of the same size is (it sees
 * everything, and nothing is filtered or fenced).
 *
 * Hot reads: each read is loaded in windows alternating single, organization, organization,
 * single (ABBA, `rounds` times), after a one-second warm-up of each; the ratio is the median of
 * the pairs' ratios (`pairedRatio`).
 *
 * Results days, the comparison the spread between provinces made unfair: one province's day is not
 * another's (the days of one kind differed by up to 40 % on PostgreSQL), so comparing two days of
 * each kind compared provinces as much as kinds. Now: every generated province has the same shape
 * (the same numbers of units and blocs, the same 8–9 members per bloc, three nominations and two
 * ballots per bloc), and every day runs on a province of its own, not yet used by any measure; a
 * first day, by the unbound account, is a warm-up (the server's first writes: JIT, caches,
 * prepared statements) and is not compared; then the days alternate ABBA (single, organization,
 * organization, single, …) over consecutive provinces, so each pair is one day of each kind on
 * neighbouring provinces, run one after the other; the ratio is the median of the pairs' ratios
 * (organization time over single time). The number of requests of each day is counted (acknowledged
 * warnings add a request), so that a pair of unequal days would show.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { UsersService } from '../src/auth/users.service';
import { OrganizingBodiesService } from '../src/registry/organizing-bodies/organizing-bodies.service';
import type { Generated } from './generate';
import { Api, BENCH_PASSWORD, BENCH_USERS, openContext, startServer } from './harness';
import type { BenchDb } from './harness';
import { load } from './load';
import { hotReadUrls, targetsOf } from './reads';
import { resultsDay } from './results-day';
import { msSince } from './stats';
import type { TenancyLoad, TenantRead, Who } from './tenancy-table';

export interface TenancyPlan {
  /** Described in the table, e.g. "national set". */
  dataSet: string;
  seconds: number;
  connections: number;
  /** ABBA rounds of load windows per read (two windows of each account a round). */
  rounds: number;
  /** Results days compared (even: pairs), after the warm-up day; fewer if provinces run out. */
  days: number;
  /** Indexes in `generated.provinceIds` already used by results days (not used again). */
  usedProvinces: readonly number[];
}

/** The three office accounts of an organization (administrator and two who enter counts). */
const orgUsers = (organizationId: number) =>
  BENCH_USERS.map((u) => `${u}.org${organizationId}`) as [string, string, string];

/** ABBA: single, organization, organization, single, … for `n` measures. */
const abba = (n: number): Who[] =>
  Array.from({ length: n }, (_, i) => (i % 4 === 0 || i % 4 === 3 ? 'single' : 'organization'));

/**
 * On a generated database (its context closed, the bench accounts created): one organization per
 * province, accounts for the organizations measured, then the reads and days of both accounts.
 */
export async function benchTenancy(
  db: BenchDb,
  generated: Generated,
  plan: TenancyPlan,
  log: (m: string) => void,
): Promise<TenancyLoad> {
  const started = process.hrtime.bigint();
  const loadAtStart = os.loadavg()[0]!;
  const free = generated.provinceIds.filter((_, i) => i > 0 && !plan.usedProvinces.includes(i));
  const pairs = Math.floor(Math.min(plan.days, free.length - 1) / 2);
  if (pairs < 1) throw new Error(`tenancy: ${free.length} provinces left for results days`);
  const dayProvinces = free.slice(0, 1 + 2 * pairs);
  const p1 = generated.provinceIds[0]!;

  const app = await openContext(db);
  const orgOf = new Map<number, number>();
  let targets;
  try {
    const ds = app.get<DataSource>(getDataSourceToken());
    const bodies = app.get(OrganizingBodiesService);
    for (const [i, provinceId] of generated.provinceIds.entries()) {
      const body = await bodies.create({
        code: `BENCH-ORG-${i + 1}`,
        name: `Ủy ban nhân dân tỉnh đo hiệu năng ${i + 1}`,
        headerLine: `UBND TỈNH ĐO HIỆU NĂNG ${i + 1}`,
        place: 'Đo hiệu năng',
        locality: `tỉnh đo hiệu năng ${i + 1}`,
        addressee: `Chủ tịch Ủy ban nhân dân tỉnh đo hiệu năng ${i + 1}`,
        office: 'Ban Thi đua - Khen thưởng',
        authorityCodes: ['PRIME_MINISTER', 'PROVINCE_CHAIRMAN'],
      });
      // as generate.ts writes the set: straight SQL, outside the request path being measured
      await ds.query(
        `UPDATE "bloc" SET "organizing_body_id" = ${Number(body.id)} WHERE "province_id" = ${Number(provinceId)}`,
      );
      orgOf.set(provinceId, body.id);
    }
    if (db.kind === 'pg') await ds.query('ANALYZE');
    // accounts only for the organizations measured (each password hash costs tens of ms)
    const users = app.get(UsersService);
    for (const provinceId of [p1, ...dayProvinces])
      for (const username of orgUsers(orgOf.get(provinceId)!))
        await users.create({
          username,
          displayName: `Tài khoản đo hiệu năng ${username}`,
          role: 'OFFICE_ADMIN',
          password: BENCH_PASSWORD,
          organizationId: orgOf.get(provinceId)!,
        });
    targets = await targetsOf(ds, p1, generated.currentYear - 1);
  } finally {
    await app.close();
  }

  const server = await startServer(path.join(__dirname, 'bench-server.js'), db);
  try {
    const single = await Api.login(server.baseUrl, BENCH_USERS[0]);
    const office = await Api.login(server.baseUrl, orgUsers(orgOf.get(p1)!)[0]);
    const reads: Record<TenantRead, string> = {
      ...hotReadUrls(targets),
      blocs: `/api/blocs?provinceId=${p1}&pageSize=500`,
      units: `/api/units?provinceId=${p1}&pageSize=100`,
    };
    const hot = {} as TenancyLoad['hot'];
    for (const [name, url] of Object.entries(reads) as [TenantRead, string][]) {
      log(`${db.kind}: tổ chức: ${name}…`);
      await load(server.baseUrl, single.token!, url, 1, plan.connections);
      await load(server.baseUrl, office.token!, url, 1, plan.connections);
      hot[name] = [];
      for (const who of abba(4 * plan.rounds)) {
        const api = who === 'single' ? single : office;
        const r = await load(server.baseUrl, api.token!, url, plan.seconds, plan.connections);
        if (r.errors > 0) throw new Error(`tenancy ${name}: ${r.errors} errors (${who})`);
        hot[name].push({ who, rps: r.rps });
      }
    }

    log(`${db.kind}: tổ chức: ngày nhập kết quả (1 + ${2 * pairs} tỉnh)…`);
    const days: TenancyLoad['days'] = [];
    const kinds: Who[] = ['single', ...abba(2 * pairs)];
    for (const [i, provinceId] of dayProvinces.entries()) {
      const who = kinds[i]!;
      const names = who === 'single' ? BENCH_USERS : orgUsers(orgOf.get(provinceId)!);
      const admin = await Api.login(server.baseUrl, names[0]);
      const enterers: [Api, Api] = [
        await Api.login(server.baseUrl, names[1]),
        await Api.login(server.baseUrl, names[2]),
      ];
      let requests = 0;
      Api.observe = () => requests++;
      try {
        const day = await resultsDay(admin, enterers, provinceId, generated.currentYear);
        days.push({ who, provinceId, ms: day.totalMs, requests, warmUp: i === 0 });
      } finally {
        Api.observe = null;
      }
    }
    return {
      kind: db.kind,
      dataSet: plan.dataSet,
      organizations: orgOf.size,
      seconds: plan.seconds,
      hot,
      days,
      loadAvg: [loadAtStart, os.loadavg()[0]!],
      totalMs: msSince(started),
    };
  } finally {
    await server.stop();
  }
}
