import { AuditKey } from './audit-key';
import {
  crossesCheckpoint,
  GENESIS_HASH,
  keyedHash,
  parseCheckpoint,
  plainHash,
  signCheckpoint,
  SWITCH_ACTION,
  verificationForOrganization,
  verifyAuditLog,
  type ChainedContent,
  type ChainedRow,
} from './audit-chain';

const key = new AuditKey(Buffer.alloc(32, 7));
const otherKey = new AuditKey(Buffer.alloc(32, 8));

const content = (i: number, prevHash: string, action = 'unit.update'): ChainedContent => ({
  prevHash,
  at: `2024-03-28T0${i % 10}:00:00.000Z`,
  userId: 1,
  username: 'ketoan',
  role: 'OFFICE_STAFF',
  organizingBodyId: null,
  action,
  entityType: 'unit',
  entityId: String(i),
  before: null,
  after: action === SWITCH_ACTION ? JSON.stringify({ keyId: key.id }) : `{"n":${i}}`,
  reason: null,
  requestId: `r${i}`,
  disposition: 'SUCCESS',
});

/** `plain` rows chained with SHA-256, then a switch row and `keyed - 1` rows under the key. */
function log(plain: number, keyed: number): ChainedRow[] {
  const rows: ChainedRow[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= plain + keyed; i++) {
    const c = content(i, prev, i === plain + 1 ? SWITCH_ACTION : 'unit.update');
    const hash = i <= plain ? plainHash(c) : keyedHash(key, c);
    rows.push({ ...c, id: i, hash });
    prev = hash;
  }
  return rows;
}

/** What someone without the key can do: edit row `id` and recompute the plain hashes after it. */
function rewritePlain(rows: ChainedRow[], id: number): ChainedRow[] {
  let prev = rows.find((r) => r.id === id - 1)?.hash ?? GENESIS_HASH;
  return rows.map((r) => {
    if (r.id < id) return r;
    const c = { ...r, prevHash: prev, after: r.id === id ? '{"n":"sửa"}' : r.after };
    prev = plainHash(c);
    return { ...c, hash: prev };
  });
}

