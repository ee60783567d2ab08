import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditCheckpointEntity } from './audit-checkpoint.entity';
import { CHECKPOINT_FORMAT, SWITCH_ACTION, switchKeyId, type AuditCheckpoint } from './audit-chain';
import type { KeyedLog } from './audit-key';
import { AuditLogEntity } from './audit-log.entity';
import { ownRowsOnly } from '../database/tenant';

export interface AuditFilter {
  userId?: number;
  username?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

const toCheckpoint = (e: AuditCheckpointEntity): AuditCheckpoint => ({
  format: CHECKPOINT_FORMAT,
  auditId: Number(e.auditId),
  headHash: e.headHash,
  at: e.at,
  keyId: e.keyId,
  signature: e.signature,
});

/** Database access for the audit log: insert and read only (the schema refuses updates and deletes). */
@Injectable()
export class AuditRepository {
  /** Serialises appends on PostgreSQL so that two transactions never chain to the same previous row. */
  async lockChain(em: EntityManager): Promise<void> {
    if (em.connection.options.type === 'postgres')
      await em.query('SELECT pg_advisory_xact_lock(72450001)');
  }

  /** The last row's id and hash (null on an empty log). */
  /** The last row of the log, or with `organizationId` the last row written within it. */
  async head(
    em: EntityManager,
    organizationId: number | null = null,
  ): Promise<{ id: number; hash: string } | null> {
    const row = await em.getRepository(AuditLogEntity).find({
      select: { id: true, hash: true },
      where: organizationId === null ? {} : { organizingBodyId: organizationId },
      order: { id: 'DESC' },
      take: 1,
    });
    return row[0] ? { id: Number(row[0].id), hash: row[0].hash } : null;
  }

  /** The switch row (first row signed with the key) and the key id it records. */
  async keyedLog(em: EntityManager): Promise<KeyedLog | null> {
    const row = await em
      .getRepository(AuditLogEntity)
      .findOne({ where: { action: SWITCH_ACTION }, order: { id: 'ASC' } });
    return row ? { switchRowId: Number(row.id), keyId: switchKeyId(row) ?? '(không rõ)' } : null;
  }

  /** Appends a row and returns its id. */
  async insert(em: EntityManager, row: Omit<AuditLogEntity, 'id'>): Promise<number> {
    const r = await em.getRepository(AuditLogEntity).insert(row);
    return Number((r.identifiers[0] as { id: number | string }).id);
  }

  /** Appends rows in the given order (ids follow it, so the hash chain reads in that order). */
  async insertMany(em: EntityManager, rows: readonly Omit<AuditLogEntity, 'id'>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 100)
      await em.getRepository(AuditLogEntity).insert(rows.slice(i, i + 100));
  }

  list(em: EntityManager, f: AuditFilter): Promise<[AuditLogEntity[], number]> {
    const qb = em.getRepository(AuditLogEntity).createQueryBuilder('a');
    if (f.userId !== undefined) qb.andWhere('a.userId = :userId', { userId: f.userId });
    if (f.username) qb.andWhere('a.username = :username', { username: f.username.toLowerCase() });
    if (f.entityType) qb.andWhere('a.entityType = :entityType', { entityType: f.entityType });
    if (f.entityId) qb.andWhere('a.entityId = :entityId', { entityId: f.entityId });
    if (f.from) qb.andWhere('a.at >= :from', { from: f.from });
    if (f.to) qb.andWhere('a.at <= :to', { to: `${f.to}\uffff` });
    const pageSize = f.pageSize ?? 100;
    return ownRowsOnly(qb, 'a.organizing_body_id')
      .orderBy('a.id', 'DESC')
      .skip(((f.page ?? 1) - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
  }

  async allInOrder(em: EntityManager): Promise<AuditLogEntity[]> {
    const rows = await em.getRepository(AuditLogEntity).find({ order: { id: 'ASC' } });
    // PostgreSQL drivers may hand integers back as strings in raw paths; the chain needs numbers.
    return rows.map((r) => ({
      ...r,
      id: Number(r.id),
      userId: r.userId === null ? null : Number(r.userId),
      organizingBodyId: r.organizingBodyId === null ? null : Number(r.organizingBodyId),
    }));
  }

  async insertCheckpoint(em: EntityManager, c: AuditCheckpoint): Promise<void> {
    await em.getRepository(AuditCheckpointEntity).insert({
      at: c.at,
      auditId: c.auditId,
      headHash: c.headHash,
      keyId: c.keyId,
      signature: c.signature,
    });
  }

  /**
   * The checkpoint of the latest row: of the whole log, or with `organizationId` of the latest row
   * written within that organization (its own checkpoints, and periodic ones that fell on its rows).
   */
  async latestCheckpoint(
    em: EntityManager,
    organizationId: number | null = null,
  ): Promise<AuditCheckpoint | null> {
    const qb = em.getRepository(AuditCheckpointEntity).createQueryBuilder('c');
    if (organizationId !== null)
      qb.innerJoin(AuditLogEntity, 'a', 'a.id = c.auditId').where(
        'a.organizing_body_id = :organizationId',
        { organizationId },
      );
    const row = await qb.orderBy('c.auditId', 'DESC').addOrderBy('c.id', 'DESC').limit(1).getOne();
    return row ? toCheckpoint(row) : null;
  }

  async allCheckpoints(em: EntityManager): Promise<AuditCheckpoint[]> {
    const rows = await em.getRepository(AuditCheckpointEntity).find({ order: { id: 'ASC' } });
    return rows.map(toCheckpoint);
  }
}
