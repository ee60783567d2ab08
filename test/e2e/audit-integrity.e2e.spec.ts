import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import Database from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.setup';
import {
  GENESIS_HASH,
  plainHash,
  SWITCH_ACTION,
  type AuditCheckpoint,
  type ChainedRow,
} from '../../src/audit/audit-chain';
import { createAuditKey } from '../../src/audit/audit-key';
import { runAuditCli } from '../../src/app/audit-cli';
import { AuditService } from '../../src/audit/audit.service';
import type { AppConfig } from '../../src/config/app-config';
import { backupSqlite, restoreSqlite } from '../../src/database/backup';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { createTestDatabase, onPostgres, openDataSource } from '../helpers/test-db';

const COLUMNS = [
  'id',
  'at',
  'user_id',
  'username',
  'role',
  'action',
  'entity_type',
  'entity_id',
  'before',
  'after',
  'reason',
  'request_id',
  'disposition',
  'prev_hash',
  'hash',
] as const;
const REFUSED = /append-only|chỉ ghi thêm/;
const SELECT_ROWS = `SELECT id, at, user_id AS "userId", username, role, action, entity_type AS "entityType", entity_id AS "entityId", before, after, reason, request_id AS "requestId", disposition, prev_hash AS "prevHash", hash FROM "audit_log" ORDER BY id`;

async function auditRows(ds: DataSource): Promise<ChainedRow[]> {
  const rows = await ds.query<ChainedRow[]>(SELECT_ROWS);
  return rows.map((r) => ({
    ...r,
    id: Number(r.id),
    userId: r.userId === null ? null : Number(r.userId),
  }));
}

/** What someone who can write the database does first: take the append-only triggers away. */
async function dropAppendOnlyTriggers(ds: DataSource): Promise<void> {
  if (onPostgres) {
    await ds.query(`ALTER TABLE "audit_log" DISABLE TRIGGER USER`);
    await ds.query(`ALTER TABLE "audit_checkpoint" DISABLE TRIGGER USER`);
    return;
  }
  for (const t of [
    'audit_log_no_update',
    'audit_log_no_delete',
    'audit_log_no_replace',
    'audit_checkpoint_no_update',
    'audit_checkpoint_no_delete',
  ])
    await ds.query(`DROP TRIGGER "${t}"`);
}

/** Rewrites row `id` and recomputes the plain SHA-256 chain from it to `until` (no key needed). */
async function rewriteWithPlainHashes(ds: DataSource, id: number, until = Infinity): Promise<void> {
  const rows = await auditRows(ds);
  let prev = rows.find((r) => r.id === id - 1)?.hash ?? GENESIS_HASH;
  for (const r of rows.filter((x) => x.id >= id && x.id <= until)) {
    const changed = { ...r, prevHash: prev, after: r.id === id ? '{"name":"Đã sửa"}' : r.after };
    prev = plainHash(changed);
    await ds.query(
      `UPDATE "audit_log" SET "after" = $1, "prev_hash" = $2, "hash" = $3 WHERE "id" = $4`.replace(
        /\$\d/g,
        onPostgres ? (m) => m : () => '?',
      ),
      [changed.after, changed.prevHash, prev, r.id],
    );
  }
}

/** A plain SHA-256 chain check, as `verify` did before the key: true when every link matches. */
function plainChainHolds(rows: readonly ChainedRow[], prev = GENESIS_HASH): boolean {
  return rows.every((r) => {
    const ok = r.prevHash === prev && r.hash === plainHash(r);
    prev = r.hash;
    return ok;
  });
}

/** The app on an existing database and key; `init` rejects when the start is refused. */
async function startApp(
  config: AppConfig,
): Promise<{ app: NestExpressApplication; close: () => Promise<void> }> {
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] })
    .setLogger({
      log: () => undefined,
      warn: () => undefined,
      error: () => undefined,
      debug: () => undefined,
      verbose: () => undefined,
    })
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false });
  configureApp(app, config);
  try {
    await app.init();
  } catch (e) {
    await app.close().catch(() => undefined);
    throw e;
  }
  return { app, close: () => app.close() };
}

function cliEnv(config: AppConfig, keyFile = config.AUDIT_KEY_FILE): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: config.DATABASE_URL,
    DATABASE_SCHEMA: config.DATABASE_SCHEMA,
    AUDIT_KEY_FILE: keyFile,
  };
}