describe('audit chain', () => {
  it('keeps the hash of a row without organization, and covers the organization when set (issue 21)', () => {
    const c = content(1, GENESIS_HASH);
    // the hash of a row written before organizations existed, computed as it was then
    const before: Partial<ChainedContent> = { ...c };
    delete before.organizingBodyId;
    const legacy = plainHash(before as ChainedContent);
    expect(plainHash(c)).toBe(legacy);
    expect(plainHash({ ...c, organizingBodyId: 2 })).not.toBe(legacy);
    expect(keyedHash(key, { ...c, organizingBodyId: 2 })).not.toBe(
      keyedHash(key, { ...c, organizingBodyId: 3 }),
    );
  });

  it('accepts plain rows before the switch row and keyed rows from it', () => {
    expect(verifyAuditLog(log(3, 4), key, [])).toMatchObject({
      ok: true,
      checked: 7,
      keyedFromId: 4,
      problem: null,
    });
    expect(verifyAuditLog(log(0, 3), key, [])).toMatchObject({ ok: true, keyedFromId: 1 });
  });

  it('finds a keyed row rewritten with its plain hashes recomputed', () => {
    const r = verifyAuditLog(rewritePlain(log(3, 5), 6), key, []);
    expect(r).toMatchObject({ ok: false, problem: 'CHAIN_BROKEN', firstBrokenId: 6 });
  });

  it('finds a plain row rewritten with every later plain hash recomputed (the switch row no longer links)', () => {
    const rows = log(3, 3);
    const plainPart = rewritePlain(rows.slice(0, 3), 2);
    const r = verifyAuditLog([...plainPart, ...rows.slice(3)], key, []);
    expect(r).toMatchObject({ ok: false, problem: 'CHAIN_BROKEN', firstBrokenId: 4 });
  });

  it('refuses a log put back to the plain chain or emptied, and a switch row of another key', () => {
    const downgraded = log(6, 0);
    expect(verifyAuditLog(downgraded, key, [])).toMatchObject({ ok: false, problem: 'NOT_KEYED' });
    expect(verifyAuditLog([], key, [])).toMatchObject({ ok: false, problem: 'NOT_KEYED' });
    expect(verifyAuditLog(log(2, 2), otherKey, [])).toMatchObject({
      ok: false,
      problem: 'KEY_MISMATCH',
      firstBrokenId: 3,
    });
  });

  it('finds a log cut short only with a checkpoint taken before the cut', () => {
    const rows = log(2, 6);
    const c = signCheckpoint(key, { auditId: 8, headHash: rows[7]!.hash }, '2024-03-28T10:00:00Z');
    const cut = rows.slice(0, 5);
    expect(verifyAuditLog(cut, key, []).ok).toBe(true);
    expect(verifyAuditLog(cut, key, [], c)).toMatchObject({
      ok: false,
      problem: 'CHECKPOINT_ROW_MISSING',
      checkpoint: { auditId: 8, ok: false },
    });
    expect(verifyAuditLog(cut, key, [c])).toMatchObject({
      ok: false,
      problem: 'STORED_CHECKPOINT_INVALID',
    });
    expect(verifyAuditLog(rows, key, [c], c)).toMatchObject({
      ok: true,
      checkpointsChecked: 1,
      checkpoint: { auditId: 8, ok: true },
    });
  });

  it('refuses a checkpoint whose fields were changed, or that another key signed', () => {
    const rows = log(0, 4);
    const c = signCheckpoint(key, { auditId: 4, headHash: rows[3]!.hash }, '2024-03-28T10:00:00Z');
    const moved = { ...c, auditId: 3, headHash: rows[2]!.hash };
    expect(verifyAuditLog(rows, key, [], moved).problem).toBe('CHECKPOINT_SIGNATURE_INVALID');
    const foreign = signCheckpoint(otherKey, { auditId: 4, headHash: rows[3]!.hash }, c.at);
    expect(verifyAuditLog(rows, key, [], foreign).problem).toBe('CHECKPOINT_OTHER_KEY');
  });

  it('reads a checkpoint file and nothing else', () => {
    const c = signCheckpoint(key, { auditId: 4, headHash: 'a'.repeat(64) }, '2024-03-28T10:00:00Z');
    expect(parseCheckpoint(JSON.parse(JSON.stringify(c)))).toEqual(c);
    expect(parseCheckpoint({ ...c, auditId: '4' })).toBeNull();
    expect(parseCheckpoint({ ...c, format: 'x' })).toBeNull();
    expect(parseCheckpoint({ ...c, signature: 'zz' })).toBeNull();
    expect(parseCheckpoint(null)).toBeNull();
  });

  it('takes a checkpoint each time the row id passes a multiple of the period, gaps included', () => {
    expect(crossesCheckpoint(99, 100, 100)).toBe(true);
    expect(crossesCheckpoint(98, 99, 100)).toBe(false);
    expect(crossesCheckpoint(98, 103, 100)).toBe(true);
    expect(crossesCheckpoint(0, 1, 1)).toBe(true);
  });
});

describe("an organization's reading of the verification (issue 21)", () => {
  // rows 1–8; the even ones belong to organization 2, the odd ones to organization 3
  const owned = (rows: ChainedRow[]) =>
    rows.map((r) => ({ ...r, organizingBodyId: r.id % 2 === 0 ? 2 : 3 }));

  it('counts only its rows when the log is intact', () => {
    const rows = owned(log(3, 5));
    const v = verificationForOrganization(verifyAuditLog(log(3, 5), key, []), rows, 2);
    expect(v).toMatchObject({ ok: true, checked: 4, firstBrokenId: null });
    expect(v.message).toContain('4 dòng của tổ chức');
  });

  it('names a broken row of its own, and of another only that the log is not intact', () => {
    const rows = owned(log(3, 5));
    const own = verificationForOrganization(
      verifyAuditLog(rewritePlain(log(3, 5), 6), key, []),
      rows,
      2,
    );
    expect(own).toMatchObject({ ok: false, problem: 'CHAIN_BROKEN', firstBrokenId: 6 });
    const other = verificationForOrganization(
      verifyAuditLog(rewritePlain(log(3, 5), 6), key, []),
      rows,
      3,
    );
    expect(other).toMatchObject({
      ok: false,
      problem: 'CHAIN_BROKEN',
      firstBrokenId: null,
      checked: 4,
    });
    expect(other.message).toContain('không thuộc tổ chức');
    expect(other.message).not.toMatch(/\d/);
  });
});
