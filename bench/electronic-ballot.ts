/*
 * The electronic-ballot load of issue 18: a cụm of 200 member units (a provincial council or a large
 * cụm), all present at its year-end meeting, votes on its phones. On a fresh database of each kind
 * the units and the bloc are imported in-process (the onboarding services of issue 17); then the
 * built bench server (the production pipeline, with the write limit at its default of 300 a minute
 * per address and X-Forwarded-For trusted from the loopback, as behind the room's proxy) runs the
 * meeting through the HTTP API as the secretary would: roll, opening, an electronic ballot opened,
 * its 200 codes fetched as for printing the slips. Every delegate then casts once from their own
 * address with a realistic choice (approvals up to the seats, some against, some blank):
 *  - round "minute": each cast at a random moment within one minute (uniform, seeded), each sent
 *    when its moment comes whether or not earlier ones were answered;
 *  - round "burst": a second ballot, all 200 casts sent at once, the harshest form of "within one
 *    minute" (everyone presses when the chair says so).
 * Each cast's latency is from sending to the 201 with its receipt. After the last code the ballot
 * closes by itself; the receipts board must list exactly the receipts answered, each with the
 * choices sent, and the counts the committee confirms (computed by the server from the stored
 * ballots) must equal the counts of what was sent.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { excel } from '../src/common/lazy/exceljs';
import { BlocImportService } from '../src/onboarding/bloc-import.service';
import { BLOC_COLUMNS, UNIT_COLUMNS } from '../src/onboarding/import-columns';
import { UnitImportService } from '../src/onboarding/unit-import.service';
import type { BallotLoad, CastRound } from './ballot-table';
import type { Api, DbKind } from './harness';
import { postAcknowledging } from './results-day';
import { msSince, percentile } from './stats';

export const DELEGATES = 200;
const YEAR = 2026;
const MINUTE_MS = 60_000;

type Choice = 'AGREE' | 'DISAGREE' | 'NO_OPINION';

interface MeetingView {
  id: number;
  version: number;
  ballots: {
    id: number;
    tierId: number;
    version: number;
    nominees: { id: number }[];
    acceptedCounts: {
      ballotsReturned: number;
      valid: number;
      nominees: { agree: number; disagree: number; noOpinion: number }[];
    } | null;
  }[];
}

/** Deterministic pseudo-random numbers (mulberry32), so that two runs send the same casts. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A delegate's ballot: each nominee approved with its own likelihood (the better-known first), at
 * most `seats` approvals (the phone refuses more, so the delegate drops some), the others against
 * or without opinion; about one delegate in thirty leaves the ballot blank.
 */
function choose(random: () => number, nominees: number, seats: number): Choice[] {
  if (random() < 1 / 30) return Array.from({ length: nominees }, () => 'NO_OPINION');
  const likely = Array.from({ length: nominees }, (_, k) => 0.85 - (0.6 * k) / nominees);
  const approved = likely.map((p, k) => (random() < p ? k : -1)).filter((k) => k >= 0);
  while (approved.length > seats) approved.splice(Math.floor(random() * approved.length), 1);
  return likely.map((_, k) =>
    approved.includes(k) ? 'AGREE' : random() < 0.6 ? 'DISAGREE' : 'NO_OPINION',
  );
}

async function xlsx(header: string[], rows: (string | number)[][]): Promise<Buffer> {
  const wb = new (excel().Workbook)();
  const ws = wb.addWorksheet('Dữ liệu');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 200 communes of Hải Phòng and one cụm of all of them for the year, through the import services. */
async function importCouncil(app: INestApplicationContext): Promise<void> {
  const ds = app.get<DataSource>(getDataSourceToken());
  const hp = await ds.query<{ id: number }[]>(`SELECT "id" FROM "province" WHERE "code" = 'HP'`);
  const provinceId = Number(hp[0]!.id);
  const code = (i: number) => `BB-${String(i + 1).padStart(3, '0')}`;
  const units = await xlsx(
    Object.values(UNIT_COLUMNS).map((c) => c.label),
    Array.from({ length: DELEGATES }, (_, i) => [
      code(i),
      i % 7 === 0 ? 'phường' : 'xã',
      `Bình Bầu ${i + 1}`,
      '',
      '',
      '01/07/2025',
      '',
      '',
      '',
    ]),
  );
  const blocs = await xlsx(
    Object.values(BLOC_COLUMNS).map((c) => c.label),
    Array.from({ length: DELEGATES }, (_, i) => [
      'BB-CUM-LON',
      'Cụm thi đua các xã, phường (bỏ phiếu điện tử)',
      'cụm',
      YEAR,
      code(i),
      i === 0 ? 'Cụm trưởng' : i === 1 ? 'Cụm phó' : '',
      '',
    ]),
  );
  const file = (buffer: Buffer, name: string) => ({ originalname: name, buffer });
  const u = await app.get(UnitImportService).import(provinceId, file(units, 'u.xlsx'));
  if (u.written !== DELEGATES) throw new Error(`ballot units import wrote ${u.written}`);
  await app.get(BlocImportService).import(provinceId, file(blocs, 'b.xlsx'));
}

interface Sent {
  choices: Choice[];
  status: number;
  receipt: string | null;
  /** The error code of a refused cast. */
  code: string | null;
  ms: number;
}

/** One cast from a delegate's own address: latency from sending to the answer. */
async function castOne(
  baseUrl: string,
  ballotId: number,
  code: string,
  choices: Choice[],
  address: string,
): Promise<Sent> {
  const t = process.hrtime.bigint();
  const res = await fetch(`${baseUrl}/api/voting/${ballotId}/cast`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ code, choices }),
  });
  const body = (await res.json()) as { receipt?: string; code?: string };
  const ms = msSince(t);
  return {
    choices,
    status: res.status,
    receipt: body.receipt ?? null,
    code: body.code ?? null,
    ms,
  };
}

