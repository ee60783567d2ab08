import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import {
  buildServer,
  killAllServers,
  startServer,
  type ServerBuild,
  type ServerProcess,
} from '../helpers/server-process';
import { onPostgres } from '../helpers/test-db';

/*
 * RELIABILITY E1 (bounded): a driver records writes over HTTP and logs every 2xx; the harness
 * SIGKILLs the real server process at a random moment of each burst and restarts it. After each
 * kill, with the server down, the SQLite file must pass integrity_check and foreign_key_check,
 * hold every acknowledged write exactly once with its audit row, and hold no half-applied bloc
 * term (a term exists with all its members and its audit row, or not at all). Unacknowledged
 * writes are then retried by the client: they must end up present exactly once.
 */

/** Kill cycles (RELIABILITY E1 asks 100: CRASH_CYCLES=100); the test timeout grows with it. */
const CYCLES = Number(process.env.CRASH_CYCLES ?? 5);
const SEED = Number(process.env.CRASH_SEED ?? 20240328);
const WORKERS = 4;
const TERM_YEAR = 2026;
const ADMIN = { username: 'crash.admin', password: 'mat-khau-thu-nghiem-2024' };
const SERVER_ENV = {
  ADMIN_USERNAME: ADMIN.username,
  ADMIN_PASSWORD: ADMIN.password,
  THROTTLE_WRITES_PER_MINUTE: '1000000',
};

/** mulberry32: a small seeded PRNG, so that a failing run can be replayed with CRASH_SEED. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Outcome = 'sent' | 'acked' | 'rejected';

interface UnitRec {
  code: string;
  body: Record<string, unknown>;
  outcome: Outcome;
  id?: number;
}

interface TermRec {
  body: { year: number; memberUnitIds: number[]; headUnitId: number; deputyUnitId: number };
  outcome: Outcome;
  id?: number;
}

interface BlocRec {
  code: string;
  body: Record<string, unknown>;
  outcome: Outcome;
  id?: number;
  term?: TermRec;
}

interface Ledger {
  units: Map<string, UnitRec>;
  blocs: Map<string, BlocRec>;
  /** HTTP answers that are neither success nor an expected refusal. */
  unexpected: string[];
}

interface Reply {
  status: number;
  body: Record<string, unknown>;
}

