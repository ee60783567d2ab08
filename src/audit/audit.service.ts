import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { currentActor, currentRequestId } from '../common/http/request-context';
import { Db } from '../database/db.service';
import type { AuditLogEntity } from './audit-log.entity';
import { AuditRepository, type AuditFilter } from './audit.repository';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

type Hashed = Omit<AuditLogEntity, 'id' | 'hash'>;

/** The canonical content a row's hash covers (every column but id and hash, in a fixed order). */
export function auditHash(row: Hashed): string {
  const content = [
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
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

const json = (v: unknown): string | null =>
  v === undefined || v === null ? null : JSON.stringify(v);

/**
 * The append-only audit log (RELIABILITY G1, G2): one row per successful change, in the same
 * transaction as the change, chained by hash. Denials and failures go to the server log instead,
 * so that a refused request writes nothing to the database.
 */
@Injectable()
export class AuditService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditRepository,
  ) {}

  /** Records a change inside the caller's transaction (who and the request id come from the request context). */
  async record(em: EntityManager, entry: AuditEntry): Promise<void> {
    await this.audit.lockChain(em);
    const actor = currentActor();
    const row: Hashed = {
      at: new Date().toISOString(),
      userId: actor.userId,
      username: actor.username,
      role: actor.role,
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      before: json(entry.before),
      after: json(entry.after),
      reason: entry.reason ?? null,
      requestId: currentRequestId(),
      disposition: 'SUCCESS',
      prevHash: (await this.audit.lastHash(em)) ?? GENESIS_HASH,
    };
    await this.audit.insert(em, { ...row, hash: auditHash(row) });
  }

  /**
   * Records many changes of one command (an import of thousands of rows) with one lock and one
   * read of the chain's end: same rows and chain as calling `record` for each, in order.
   */
  async recordMany(em: EntityManager, entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.audit.lockChain(em);
    const actor = currentActor();
    const at = new Date().toISOString();
    const requestId = currentRequestId();
    let prevHash = (await this.audit.lastHash(em)) ?? GENESIS_HASH;
    const rows = entries.map((entry) => {
      const row: Hashed = {
        at,
        userId: actor.userId,
        username: actor.username,
        role: actor.role,
        action: entry.action,
        entityType: entry.entityType,
        entityId: String(entry.entityId),
        before: json(entry.before),
        after: json(entry.after),
        reason: entry.reason ?? null,
        requestId,
        disposition: 'SUCCESS',
        prevHash,
      };
      const hash = auditHash(row);
      prevHash = hash;
      return { ...row, hash };
    });
    await this.audit.insertMany(em, rows);
  }

  list(filter: AuditFilter) {
    return this.db.read(async (em) => {
      const [rows, total] = await this.audit.list(em, filter);
      return {
        items: rows.map((r) => ({
          ...r,
          before: r.before ? (JSON.parse(r.before) as unknown) : null,
          after: r.after ? (JSON.parse(r.after) as unknown) : null,
        })),
        total,
      };
    });
  }

  /** CSV of the filtered log; cells that a spreadsheet would run as formulas are neutralised. */
  exportCsv(filter: AuditFilter): Promise<string> {
    return this.db.read(async (em) => {
      const [rows] = await this.audit.list(em, { ...filter, page: 1, pageSize: 100_000 });
      const head = [
        'id',
        'at',
        'username',
        'role',
        'action',
        'entityType',
        'entityId',
        'reason',
        'requestId',
        'before',
        'after',
        'hash',
      ];
      const cell = (v: unknown): string => {
        let s = typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
        if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
        return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
      };
      const lines = rows.map((r) =>
        [
          r.id,
          r.at,
          r.username,
          r.role,
          r.action,
          r.entityType,
          r.entityId,
          r.reason,
          r.requestId,
          r.before,
          r.after,
          r.hash,
        ]
          .map(cell)
          .join(','),
      );
      return `\uFEFF${head.join(',')}\r\n${lines.join('\r\n')}\r\n`;
    });
  }

  /** Recomputes the hash chain; the first row whose hash or link does not match is reported. */
  verify(): Promise<{ ok: boolean; checked: number; firstBrokenId: number | null }> {
    return this.db.read(async (em) => verifyChain(await this.audit.allInOrder(em)));
  }
}

/** Pure verifier of a hash chain, in id order (detects edited, deleted and reordered rows). */
export function verifyChain(rows: readonly AuditLogEntity[]): {
  ok: boolean;
  checked: number;
  firstBrokenId: number | null;
} {
  let prev = GENESIS_HASH;
  for (const r of rows) {
    const { id: _id, hash, ...rest } = r;
    void _id;
    if (r.prevHash !== prev || auditHash(rest) !== hash)
      return { ok: false, checked: rows.length, firstBrokenId: r.id };
    prev = hash;
  }
  return { ok: true, checked: rows.length, firstBrokenId: null };
}