/** One electronic ballot of the meeting, from creation to the committee's confirmation. */
async function round(
  admin: Api,
  meetingId: number,
  opts: {
    pattern: CastRound['pattern'];
    tierId: number;
    seats: number;
    nomineeIds: number[];
    seed: number;
    oneAddress: boolean;
  },
  log: (m: string) => void,
): Promise<CastRound> {
  let m = await admin.ok<MeetingView>('POST', `/api/meetings/${meetingId}/ballots`, {
    tierId: opts.tierId,
    seats: opts.seats,
    method: 'SECRET',
    mode: 'ELECTRONIC',
    nomineeUnitIds: opts.nomineeIds,
  });
  const b = m.ballots.find((x) => x.tierId === opts.tierId)!;
  await admin.ok('POST', `/api/ballots/${b.id}/open`, { version: b.version });
  const { slips } = await admin.ok<{ slips: { code: string }[] }>(
    'GET',
    `/api/ballots/${b.id}/electronic/slips`,
  );
  if (slips.length !== DELEGATES) throw new Error(`${slips.length} codes for ${DELEGATES}`);

  const random = rng(opts.seed);
  const plan = slips.map((s, i) => ({
    code: s.code,
    // Each phone its own address on the room's Wi-Fi (or all behind one, with --one-address).
    address: opts.oneAddress ? '10.18.0.1' : `10.18.${Math.floor(i / 250)}.${(i % 250) + 1}`,
    choices: choose(random, opts.nomineeIds.length, opts.seats),
    at: opts.pattern === 'minute' ? random() * MINUTE_MS : 0,
  }));
  log(`  phiếu ${b.id} (${opts.pattern}): ${DELEGATES} đại biểu bỏ phiếu…`);
  const start = Date.now();
  const t0 = process.hrtime.bigint();
  const sent = await Promise.all(
    plan.map(async (p) => {
      const wait = p.at - (Date.now() - start);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      return castOne(admin.baseUrl, b.id, p.code, p.choices, p.address);
    }),
  );
  const wallMs = msSince(t0);
  const acknowledged = sent.filter((s) => s.status === 201 && s.receipt).length;
  const refused = sent.filter((s) => s.status !== 201);
  if (refused.length > 0)
    log(
      `  ${refused.length} phiếu bị từ chối: ${[...new Set(refused.map((s) => `${s.status} ${s.code}`))].join(', ')}`,
    );

  const status = await admin.ok<{ phase: string; closedAutomatically: boolean }>(
    'GET',
    `/api/ballots/${b.id}/electronic`,
  );
  if (status.phase === 'VOTING') await admin.ok('POST', `/api/ballots/${b.id}/electronic/close`);
  const board = await admin.ok<{ receipt: string; choices: Choice[] }[]>(
    'GET',
    `/api/voting/${b.id}/receipts`,
  );
  const byReceipt = new Map(sent.filter((s) => s.receipt).map((s) => [s.receipt!, s.choices]));
  const boardMatches =
    board.length === byReceipt.size &&
    board.every((x) => byReceipt.get(x.receipt)?.join() === x.choices.join());

  m = await postAcknowledging<MeetingView>(admin, `/api/ballots/${b.id}/electronic/confirm`, {});
  const accepted = m.ballots.find((x) => x.id === b.id)!.acceptedCounts!;
  const acked = sent.filter((s) => s.receipt);
  const countsMatch =
    accepted.ballotsReturned === acked.length &&
    accepted.valid === acked.length &&
    opts.nomineeIds.every((_, k) => {
      const n = accepted.nominees[k]!;
      const of = (c: Choice) => acked.filter((s) => s.choices[k] === c).length;
      return (
        n.agree === of('AGREE') && n.disagree === of('DISAGREE') && n.noOpinion === of('NO_OPINION')
      );
    });
  const ms = sent.map((s) => s.ms);
  return {
    pattern: opts.pattern,
    delegates: DELEGATES,
    acknowledged,
    wallMs,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    p99: percentile(ms, 99),
    max: Math.max(...ms),
    closedAutomatically: status.closedAutomatically,
    boardMatches,
    countsMatch,
  };
}

