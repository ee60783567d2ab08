/*
 * `node .bench-build/bench/tenancy.js sqlite|pg [--full]` (after `npm run bench`'s tsc, or
 * `npx tsc -p bench/tsconfig.json`): issue 21's measure. The generated national set is split into one
 * organization per province (each province's blocs get their own organizing body); the same reads
 * and results days are then made by an office account bound to the province's organization and by
 * one bound to none (a single-organization deployment of the same size: it sees everything, and
 * nothing is filtered or fenced). Prints, as JSON, each hot read's requests per second for both and
 * their ratio, and the results days of both. Without `--full`, the set has 4 provinces of the full
 * set's size (12 blocs, 97 units) and 3 years, as `day-only`; with it, the table's national set.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { UsersService } from '../src/auth/users.service';
import { OrganizingBodiesService } from '../src/registry/organizing-bodies/organizing-bodies.service';
import {
  Api,
  BENCH_PASSWORD,
  BENCH_USERS,
  createBenchUsers,
  createDb,
  openContext,
  startServer,
} from './harness';
import type { DbKind } from './harness';
import { generateNational } from './generate';
import { load } from './load';
import { resultsDay, type ResultsDay } from './results-day';
import { FULL, QUICK } from './sizes';
import { median } from './stats';

/** One organization per province, its blocs moved to it; returns each province's organization. */
async function splitByProvince(
  app: INestApplicationContext,
  provinceIds: readonly number[],
): Promise<Map<number, number>> {
  const ds = app.get<DataSource>(getDataSourceToken());
  const bodies = app.get(OrganizingBodiesService);
  const out = new Map<number, number>();
  for (const [i, provinceId] of provinceIds.entries()) {
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
    out.set(provinceId, body.id);
  }
  return out;
}

/** The three office accounts of a province's organization (administrator and two who enter counts). */
const orgUsers = (organizationId: number) =>
  BENCH_USERS.map((u) => `${u}.org${organizationId}`) as [string, string, string];

async function main(): Promise<void> {
  const kind = (process.argv[2] ?? 'sqlite') as DbKind;
  const full = process.argv.includes('--full');
  const seconds = Number(process.env.BENCH_SECONDS ?? 5);
  const out = path.join(__dirname, '..');
  for (const name of ['seeds', 'templates']) {
    const link = path.join(out, name);
    if (!fs.existsSync(link)) fs.symlinkSync(path.join(out, '..', name), link, 'dir');
  }
  const db = await createDb(kind, 'tenancy');
  try {
    const app = await openContext(db);
    const generated = await generateNational(
      app,
      full
        ? FULL
        : {
            ...QUICK,
            unitsPerProvince: FULL.unitsPerProvince,
            blocsPerProvince: FULL.blocsPerProvince,
          },
    );
    const orgOf = await splitByProvince(app, generated.provinceIds);
    await createBenchUsers(app);
    const users = app.get(UsersService);
    for (const organizationId of orgOf.values())
      for (const username of orgUsers(organizationId))
        await users.create({
          username,
          displayName: `Tài khoản đo hiệu năng ${username}`,
          role: 'OFFICE_ADMIN',
          password: BENCH_PASSWORD,
          organizationId,
        });
    const ds = app.get<DataSource>(getDataSourceToken());
    const year = generated.currentYear - 1;
    const p1 = generated.provinceIds[0]!;
    const bloc = await ds.query<{ id: number }[]>(
      `SELECT MIN("id") AS id FROM "bloc" WHERE "province_id" = ${Number(p1)}`,
    );
    const blocId = Number(bloc[0]!.id);
    const meeting = await ds.query<{ id: number }[]>(
      `SELECT m."id" AS id FROM "meeting" m JOIN "bloc_term" t ON t."id" = m."term_id" WHERE t."bloc_id" = ${blocId} AND t."year" = ${year}`,
    );
    await app.close();

    const server = await startServer(path.join(__dirname, 'bench-server.js'), db);
    try {
      const single = await Api.login(server.baseUrl, BENCH_USERS[0]);
      const org1 = orgUsers(orgOf.get(p1)!);
      const office = await Api.login(server.baseUrl, org1[0]);
      const reads: Record<string, string> = {
        me: '/api/auth/me',
        ranking: `/api/blocs/${blocId}/terms/${year}/ranking`,
        meeting: `/api/meetings/${Number(meeting[0]!.id)}`,
        nominations: `/api/provinces/${p1}/nominations?year=${year}`,
        blocs: `/api/blocs?provinceId=${p1}&pageSize=500`,
        units: `/api/units?provinceId=${p1}&pageSize=100`,
      };
      const hot: Record<string, { single: number; organization: number; ratio: number }> = {};
      for (const [name, url] of Object.entries(reads)) {
        // warm both, then alternate: single, organization, organization, single (order effects cancel)
        await load(server.baseUrl, single.token!, url, 1, 8);
        await load(server.baseUrl, office.token!, url, 1, 8);
        const s: number[] = [];
        const o: number[] = [];
        for (const order of [
          ['s', 'o'],
          ['o', 's'],
        ])
          for (const who of order) {
            const r = await load(
              server.baseUrl,
              who === 's' ? single.token! : office.token!,
              url,
              seconds,
              8,
            );
            if (r.errors > 0) throw new Error(`${name}: ${r.errors} errors (${who})`);
            (who === 's' ? s : o).push(r.rps);
          }
        const rs = median(s);
        const ro = median(o);
        hot[name] = { single: Math.round(rs), organization: Math.round(ro), ratio: ro / rs };
      }
      // results days, each province has one to run: the single deployment's account on the first
      // and the last, the province's own organization on the two between (order effects cancel)
      const days: { who: 'single' | 'organization'; day: ResultsDay }[] = [];
      for (const [i, provinceId] of generated.provinceIds.slice(0, 4).entries()) {
        const who = i === 1 || i === 2 ? 'organization' : 'single';
        const names = who === 'single' ? BENCH_USERS : orgUsers(orgOf.get(provinceId)!);
        const day = await resultsDay(
          await Api.login(server.baseUrl, names[0]),
          [await Api.login(server.baseUrl, names[1]), await Api.login(server.baseUrl, names[2])],
          provinceId,
          generated.currentYear,
        );
        days.push({ who, day });
      }
      const dayMs = (who: string) =>
        median(days.filter((d) => d.who === who).map((d) => d.day.totalMs));
      console.log(
        JSON.stringify(
          {
            kind,
            dataSet: full ? 'FULL' : 'QUICK with full-size provinces',
            organizations: orgOf.size,
            seconds,
            hot,
            days: days.map((d) => ({
              who: d.who,
              ms: Math.round(d.day.totalMs),
              entryMedianMs: d.day.entryMedianMs,
            })),
            dayRatio: dayMs('organization') / dayMs('single'),
          },
          null,
          2,
        ),
      );
    } finally {
      await server.stop();
    }
  } finally {
    await db.drop();
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