/** One HTTP call; throws only on network failure (the server was killed). */
async function call(
  server: ServerProcess,
  token: string,
  method: 'GET' | 'POST',
  url: string,
  body?: unknown,
): Promise<Reply> {
  const res = await fetch(`${server.baseUrl}/api${url}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    parsed = { raw: text };
  }
  return { status: res.status, body: parsed };
}

interface BurstContext {
  server: ServerProcess;
  token: string;
  provinceId: number;
  ledger: Ledger;
  cycle: number;
  stopped: boolean;
}

/** One driver: creates units, and every fourth step a bloc with a term of three of its units. */
async function driver(ctx: BurstContext, w: number): Promise<void> {
  const { ledger } = ctx;
  const free: number[] = [];
  for (let n = 1; !ctx.stopped; n++) {
    try {
      if (free.length >= 3 && n % 4 === 0) {
        const members = free.splice(0, 3); // never reused, whatever happens to this term
        const code = `KB-${ctx.cycle}-${w}-${n}`;
        const bloc: BlocRec = {
          code,
          outcome: 'sent',
          body: { code, name: `Cụm thử ${code}`, kind: 'CUM', provinceId: ctx.provinceId },
        };
        ledger.blocs.set(code, bloc);
        const b = await call(ctx.server, ctx.token, 'POST', '/blocs', bloc.body);
        if (b.status !== 201) {
          bloc.outcome = 'rejected';
          ledger.unexpected.push(`POST /blocs ${code}: ${b.status} ${JSON.stringify(b.body)}`);
          continue;
        }
        bloc.outcome = 'acked';
        bloc.id = Number(b.body.id);
        bloc.term = {
          outcome: 'sent',
          body: {
            year: TERM_YEAR,
            memberUnitIds: members,
            headUnitId: members[0]!,
            deputyUnitId: members[1]!,
          },
        };
        const t = await call(
          ctx.server,
          ctx.token,
          'POST',
          `/blocs/${bloc.id}/terms`,
          bloc.term.body,
        );
        if (t.status !== 201) {
          bloc.term.outcome = 'rejected';
          ledger.unexpected.push(`POST term ${code}: ${t.status} ${JSON.stringify(t.body)}`);
          continue;
        }
        bloc.term.outcome = 'acked';
        bloc.term.id = Number(t.body.id);
      } else {
        const code = `KU-${ctx.cycle}-${w}-${n}`;
        const unit: UnitRec = {
          code,
          outcome: 'sent',
          body: {
            code,
            shortName: `Xã thử ${code}`,
            type: 'XA',
            fullName: `xã Thử ${code}`,
            collectiveName: `Đảng bộ, chính quyền và nhân dân xã Thử ${code}`,
            provinceId: ctx.provinceId,
            validFrom: '2025-07-01',
          },
        };
        ledger.units.set(code, unit);
        const r = await call(ctx.server, ctx.token, 'POST', '/units', unit.body);
        if (r.status !== 201) {
          unit.outcome = 'rejected';
          ledger.unexpected.push(`POST /units ${code}: ${r.status} ${JSON.stringify(r.body)}`);
          continue;
        }
        unit.outcome = 'acked';
        unit.id = Number(r.body.id);
        free.push(unit.id);
      }
    } catch {
      return; // the server is gone: the request in flight stays "sent" (in doubt)
    }
  }
}

interface FileReport {
  problems: string[];
  inDoubtPresent: number;
  inDoubtAbsent: number;
}

/** Checks the database file while the server is down (read-only). */
function verifyFile(file: string, ledger: Ledger): FileReport {
  const problems: string[] = [];
  let inDoubtPresent = 0;
  let inDoubtAbsent = 0;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map(
      (r) => r.integrity_check,
    );
    if (integrity.join() !== 'ok') problems.push(`integrity_check: ${integrity.join('; ')}`);
    const fk = db.pragma('foreign_key_check') as unknown[];
    if (fk.length > 0) problems.push(`foreign_key_check: ${JSON.stringify(fk.slice(0, 5))}`);

    const audits = new Map<string, number>();
    for (const r of db
      .prepare(
        `SELECT action, entity_id AS id, COUNT(*) AS n FROM audit_log
         WHERE action IN ('unit.create', 'bloc.create', 'bloc.term.create') GROUP BY action, entity_id`,
      )
      .all() as { action: string; id: string; n: number }[])
      audits.set(`${r.action}#${r.id}`, r.n);
    const auditOf = (action: string, id: number) => audits.get(`${action}#${id}`) ?? 0;
    // An audit row never outlives (or precedes) its data row.
    for (const [action, table] of [
      ['unit.create', 'unit'],
      ['bloc.create', 'bloc'],
      ['bloc.term.create', 'bloc_term'],
    ] as const) {
      const orphans = db
        .prepare(
          `SELECT a.entity_id AS id FROM audit_log a LEFT JOIN "${table}" x ON x.id = CAST(a.entity_id AS INTEGER)
           WHERE a.action = ? AND x.id IS NULL`,
        )
        .all(action) as { id: string }[];
      if (orphans.length > 0)
        problems.push(`${action}: audit rows without data: ${orphans.map((o) => o.id).join(',')}`);
    }

    // Units: acknowledged ones present exactly once, with their audit row; no phantom.
    const unitRows = db.prepare(`SELECT id, code FROM unit WHERE code LIKE 'KU-%'`).all() as {
      id: number;
      code: string;
    }[];
    const unitByCode = new Map<string, number[]>();
    for (const u of unitRows) unitByCode.set(u.code, [...(unitByCode.get(u.code) ?? []), u.id]);
    for (const [code, ids] of unitByCode) {
      const rec = ledger.units.get(code);
      if (!rec) problems.push(`unit ${code} present but never sent`);
      if (ids.length !== 1) problems.push(`unit ${code} present ${ids.length} times`);
      for (const id of ids)
        if (auditOf('unit.create', id) !== 1)
          problems.push(`unit ${code} (#${id}) has ${auditOf('unit.create', id)} audit rows`);
      if (rec?.outcome === 'acked' && rec.id !== undefined && rec.id !== ids[0])
        problems.push(`unit ${code} acknowledged as #${rec.id}, found #${ids[0]}`);
    }
    for (const rec of ledger.units.values()) {
      const present = unitByCode.has(rec.code);
      if (rec.outcome === 'acked' && !present) problems.push(`acknowledged unit ${rec.code} lost`);
      if (rec.outcome === 'rejected' && present) problems.push(`rejected unit ${rec.code} stored`);
      if (rec.outcome === 'sent') {
        if (present) inDoubtPresent++;
        else inDoubtAbsent++;
      }
    }

    // Blocs and their terms: a term is there with all its members and its audit row, or absent.
    const blocRows = db.prepare(`SELECT id, code FROM bloc WHERE code LIKE 'KB-%'`).all() as {
      id: number;
      code: string;
    }[];
    const blocByCode = new Map(blocRows.map((b) => [b.code, b.id]));
    const termRows = db
      .prepare(
        `SELECT t.id, t.bloc_id AS blocId, t.year, t.head_unit_id AS head, t.deputy_unit_id AS deputy
         FROM bloc_term t JOIN bloc b ON b.id = t.bloc_id WHERE b.code LIKE 'KB-%'`,
      )
      .all() as { id: number; blocId: number; year: number; head: number; deputy: number }[];
    const termByBloc = new Map(termRows.map((t) => [t.blocId, t]));
    const members = new Map<number, number[]>();
    for (const m of db
      .prepare(
        `SELECT m.term_id AS termId, m.unit_id AS unitId FROM bloc_member m
         JOIN bloc_term t ON t.id = m.term_id JOIN bloc b ON b.id = t.bloc_id WHERE b.code LIKE 'KB-%'`,
      )
      .all() as { termId: number; unitId: number }[])
      members.set(m.termId, [...(members.get(m.termId) ?? []), m.unitId]);

    for (const b of blocRows) {
      const rec = ledger.blocs.get(b.code);
      if (!rec) problems.push(`bloc ${b.code} present but never sent`);
      if (auditOf('bloc.create', b.id) !== 1)
        problems.push(`bloc ${b.code} has ${auditOf('bloc.create', b.id)} audit rows`);
      const term = termByBloc.get(b.id);
      if (!term) continue;
      if (!rec?.term) {
        problems.push(`term of bloc ${b.code} present but never sent`);
        continue;
      }
      const want = [...rec.term.body.memberUnitIds].sort((x, y) => x - y);
      const got = [...(members.get(term.id) ?? [])].sort((x, y) => x - y);
      if (JSON.stringify(want) !== JSON.stringify(got))
        problems.push(`term of ${b.code}: members ${got.join(',')} ≠ ${want.join(',')}`);
      const asked = rec.term.body;
      if (
        term.year !== asked.year ||
        term.head !== asked.headUnitId ||
        term.deputy !== asked.deputyUnitId
      )
        problems.push(`term of ${b.code}: year or officers differ from the request`);
      if (auditOf('bloc.term.create', term.id) !== 1)
        problems.push(`term of ${b.code} has ${auditOf('bloc.term.create', term.id)} audit rows`);
    }
    for (const rec of ledger.blocs.values()) {
      const id = blocByCode.get(rec.code);
      if (rec.outcome === 'acked' && id === undefined)
        problems.push(`acknowledged bloc ${rec.code} lost`);
      if (rec.outcome === 'acked' && rec.id !== undefined && id !== undefined && rec.id !== id)
        problems.push(`bloc ${rec.code} acknowledged as #${rec.id}, found #${id}`);
      if (rec.outcome === 'sent') {
        if (id === undefined) inDoubtAbsent++;
        else inDoubtPresent++;
      }
      if (!rec.term || id === undefined) continue;
      const term = termByBloc.get(id);
      if (rec.term.outcome === 'acked' && !term)
        problems.push(`acknowledged term of ${rec.code} lost`);
      if (
        rec.term.outcome === 'acked' &&
        term &&
        rec.term.id !== undefined &&
        term.id !== rec.term.id
      )
        problems.push(`term of ${rec.code} acknowledged as #${rec.term.id}, found #${term.id}`);
      if (rec.term.outcome === 'sent') {
        if (term) inDoubtPresent++;
        else inDoubtAbsent++;
      }
    }
  } finally {
    db.close();
  }
  return { problems, inDoubtPresent, inDoubtAbsent };
}