const asQuery = (c: AuditCheckpoint) =>
  `auditId=${c.auditId}&headHash=${c.headHash}&at=${encodeURIComponent(c.at)}&keyId=${c.keyId}&signature=${c.signature}`;

async function addProvinces(t: TestApp, codes: string[]): Promise<void> {
  for (const code of codes)
    await t
      .http()
      .post('/api/provinces')
      .send({ code, name: `Tỉnh ${code}`, fullName: `tỉnh ${code}`, validFrom: '2020-01-01' })
      .expect(201);
}

describe('audit log: the database refuses every rewrite', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: false, config: { AUDIT_CHECKPOINT_EVERY: 2 } });
    await addProvinces(t, ['ZTA', 'ZTB', 'ZTC']);
  });
  afterAll(() => t.close());

  it('refuses UPDATE, DELETE, REPLACE and UPSERT of an audit row, and leaves it as it was', async () => {
    const [first, second] = await auditRows(t.dataSource);
    const id = second!.id;
    const cols = COLUMNS.map((c) => `"${c}"`).join(', ');
    const copy = (overrides: Partial<Record<(typeof COLUMNS)[number], string>>) =>
      `SELECT ${COLUMNS.map((c) => overrides[c] ?? `"${c}"`).join(', ')} FROM "audit_log" WHERE "id" = ${id}`;
    const forged = copy({ username: `'ke-gian'` });
    const attempts = [
      `UPDATE "audit_log" SET "username" = 'ke-gian' WHERE "id" = ${id}`,
      `DELETE FROM "audit_log" WHERE "id" = ${id}`,
      `INSERT INTO "audit_log" (${cols}) ${forged} ON CONFLICT ("id") DO UPDATE SET "username" = 'ke-gian'`,
      `INSERT INTO "audit_log" (${cols}) ${forged} ON CONFLICT ("hash") DO UPDATE SET "username" = 'ke-gian'`,
      ...(onPostgres
        ? [`TRUNCATE "audit_log"`]
        : [
            `INSERT OR REPLACE INTO "audit_log" (${cols}) ${forged}`,
            `REPLACE INTO "audit_log" (${cols}) ${forged}`,
            // a new id with the old hash: the UNIQUE(hash) conflict would delete the old row
            `INSERT OR REPLACE INTO "audit_log" (${cols}) ${copy({ id: 'NULL', username: `'ke-gian'` })}`,
            `UPDATE OR REPLACE "audit_log" SET "id" = ${id} WHERE "id" = ${first!.id}`,
          ]),
    ];
    const before = await auditRows(t.dataSource);
    for (const sql of attempts) await expect(t.dataSource.query(sql)).rejects.toThrow(REFUSED);
    expect(await auditRows(t.dataSource)).toEqual(before);
    expect((await t.http().get('/api/audit/verify').expect(200)).body).toMatchObject({ ok: true });
  });

  (onPostgres ? it.skip : it)(
    'SQLite: refuses REPLACE from a connection without recursive_triggers (a sqlite3 shell)',
    () => {
      const file = t.db.config.DATABASE_URL.slice('sqlite:'.length);
      const shell = new Database(file);
      try {
        expect(shell.pragma('recursive_triggers', { simple: true })).toBe(0);
        const row = shell.prepare(`SELECT * FROM "audit_log" WHERE "id" = 2`).get() as Record<
          string,
          unknown
        >;
        const sql = `INSERT OR REPLACE INTO "audit_log" (${COLUMNS.map((c) => `"${c}"`).join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`;
        expect(() =>
          shell.prepare(sql).run(COLUMNS.map((c) => (c === 'username' ? 'ke-gian' : row[c]))),
        ).toThrow(/không được ghi đè dòng đã có/);
        expect(shell.prepare(`SELECT "username" FROM "audit_log" WHERE "id" = 2`).get()).toEqual({
          username: row.username,
        });
      } finally {
        shell.close();
      }
    },
  );

  it('refuses UPDATE, DELETE and REPLACE of a checkpoint', async () => {
    const stored = await t.dataSource.query<{ id: number }[]>(`SELECT id FROM "audit_checkpoint"`);
    expect(stored.length).toBeGreaterThan(0); // every 2 rows
    await expect(
      t.dataSource.query(`UPDATE "audit_checkpoint" SET "audit_id" = 1`),
    ).rejects.toThrow(REFUSED);
    await expect(t.dataSource.query(`DELETE FROM "audit_checkpoint"`)).rejects.toThrow(REFUSED);
    const cols = `"id", "at", "audit_id", "head_hash", "key_id", "signature"`;
    const upsert = onPostgres
      ? `INSERT INTO "audit_checkpoint" (${cols}) SELECT ${cols} FROM "audit_checkpoint" WHERE "id" = ${stored[0]!.id} ON CONFLICT ("id") DO UPDATE SET "audit_id" = 1`
      : `INSERT OR REPLACE INTO "audit_checkpoint" (${cols}) SELECT ${cols} FROM "audit_checkpoint" WHERE "id" = ${stored[0]!.id}`;
    await expect(t.dataSource.query(upsert)).rejects.toThrow(REFUSED);
  });
});