/** The whole scenario on a fresh database of the given kind. */
export async function benchBallot(
  kind: DbKind,
  benchServerJs: string,
  log: (m: string) => void,
  oneAddress = false,
): Promise<BallotLoad> {
  const harness = await import('./harness');
  const { BENCH_USERS, createBenchUsers, createDb, openContext, startServer } = harness;
  const loadAtStart = os.loadavg()[0]!;
  const started = process.hrtime.bigint();
  const db = await createDb(kind, 'ballot');
  try {
    log(`${kind}: bỏ phiếu điện tử: ${DELEGATES} đơn vị, một cụm…`);
    const app = await openContext(db);
    try {
      await importCouncil(app);
      await createBenchUsers(app);
    } finally {
      await app.close();
    }
    const server = await startServer(path.resolve(benchServerJs), db, [], {
      THROTTLE_WRITES_PER_MINUTE: '300',
      TRUST_PROXY: 'loopback',
    });
    try {
      const admin = await harness.Api.login(server.baseUrl, BENCH_USERS[0]);
      const tiers = await admin.ok<{ id: number; code: string }[]>('GET', '/api/award-tiers');
      const tierId = (c: string) => tiers.find((t) => t.code === c)!.id;
      const blocs = await admin.ok<{ items: { id: number; code: string }[] }>(
        'GET',
        '/api/blocs?pageSize=500',
      );
      const bloc = blocs.items.find((x) => x.code === 'BB-CUM-LON')!;
      const base = `/api/blocs/${bloc.id}/terms/${YEAR}`;
      const term = await admin.ok<{ members: { id: number }[] }>('GET', base);
      if (term.members.length !== DELEGATES)
        throw new Error(`${term.members.length} members, not ${DELEGATES}`);
      let m = await admin.ok<MeetingView>('POST', `${base}/meetings`, {
        meetingDate: `${YEAR + 1}-01-15`,
        startTime: '08:00',
        place: 'Hội trường Trung tâm Hội nghị thành phố',
        chairName: 'Nguyễn Văn Hùng',
        chairTitle: 'Trưởng Cụm thi đua',
        secretaryName: 'Trần Thị Lan',
        countingCommittee: [{ name: 'Lê Minh Dũng', role: 'Trưởng ban' }],
        guests: [],
        agenda: ['Bình xét, suy tôn (bỏ phiếu kín bằng hình thức điện tử)'],
        isRehearsal: false,
      });
      m = await admin.ok<MeetingView>('PUT', `/api/meetings/${m.id}/attendance`, {
        version: m.version,
        rows: term.members.map((u) => ({ unitId: u.id, present: true, delegateName: 'Đại biểu' })),
      });
      await admin.ok('POST', `/api/meetings/${m.id}/open`, { version: m.version });
      const ids = term.members.map((u) => u.id);
      const rounds = [
        await round(
          admin,
          m.id,
          {
            pattern: 'minute',
            tierId: tierId('PROV_MERIT'),
            seats: 3,
            nomineeIds: ids.slice(2, 7),
            seed: 18,
            oneAddress,
          },
          log,
        ),
        await round(
          admin,
          m.id,
          {
            pattern: 'burst',
            tierId: tierId('PROV_FLAG'),
            seats: 1,
            nomineeIds: ids.slice(0, 3),
            seed: 1818,
            oneAddress,
          },
          log,
        ),
      ];
      const r: BallotLoad = {
        kind,
        rounds,
        ...(oneAddress ? { oneAddress } : {}),
        loadAvg: [loadAtStart, os.loadavg()[0]!],
        totalMs: msSince(started),
      };
      log(`${kind}: bỏ phiếu điện tử ${JSON.stringify(r)}`);
      return r;
    } catch (e) {
      throw new Error(`${String(e)}\n${server.output()}`, { cause: e });
    } finally {
      await server.stop();
    }
  } finally {
    await db.drop().catch((e: unknown) => log(`drop: ${String(e)}`));
  }
}