/** The client retries what it never got an answer for: created once, or refused as existing. */
async function retryInDoubt(server: ServerProcess, token: string, ledger: Ledger): Promise<number> {
  let retried = 0;
  for (const rec of ledger.units.values()) {
    if (rec.outcome !== 'sent') continue;
    retried++;
    const r = await call(server, token, 'POST', '/units', rec.body);
    if (r.status === 201) Object.assign(rec, { outcome: 'acked', id: Number(r.body.id) });
    else if (r.status === 409 && r.body.code === 'UNIT_CODE_TAKEN') rec.outcome = 'acked';
    else ledger.unexpected.push(`retry unit ${rec.code}: ${r.status} ${JSON.stringify(r.body)}`);
  }
  for (const rec of ledger.blocs.values()) {
    if (rec.outcome === 'sent') {
      retried++;
      const r = await call(server, token, 'POST', '/blocs', rec.body);
      if (r.status === 201) Object.assign(rec, { outcome: 'acked', id: Number(r.body.id) });
      else if (r.status === 409 && r.body.code === 'BLOC_CODE_TAKEN') rec.outcome = 'acked';
      else ledger.unexpected.push(`retry bloc ${rec.code}: ${r.status} ${JSON.stringify(r.body)}`);
    }
    if (rec.term?.outcome === 'sent' && rec.id !== undefined) {
      retried++;
      const r = await call(server, token, 'POST', `/blocs/${rec.id}/terms`, rec.term.body);
      if (r.status === 201) Object.assign(rec.term, { outcome: 'acked', id: Number(r.body.id) });
      else if (r.status === 409 && r.body.code === 'BLOC_TERM_EXISTS') rec.term.outcome = 'acked';
      else ledger.unexpected.push(`retry term ${rec.code}: ${r.status} ${JSON.stringify(r.body)}`);
    }
  }
  return retried;
}