describe('audit log: tampering by someone without the key', () => {
  let t: TestApp;
  let keyDir: string;
  beforeAll(async () => {
    t = await createTestApp({ seed: false });
    keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-cp-'));
    await addProvinces(
      t,
      ['TA', 'TB', 'TC', 'TD'].map((c) => `Z${c}`),
    );
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(keyDir, { recursive: true, force: true });
  });

  it('a row rewritten with its plain SHA-256 hashes recomputed fails verify', async () => {
    const rows = await auditRows(t.dataSource);
    const target = rows[rows.length - 3]!;
    expect(target.id).toBeGreaterThan(rows.find((r) => r.action === SWITCH_ACTION)!.id);
    await dropAppendOnlyTriggers(t.dataSource);
    await rewriteWithPlainHashes(t.dataSource, target.id);
    const rewritten = await auditRows(t.dataSource);
    expect(rewritten.find((r) => r.id === target.id)!.after).toBe('{"name":"Đã sửa"}');
    // Before the key, this was all it took: from the row on, the log is a whole plain SHA-256 chain.
    const from = rewritten.findIndex((r) => r.id === target.id);
    expect(plainChainHolds(rewritten.slice(from), rewritten[from - 1]!.hash)).toBe(true);
    const verify = (await t.http().get('/api/audit/verify').expect(200)).body;
    expect(verify).toMatchObject({ ok: false, problem: 'CHAIN_BROKEN', firstBrokenId: target.id });
    expect(verify.message).toContain(`dòng #${target.id}`);
    const lines: string[] = [];
    expect(
      await runAuditCli(
        ['verify'],
        cliEnv(t.db.config),
        () => undefined,
        (l) => lines.push(l),
      ),
    ).toBe(1);
    expect(lines.join('\n')).toMatch(
      new RegExp(`KHÔNG ĐẠT: Chuỗi băm bị phá vỡ tại dòng #${target.id}`),
    );
  });
});

