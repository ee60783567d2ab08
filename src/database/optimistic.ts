import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/**
 * Optimistic concurrency: updates row `id` only while its `version` is still the one the caller read
 * (TypeORM's @VersionColumn increments it). Returns false when someone else saved first.
 */
export async function updateIfVersion<E extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<E>,
  id: number,
  version: number,
  values: QueryDeepPartialEntity<E>,
): Promise<boolean> {
  const r = await em
    .createQueryBuilder()
    .update(entity)
    .set(values)
    .where('id = :id AND version = :version', { id, version })
    .execute();
  return (r.affected ?? 0) === 1;
}
