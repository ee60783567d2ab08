import * as path from 'node:path';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppError } from '../common/errors/app-error';
import {
  currentActor,
  currentRequestId,
  SYSTEM_ACTOR,
  type Actor,
} from '../common/http/request-context';
import { AppConfig } from '../config/app-config';
import { DatabaseStatus } from '../database/database-status';
import { Db } from '../database/db.service';
import { currentOrganization } from '../database/tenant';
import {
  crossesCheckpoint,
  GENESIS_HASH,
  keyedHash,
  signCheckpoint,
  SWITCH_ACTION,
  verificationForOrganization,
  verifyAuditLog,
  type AuditCheckpoint,
  type AuditVerification,
  type ChainedContent,
} from './audit-chain';
import { assertSameKey, openAuditKey, type AuditKey } from './audit-key';
import { AuditErrors } from './audit.errors';
import { AuditRepository, type AuditFilter } from './audit.repository';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  /**
   * The organization the change is within, for an actor bound to none who acts within one (an
   * anonymous delegate's electronic cast: the ballot's bloc's). An actor bound to an organization
   * always records its own.
   */
  organizationId?: number | null;
}

const json = (v: unknown): string | null =>
  v === undefined || v === null ? null : JSON.stringify(v);

/**
 * The append-only audit log (RELIABILITY G1, G2): one row per successful change, in the same
 * transaction as the change, chained by HMAC-SHA-256 under a key kept outside the database (rows
 * from before the key keep their plain SHA-256 chain), with signed checkpoints every
 * AUDIT_CHECKPOINT_EVERY rows and on demand. Denials and failures go to the server log instead, so
 * that a refused request writes nothing to the database.
 */