describe('audit log: checkpoints', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    t = await createTestApp({ seed: false, config: { AUDIT_CHECKPOINT_EVERY: 1000 } });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-cp-'));
    await addProvinces(
      t,
      ['TA', 'TB', 'TC', 'TD', 'TE'].map((c) => `Z${c}`),
    );
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('are taken on demand by an office administrator, exported, and checked by verify and the CLI', async () => {
    const staff = await t.login({ username: 'cv.nhatky', role: 'OFFICE_STAFF' });
    await t.as(staff).post('/api/audit/checkpoints').expect(403);
    await t.http().get('/api/audit/checkpoints/latest').expect(404);
    const res = await t.http().post('/api/audit/checkpoints').expect(201);
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="diem-moc-nhat-ky-\d+\.json"/,
    );
    const c = res.body as AuditCheckpoint;
    const head = (await auditRows(t.dataSource)).at(-1)!;
    expect(c).toMatchObject({
      auditId: head.id,
      headHash: head.hash,
      format: 'thidua-audit-checkpoint/1',
    });
    expect((await t.http().get('/api/audit/checkpoints/latest').expect(200)).body).toEqual(c);
    expect(
      (
        await t
          .http()
          .get(`/api/audit/verify?${asQuery(c)}`)
          .expect(200)
      ).body,
    ).toMatchObject({
      ok: true,
      checkpoint: { auditId: c.auditId, ok: true },
      checkpointsChecked: 1,
    });
    const partial = await t.http().get(`/api/audit/verify?auditId=${c.auditId}`).expect(400);
    expect(partial.body.code).toBe('AUDIT_CHECKPOINT_INCOMPLETE');
    const file = path.join(dir, 'moc.json');
    const out: string[] = [];
    expect(
      await runAuditCli(['checkpoint', '--out', file], cliEnv(t.db.config), (l) => out.push(l)),
    ).toBe(0);
    expect(out.join()).toContain(file);
    expect(
      await runAuditCli(['verify', '--checkpoint', file], cliEnv(t.db.config), () => undefined),
    ).toBe(0);
  });

  it('a log cut short after a checkpoint passes the chain check alone, and fails against the checkpoint', async () => {
    await addProvinces(
      t,
      ['TF', 'TG'].map((c) => `Z${c}`),
    );
    const c = (await t.http().post('/api/audit/checkpoints').expect(201)).body as AuditCheckpoint;
    const file = path.join(dir, 'moc-cuoi.json');
    fs.writeFileSync(file, JSON.stringify(c));
    await dropAppendOnlyTriggers(t.dataSource);
    await t.dataSource.query(`DELETE FROM "audit_log" WHERE "id" > ${c.auditId - 3}`);
    // the checkpoints stored in the database still reveal it…
    expect((await t.http().get('/api/audit/verify').expect(200)).body).toMatchObject({
      ok: false,
      problem: 'STORED_CHECKPOINT_INVALID',
    });
    // …until they are deleted too: the shorter chain is whole, only a kept checkpoint shows the cut.
    await t.dataSource.query(`DELETE FROM "audit_checkpoint"`);
    expect((await t.http().get('/api/audit/verify').expect(200)).body).toMatchObject({ ok: true });
    const verify = (
      await t
        .http()
        .get(`/api/audit/verify?${asQuery(c)}`)
        .expect(200)
    ).body;
    expect(verify).toMatchObject({
      ok: false,
      problem: 'CHECKPOINT_ROW_MISSING',
      checkpoint: { auditId: c.auditId, ok: false },
    });
    expect(verify.message).toContain('cắt bớt');
    const lines: string[] = [];
    const code = await runAuditCli(
      ['verify', '--checkpoint', file],
      cliEnv(t.db.config),
      () => undefined,
      (l) => lines.push(l),
    );
    expect(code).toBe(1);
    expect(lines.join()).toContain('cắt bớt');
    // A forged checkpoint (other row, same signature) is refused.
    const forged = { ...c, auditId: c.auditId - 4 };
    expect(
      (
        await t
          .http()
          .get(`/api/audit/verify?${asQuery(forged)}`)
          .expect(200)
      ).body,
    ).toMatchObject({
      ok: false,
      problem: 'CHECKPOINT_SIGNATURE_INVALID',
    });
  });
});

