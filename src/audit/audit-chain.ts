/*
 * The audit log's hash chain and its checkpoints, as pure functions (no Nest, no TypeORM).
 *
 * Rows written before the audit key existed keep their plain SHA-256 chain; the first row written
 * with the key is the switch row (action `audit.chain.keyed`, prevHash = the last plain hash), and
 * from it on every row's hash is HMAC-SHA-256 under the key. A checkpoint is the head row's id and
 * hash at a time, signed with the key, kept outside the database by the operator.
 */
import { createHash } from 'node:crypto';
import type { AuditKey } from './audit-key';

export const GENESIS_HASH = '0'.repeat(64);

/** Action of the row that starts the keyed chain. */
export const SWITCH_ACTION = 'audit.chain.keyed';

export const CHECKPOINT_FORMAT = 'thidua-audit-checkpoint/1';

/** The columns a row's hash covers (every column but id and hash). */
export interface ChainedContent {
  prevHash: string;
  at: string;
  userId: number | null;
  username: string;
  role: string;
  /** The actor's organization (issue 21); covered by the hash when not null. */
  organizingBodyId: number | null;
  action: string;
  entityType: string;
  entityId: string;
  before: string | null;
  after: string | null;
  reason: string | null;
  requestId: string;
  disposition: string;
}

export interface ChainedRow extends ChainedContent {
  id: number;
  hash: string;
}

/**
 * The canonical text a row's hash covers, in a fixed order (unchanged since the plain chain). The
 * organization, added by issue 21, is appended only when set, so rows written before it (all null)
 * keep the hash they were written with.
 */
function canonical(row: ChainedContent): string {
  const fields: unknown[] = [
    row.prevHash,
    row.at,
    row.userId,
    row.username,
    row.role,
    row.action,
    row.entityType,
    row.entityId,
    row.before,
    row.after,
    row.reason,
    row.requestId,
    row.disposition,
  ];
  if (row.organizingBodyId !== null && row.organizingBodyId !== undefined)
    fields.push(row.organizingBodyId);
  return JSON.stringify(fields);
}

/** Plain SHA-256 of a row: the chain of rows written before the key existed. */
export function plainHash(row: ChainedContent): string {
  return createHash('sha256').update(canonical(row)).digest('hex');
}

/** HMAC-SHA-256 of a row under the audit key: every row from the switch row on. */
export function keyedHash(key: AuditKey, row: ChainedContent): string {
  return key.sign(canonical(row));
}

/** A checkpoint as exported to a file and kept elsewhere. */
export interface AuditCheckpoint {
  format: typeof CHECKPOINT_FORMAT;
  /** The audit_log row that was the head when the checkpoint was taken. */
  auditId: number;
  headHash: string;
  /** ISO instant (UTC) of the checkpoint. */
  at: string;
  keyId: string;
  signature: string;
}

const signedText = (c: Pick<AuditCheckpoint, 'auditId' | 'headHash' | 'at' | 'keyId'>): string =>
  JSON.stringify([CHECKPOINT_FORMAT, c.auditId, c.headHash, c.at, c.keyId]);

/** Signs the head `auditId`/`headHash` at `at`. */
export function signCheckpoint(
  key: AuditKey,
  head: { auditId: number; headHash: string },
  at: string,
): AuditCheckpoint {
  const unsigned = { auditId: head.auditId, headHash: head.headHash, at, keyId: key.id };
  return { format: CHECKPOINT_FORMAT, ...unsigned, signature: key.sign(signedText(unsigned)) };
}

export function checkpointSignatureValid(key: AuditKey, c: AuditCheckpoint): boolean {
  return c.keyId === key.id && key.sign(signedText(c)) === c.signature;
}