async function login(server: ServerProcess): Promise<string> {
  const res = await fetch(`${server.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...ADMIN, mode: 'token' }),
  });
  const body = (await res.json()) as { token?: string };
  if (res.status !== 200 || !body.token)
    throw new Error(`login failed: ${res.status} ${JSON.stringify(body)}\n${server.output()}`);
  return body.token;
}

(onPostgres ? describe.skip : describe)('kill -9 during writes (E1, bounded)', () => {
  let build: ServerBuild | undefined;
  let dir: string;
  let server: ServerProcess | undefined;

  beforeAll(() => {
    build = buildServer();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-crash-'));
  }, 180_000);

  afterAll(async () => {
    await killAllServers();
    build?.remove();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it(
    `loses no acknowledged write and applies no half command across ${CYCLES} SIGKILLs`,
    async () => {
      const started = Date.now();
      const random = prng(SEED);
      const dbFile = path.join(dir, 'crash.sqlite');
      const ledger: Ledger = { units: new Map(), blocs: new Map(), unexpected: [] };
      const log: string[] = [`seed ${SEED}`];

      server = await startServer(build!, { dbFile, env: SERVER_ENV });
      const token = await login(server);
      const provinces = await call(server, token, 'GET', '/provinces');
      const list = provinces.body as unknown as { id: number; validTo: string | null }[];
      const provinceId = list.find((p) => p.validTo === null)!.id;

      let kills = 0;
      for (let cycle = 1; cycle <= CYCLES; cycle++) {
        const ctx: BurstContext = { server, token, provinceId, ledger, cycle, stopped: false };
        const ackedBefore = [...ledger.units.values()].filter((u) => u.outcome === 'acked').length;
        const drivers = Array.from({ length: WORKERS }, (_, w) => driver(ctx, w + 1));
        const killAfter = Math.round(250 + random() * 1250);
        await sleep(killAfter);
        await server.kill();
        kills++;
        ctx.stopped = true;
        await Promise.all(drivers);

        const report = verifyFile(dbFile, ledger);
        expect({ cycle, problems: report.problems }).toEqual({ cycle, problems: [] });
        const acked = [...ledger.units.values()].filter((u) => u.outcome === 'acked').length;

        const bootStart = Date.now();
        server = await startServer(build!, { dbFile, env: SERVER_ENV });
        const bootMs = Date.now() - bootStart;
        const retried = await retryInDoubt(server, token, ledger);
        const chain = await call(server, token, 'GET', '/audit/verify');
        expect({ cycle, chain: chain.body.ok }).toEqual({ cycle, chain: true });
        log.push(
          `cycle ${cycle}: kill after ${killAfter} ms, +${acked - ackedBefore} units acked, ` +
            `in doubt ${report.inDoubtPresent} present / ${report.inDoubtAbsent} absent, ` +
            `${retried} retried, restart ${bootMs} ms`,
        );
      }

      // The retries of the last cycle, checked the same way after a final kill.
      await server.kill();
      const final = verifyFile(dbFile, ledger);
      expect(final.problems).toEqual([]);
      expect(ledger.unexpected).toEqual([]);
      const all = [...ledger.units.values()];
      expect(all.every((u) => u.outcome === 'acked')).toBe(true);
      const terms = [...ledger.blocs.values()].filter((b) => b.term?.outcome === 'acked').length;
      expect(kills).toBe(CYCLES);
      expect(all.length).toBeGreaterThan(CYCLES * WORKERS);
      expect(terms).toBeGreaterThan(0);
      log.push(
        `total: ${all.length} units, ${ledger.blocs.size} blocs, ${terms} terms, ${Date.now() - started} ms`,
      );
      console.log(`E1 crash harness\n  ${log.join('\n  ')}`);
    },
    60_000 + CYCLES * 20_000,
  );
});