describe('audit key', () => {
  let t: TestApp;
  const logs: string[] = [];
  let dir: string;
  beforeAll(async () => {
    t = await createTestApp({ seed: false, logs, config: { AUDIT_CHECKPOINT_EVERY: 3 } });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-key-'));
    await addProvinces(
      t,
      ['TA', 'TB'].map((c) => `Z${c}`),
    );
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is created at first start, readable by its owner only', () => {
    expect(fs.statSync(t.db.config.AUDIT_KEY_FILE).mode & 0o777).toBe(0o600);
    expect(logs.join('\n')).toContain('Đã tạo khóa nhật ký mới');
  });

  it('is never returned by any API route nor written to the log', async () => {
    const secret = fs.readFileSync(t.db.config.AUDIT_KEY_FILE, 'utf8').trim();
    const spec = (await t.http().get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const gets = Object.entries(spec.paths)
      .filter(([, ops]) => 'get' in ops)
      .map(([p]) => p.replace(/\{[^}]+\}/g, '1'));
    expect(gets).toEqual(
      expect.arrayContaining(['/api/audit/verify', '/api/audit/checkpoints/latest']),
    );
    await t.http().post('/api/audit/checkpoints').expect(201);
    const bodies: string[] = [];
    for (const url of gets) bodies.push((await t.http().get(url)).text ?? '');
    bodies.push((await t.http().post('/api/audit/checkpoints')).text);
    expect(bodies.filter((b) => b.includes(secret))).toEqual([]);
    expect(logs.filter((l) => l.includes(secret))).toEqual([]);
    expect(logs.length).toBeGreaterThan(0);
  });

  it('refuses to start, saying why, when the key file is missing, too open or another key', async () => {
    const missing = path.join(dir, 'khong-co.key');
    await expect(startApp({ ...t.db.config, AUDIT_KEY_FILE: missing })).rejects.toThrow(
      /Không tìm thấy tệp khóa nhật ký .*đã được ký bằng khóa .*khôi phục tệp khóa từ bản sao lưu/,
    );
    expect(fs.existsSync(missing)).toBe(false); // never a new key for a signed log
    const open = path.join(dir, 'mo.key');
    fs.copyFileSync(t.db.config.AUDIT_KEY_FILE, open);
    fs.chmodSync(open, 0o644);
    await expect(startApp({ ...t.db.config, AUDIT_KEY_FILE: open })).rejects.toThrow(/chmod 600/);
    const other = path.join(dir, 'khac.key');
    createAuditKey(other);
    await expect(startApp({ ...t.db.config, AUDIT_KEY_FILE: other })).rejects.toThrow(
      /không phải khóa của cơ sở dữ liệu này/,
    );
  });

  (onPostgres ? it.skip : it)(
    'SQLite: a restored backup verifies with the same key, and is refused without it',
    async () => {
      const backup = path.join(dir, 'sao-luu.sqlite');
      await backupSqlite(t.db.config.DATABASE_URL.slice('sqlite:'.length), backup);
      const restored = path.join(dir, 'khoi-phuc.sqlite');
      await restoreSqlite(backup, restored);
      const config = { ...t.db.config, DATABASE_URL: `sqlite:${restored}` };
      const app = await startApp(config);
      try {
        expect(await app.app.get(AuditService).verify()).toMatchObject({ ok: true });
      } finally {
        await app.close();
      }
      await expect(
        startApp({ ...config, AUDIT_KEY_FILE: path.join(dir, 'moi.key') }),
      ).rejects.toThrow(/khôi phục tệp khóa/);
    },
  );
});

describe('audit log: a database whose rows were chained before the key', () => {
  it('keeps the plain rows, starts the keyed chain after the last of them, and still finds a rewrite of them', async () => {
    const db = await createTestDatabase({ SEED_DEMO: false });
    const ds = await openDataSource(db.config);
    let prev = GENESIS_HASH;
    for (let i = 1; i <= 3; i++) {
      const row = {
        prevHash: prev,
        at: `2024-03-2${i}T08:00:00.000Z`,
        userId: null,
        username: 'system',
        role: 'SYSTEM',
        organizingBodyId: null,
        action: 'province.create',
        entityType: 'province',
        entityId: String(i),
        before: null,
        after: `{"code":"P${i}"}`,
        reason: null,
        requestId: 'system',
        disposition: 'SUCCESS',
      };
      prev = plainHash(row);
      await ds.query(
        `INSERT INTO "audit_log" ("at", "user_id", "username", "role", "action", "entity_type", "entity_id", "before", "after", "reason", "request_id", "disposition", "prev_hash", "hash") VALUES (${Array.from({ length: 14 }, (_, k) => (onPostgres ? `$${k + 1}` : '?')).join(', ')})`,
        [
          row.at,
          null,
          row.username,
          row.role,
          row.action,
          row.entityType,
          row.entityId,
          null,
          row.after,
          null,
          row.requestId,
          row.disposition,
          row.prevHash,
          prev,
        ],
      );
    }
    await ds.destroy();
    const app = await startApp(db.config);
    try {
      const audit = app.app.get(AuditService);
      expect(await audit.verify()).toMatchObject({ ok: true, checked: 4, keyedFromId: 4 });
      const appDs = app.app.get<DataSource>(getDataSourceToken());
      const rows = await auditRows(appDs);
      expect(rows[3]).toMatchObject({ action: SWITCH_ACTION, prevHash: rows[2]!.hash });
      await dropAppendOnlyTriggers(appDs);
      await rewriteWithPlainHashes(appDs, 2, 3);
      // the plain rows are a whole plain chain again, but the keyed switch row no longer links to them
      expect(plainChainHolds((await auditRows(appDs)).slice(0, 3))).toBe(true);
      const r = await audit.verify();
      expect(r).toMatchObject({ ok: false, problem: 'CHAIN_BROKEN', firstBrokenId: 4 });
    } finally {
      await app.close();
      await db.drop();
    }
  });
});