/** Reads a checkpoint file's JSON; null when it is not one. */
export function parseCheckpoint(value: unknown): AuditCheckpoint | null {
  if (value === null || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  const hex = (s: unknown, n: number) =>
    typeof s === 'string' && new RegExp(`^[0-9a-f]{${n}}$`).test(s);
  if (
    v.format !== CHECKPOINT_FORMAT ||
    typeof v.auditId !== 'number' ||
    !Number.isSafeInteger(v.auditId) ||
    v.auditId < 1 ||
    !hex(v.headHash, 64) ||
    typeof v.at !== 'string' ||
    Number.isNaN(Date.parse(v.at)) ||
    !hex(v.keyId, 16) ||
    !hex(v.signature, 64)
  )
    return null;
  return {
    format: CHECKPOINT_FORMAT,
    auditId: v.auditId,
    headHash: v.headHash as string,
    at: v.at,
    keyId: v.keyId as string,
    signature: v.signature as string,
  };
}

/** True when a checkpoint should be taken after appending row `id` (previous head `prevId`). */
export function crossesCheckpoint(prevId: number, id: number, every: number): boolean {
  return Math.floor(id / every) > Math.floor(prevId / every);
}

export type AuditProblem =
  | 'CHAIN_BROKEN'
  | 'NOT_KEYED'
  | 'KEY_MISMATCH'
  | 'STORED_CHECKPOINT_INVALID'
  | 'CHECKPOINT_OTHER_KEY'
  | 'CHECKPOINT_SIGNATURE_INVALID'
  | 'CHECKPOINT_ROW_MISSING'
  | 'CHECKPOINT_HASH_DIFFERS';

export interface AuditVerification {
  ok: boolean;
  /** Rows checked. */
  checked: number;
  /** The first row whose hash or link does not match (null when none, or the problem is not a row). */
  firstBrokenId: number | null;
  /** The switch row: rows before it are checked with plain SHA-256, it and later ones with the key. */
  keyedFromId: number | null;
  /** Checkpoints stored in the database, each checked (signature, and row still there with that hash). */
  checkpointsChecked: number;
  /** Set when a checkpoint file was given. */
  checkpoint: { auditId: number; at: string; ok: boolean } | null;
  problem: AuditProblem | null;
  /** What was found, in Vietnamese. */
  message: string;
}

/** The switch row's recorded key id (its `after` JSON), or null. */
export function switchKeyId(row: Pick<ChainedRow, 'after'>): string | null {
  try {
    const v = JSON.parse(row.after ?? 'null') as { keyId?: unknown } | null;
    return typeof v?.keyId === 'string' ? v.keyId : null;
  } catch {
    return null;
  }
}

/**
 * Checks the whole log, in id order, with the key (detects edited, deleted, inserted and reordered
 * rows, a log rewritten without the key, and a log emptied or put back to the plain chain), then
 * every stored checkpoint, then the given checkpoint file: the log must still hold its row with its
 * head hash (detects a log cut short after it, even one whose chain is otherwise whole).
 */
export function verifyAuditLog(
  rows: readonly ChainedRow[],
  key: AuditKey,
  stored: readonly AuditCheckpoint[],
  given: AuditCheckpoint | null = null,
): AuditVerification {
  let keyedFromId: number | null = null;
  const result = (
    problem: AuditProblem | null,
    message: string,
    extra: Partial<AuditVerification> = {},
  ): AuditVerification => ({
    ok: problem === null,
    checked: rows.length,
    firstBrokenId: null,
    keyedFromId,
    checkpointsChecked: 0,
    checkpoint: given ? { auditId: given.auditId, at: given.at, ok: false } : null,
    problem,
    message,
    ...extra,
  });
  let prev = GENESIS_HASH;
  const hashById = new Map<number, string>();
  for (const r of rows) {
    if (keyedFromId === null && r.action === SWITCH_ACTION) {
      keyedFromId = r.id;
      if (switchKeyId(r) !== key.id)
        return result(
          'KEY_MISMATCH',
          `Dòng #${r.id} (bắt đầu chuỗi ký bằng khóa) ghi khóa ${switchKeyId(r) ?? '(không rõ)'}, khác khóa đang dùng ${key.id}: khóa sai, hoặc dòng này đã bị sửa.`,
          { firstBrokenId: r.id },
        );
    }
    const expected = keyedFromId === null ? plainHash(r) : keyedHash(key, r);
    if (r.prevHash !== prev || r.hash !== expected)
      return result(
        'CHAIN_BROKEN',
        `Chuỗi băm bị phá vỡ tại dòng #${r.id}: dòng này hoặc dòng liền trước đã bị sửa, xóa, chèn hoặc đổi thứ tự.`,
        { firstBrokenId: r.id },
      );
    prev = r.hash;
    hashById.set(r.id, r.hash);
  }
  if (keyedFromId === null)
    return result(
      'NOT_KEYED',
      rows.length === 0
        ? 'Nhật ký trống, dù khóa nhật ký đã có: nhật ký có thể đã bị xóa hết (hoặc ứng dụng chưa khởi động lần nào trên cơ sở dữ liệu này).'
        : 'Nhật ký không có dòng nào ký bằng khóa (không có dòng bắt đầu chuỗi ký): có thể đã bị ghi lại theo dạng băm cũ. Nếu vừa nâng cấp, hãy khởi động ứng dụng một lần rồi kiểm tra lại.',
    );
  const pinned = (c: AuditCheckpoint): AuditProblem | null => {
    const hash = hashById.get(c.auditId);
    if (hash === undefined) return 'CHECKPOINT_ROW_MISSING';
    return hash === c.headHash ? null : 'CHECKPOINT_HASH_DIFFERS';
  };
  for (const c of stored) {
    if (!checkpointSignatureValid(key, c) || pinned(c) !== null)
      return result(
        'STORED_CHECKPOINT_INVALID',
        `Điểm mốc lưu trong cơ sở dữ liệu cho dòng #${c.auditId} không khớp với nhật ký (chữ ký sai, hoặc dòng đã bị xóa hay ghi lại).`,
        { firstBrokenId: hashById.has(c.auditId) ? c.auditId : null },
      );
  }
  const checkpointsChecked = stored.length;
  if (!given)
    return result(null, `Nhật ký nguyên vẹn: đã kiểm tra ${rows.length} dòng.`, {
      checkpointsChecked,
    });
  if (given.keyId !== key.id)
    return result(
      'CHECKPOINT_OTHER_KEY',
      `Điểm mốc được ký bằng khóa ${given.keyId}, không phải khóa đang dùng ${key.id}.`,
      { checkpointsChecked },
    );
  if (!checkpointSignatureValid(key, given))
    return result(
      'CHECKPOINT_SIGNATURE_INVALID',
      'Chữ ký của tệp điểm mốc không đúng: tệp đã bị sửa hoặc không do thidua tạo ra.',
      { checkpointsChecked },
    );
  const problem = pinned(given);
  if (problem === 'CHECKPOINT_ROW_MISSING')
    return result(
      problem,
      `Nhật ký không còn dòng #${given.auditId} của điểm mốc: các dòng cuối đã bị xóa (nhật ký bị cắt bớt).`,
      { checkpointsChecked },
    );
  if (problem === 'CHECKPOINT_HASH_DIFFERS')
    return result(
      problem,
      `Dòng #${given.auditId} không còn mã băm của điểm mốc: nhật ký đã bị ghi lại từ dòng này trở về trước.`,
      { checkpointsChecked, firstBrokenId: given.auditId },
    );
  return result(
    null,
    `Nhật ký nguyên vẹn: đã kiểm tra ${rows.length} dòng, và vẫn chứa dòng #${given.auditId} của điểm mốc với đúng mã băm.`,
    { checkpointsChecked, checkpoint: { auditId: given.auditId, at: given.at, ok: true } },
  );
}

/**
 * An organization's reading of the instance's verification (issue 21). The chain is the instance's
 * and is always checked whole; the answer counts only the organization's rows, and names a broken
 * row only when it is one of them: of another organization's rows it tells neither the id nor the
 * number, only that the log is not intact outside the organization.
 */
export function verificationForOrganization(
  v: AuditVerification,
  rows: readonly Pick<ChainedRow, 'id' | 'organizingBodyId'>[],
  organizationId: number,
): AuditVerification {
  const own = new Set(rows.filter((r) => r.organizingBodyId === organizationId).map((r) => r.id));
  const brokenIsOwn = v.firstBrokenId !== null && own.has(v.firstBrokenId);
  return {
    ...v,
    checked: own.size,
    firstBrokenId: brokenIsOwn ? v.firstBrokenId : null,
    message: v.ok
      ? `Nhật ký nguyên vẹn: ${own.size} dòng của tổ chức đã được kiểm tra cùng toàn bộ chuỗi băm.`
      : brokenIsOwn
        ? v.message
        : 'Chuỗi băm của nhật ký không còn nguyên vẹn ở phần không thuộc tổ chức; hãy báo quản trị hệ thống.',
  };
}