@Injectable()
export class AuditService implements OnModuleInit {
  private readonly logger = new Logger('Audit');
  #key: AuditKey | null = null;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditRepository,
    private readonly config: AppConfig,
    private readonly database: DatabaseStatus,
  ) {}

  /**
   * Opens the audit key at start (after DatabaseLifecycle has migrated: both modules are global and
   * Nest runs their hooks in import order) and, on the first start with a key, appends the switch
   * row. A missing, unreadable or wrong key stops the start with its reason.
   */
  async onModuleInit(): Promise<void> {
    if (!this.database.migrated)
      throw new Error('AuditService: the database must be migrated before the audit key is opened');
    const file = path.resolve(this.config.AUDIT_KEY_FILE);
    const keyed = await this.db.read((em) => this.audit.keyedLog(em));
    const { key, created } = openAuditKey(file, keyed);
    if (created)
      this.logger.warn(
        `Đã tạo khóa nhật ký mới tại ${file} (mã khóa ${key.id}). Hãy sao lưu tệp này riêng, ` +
          'ở nơi an toàn khác với bản sao lưu dữ liệu: không có nó thì không kiểm tra được nhật ký.',
      );
    if (!keyed) {
      const switchId = await this.db.write(async (em) => {
        await this.audit.lockChain(em);
        // Another instance may have started the keyed chain meanwhile (PostgreSQL).
        const again = await this.audit.keyedLog(em);
        if (again) {
          assertSameKey(key, again, file);
          return again.switchRowId;
        }
        return this.append(em, key, this.switchEntry(key), SYSTEM_ACTOR, 'system');
      });
      this.logger.log(`Nhật ký được ký bằng khóa ${key.id} từ dòng #${switchId}.`);
    }
    this.#key = key;
  }

  private key(): AuditKey {
    if (!this.#key) throw new Error('The audit key is not open yet (AuditService.onModuleInit)');
    return this.#key;
  }

  private switchEntry(key: AuditKey): AuditEntry {
    return {
      action: SWITCH_ACTION,
      entityType: 'audit_log',
      entityId: 0,
      after: { algorithm: 'HMAC-SHA-256', keyId: key.id },
      reason:
        'Từ dòng này, mỗi dòng nhật ký được ký HMAC-SHA-256 bằng khóa nằm ngoài cơ sở dữ liệu; các dòng trước giữ chuỗi SHA-256 cũ.',
    };
  }

  /** Records a change inside the caller's transaction (who and the request id come from the request context). */
  async record(em: EntityManager, entry: AuditEntry): Promise<void> {
    await this.audit.lockChain(em);
    await this.append(em, this.key(), entry, currentActor(), currentRequestId());
  }

  /** Appends one signed row after the head; stores a checkpoint when a multiple of the period is passed. */
  private async append(
    em: EntityManager,
    key: AuditKey,
    entry: AuditEntry,
    actor: Actor,
    requestId: string,
  ): Promise<number> {
    const head = await this.audit.head(em);
    const row = chainedRow(
      entry,
      actor,
      requestId,
      new Date().toISOString(),
      head?.hash ?? GENESIS_HASH,
    );
    const hash = keyedHash(key, row);
    const id = await this.audit.insert(em, { ...row, hash });
    if (crossesCheckpoint(head?.id ?? 0, id, this.config.AUDIT_CHECKPOINT_EVERY))
      await this.audit.insertCheckpoint(
        em,
        signCheckpoint(key, { auditId: id, headHash: hash }, row.at),
      );
    return id;
  }

  /**
   * Records many changes of one command (an import of thousands of rows) with one lock and one
   * read of the chain's end: same rows and chain as calling `record` for each, in order.
   */
  async recordMany(em: EntityManager, entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.audit.lockChain(em);
    const key = this.key();
    const actor = currentActor();
    const at = new Date().toISOString();
    const requestId = currentRequestId();
    const head = await this.audit.head(em);
    let prevHash = head?.hash ?? GENESIS_HASH;
    const rows = entries.map((entry) => {
      const row = chainedRow(entry, actor, requestId, at, prevHash);
      const hash = keyedHash(key, row);
      prevHash = hash;
      return { ...row, hash };
    });
    await this.audit.insertMany(em, rows);
    // one checkpoint of the new end when the batch passes a multiple of the period
    const end = await this.audit.head(em);
    if (end && crossesCheckpoint(head?.id ?? 0, end.id, this.config.AUDIT_CHECKPOINT_EVERY))
      await this.audit.insertCheckpoint(
        em,
        signCheckpoint(key, { auditId: end.id, headHash: end.hash }, at),
      );
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

  /**
   * Checks the whole log with the key, every stored checkpoint, and the given checkpoint (taken
   * from an exported file): the log must still contain its row with its head hash.
   */
  verify(checkpoint: AuditCheckpoint | null = null): Promise<AuditVerification> {
    return this.db.read((em) => this.verifyWith(em, checkpoint));
  }

  /**
   * The whole chain is checked for every caller; an account bound to an organization is answered
   * about its organization's rows only (`verificationForOrganization`).
   */
  private verifyWith(
    em: EntityManager,
    checkpoint: AuditCheckpoint | null,
  ): Promise<AuditVerification> {
    return verifyStoredLog(em, this.audit, this.key(), checkpoint, currentOrganization());
  }

  /**
   * Takes a checkpoint of the current head, on demand, after checking the whole log (a checkpoint
   * must never vouch for a log that no longer verifies); it is stored and returned for export. An
   * organization's administrator takes it of the organization's own last row (issue 21): kept
   * outside, it pins that row and, through the chain, every row before it, and tells nothing of
   * another organization's rows.
   */
  createCheckpoint(): Promise<AuditCheckpoint> {
    return this.db.write(async (em) => {
      const organization = currentOrganization();
      if (organization !== null && !(await this.audit.head(em, organization)))
        throw new AppError(AuditErrors.NO_ROWS);
      const taken = await takeCheckpoint(em, this.audit, this.key(), organization);
      if ('problem' in taken)
        throw new AppError(AuditErrors.CHAIN_BROKEN, { extra: { verify: taken } });
      return taken;
    });
  }

  /** The last stored checkpoint (periodic or on demand; an organization's: of its rows), for export. */
  latestCheckpoint(): Promise<AuditCheckpoint> {
    return this.db.read(async (em) => {
      const c = await this.audit.latestCheckpoint(em, currentOrganization());
      if (!c) throw new AppError(AuditErrors.NO_CHECKPOINT);
      return c;
    });
  }
}

/**
 * Checks the log in the database with the key (see verifyAuditLog); shared with the audit CLI. With
 * `organizationId`, answered as that organization reads it (`verificationForOrganization`).
 */
export async function verifyStoredLog(
  em: EntityManager,
  audit: AuditRepository,
  key: AuditKey,
  checkpoint: AuditCheckpoint | null,
  organizationId: number | null = null,
): Promise<AuditVerification> {
  const rows = await audit.allInOrder(em);
  const v = verifyAuditLog(rows, key, await audit.allCheckpoints(em), checkpoint);
  return organizationId === null ? v : verificationForOrganization(v, rows, organizationId);
}

/**
 * Inside a write transaction: checks the whole log, then signs and stores a checkpoint of its head
 * (with `organizationId`: of the last row written within that organization);
 * returns the failed verification instead when the log does not verify. Shared with the audit CLI.
 */
export async function takeCheckpoint(
  em: EntityManager,
  audit: AuditRepository,
  key: AuditKey,
  organizationId: number | null = null,
): Promise<AuditCheckpoint | AuditVerification> {
  await audit.lockChain(em);
  // an organization's failed check is answered as it reads it (`verificationForOrganization`)
  const check = await verifyStoredLog(em, audit, key, null, organizationId);
  const head = await audit.head(em, organizationId);
  if (!check.ok || !head) return check;
  const c = signCheckpoint(
    key,
    { auditId: head.id, headHash: head.hash },
    new Date().toISOString(),
  );
  await audit.insertCheckpoint(em, c);
  return c;
}

/** The content of one audit row, chained to the previous row's hash (signed by the caller). */
function chainedRow(
  entry: AuditEntry,
  actor: Actor,
  requestId: string,
  at: string,
  prevHash: string,
): ChainedContent {
  return {
    at,
    userId: actor.userId,
    username: actor.username,
    role: actor.role,
    organizingBodyId: actor.organizationId ?? entry.organizationId ?? null,
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
}
