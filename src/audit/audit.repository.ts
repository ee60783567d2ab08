import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditLogEntity } from './audit-log.entity';

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

/** Database access for the audit log: insert and read only (the schema refuses updates and deletes). */
@Injectable()
export class AuditRepository {
  /** Serialises appends on PostgreSQL so that two transactions never chain to the same previous row. */
  async lockChain(em: EntityManager): Promise<void> {
    if (em.connection.options.type === 'postgres')
      await em.query('SELECT pg_advisory_xact_lock(72450001)');
  }

  async lastHash(em: EntityManager): Promise<string | null> {
    const row = await em.getRepository(AuditLogEntity).find({ order: { id: 'DESC' }, take: 1 });
    return row[0]?.hash ?? null;
  }

  async insert(em: EntityManager, row: Omit<AuditLogEntity, 'id'>): Promise<void> {
    await em.getRepository(AuditLogEntity).insert(row);
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
    return qb
      .orderBy('a.id', 'DESC')
      .skip(((f.page ?? 1) - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
  }

  allInOrder(em: EntityManager): Promise<AuditLogEntity[]> {
    return em.getRepository(AuditLogEntity).find({ order: { id: 'ASC' } });
  }
}
