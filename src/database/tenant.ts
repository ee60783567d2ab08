import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { requestContext } from '../common/http/request-context';

/*
 * Tenancy by organization (issue 21), the one place where lists are filtered. The guard refuses a
 * request that names another organization's record (`withinOrganization` in the permission table);
 * what a request does not name, a list, a search, an export, a count, is filtered here, by the
 * organization of the signed-in account, read from the request context the guard filled. Outside a
 * request (seeding, the command line, the benchmark) and for an account bound to no organization
 * (the host's administrator, a single-office deployment), nothing is filtered.
 *
 * A bloc belongs to one organization (`bloc.organizing_body_id`). Units are shared: a commune sits in
 * the People's Committee's bloc and is reported to the Front's cụm, so a unit is listed to an
 * organization when it sits in one of that organization's blocs, any year, or when that organization
 * registered it (`unit.registered_by_organization_id`: a unit just registered, before a term lists it).
 */

/** The organization the current request acts within; null: no filter. */
export function currentOrganization(): number | null {
  return requestContext.getStore()?.actor?.organizationId ?? null;
}

/** A kept read's key for the current organization (what one organization keeps, another never reads). */
export function tenantKey(key: string): string {
  const org = currentOrganization();
  return org === null ? key : `org:${org}:${key}`;
}

/**
 * Restricts a query to the current organization's blocs. `blocColumn` is the SQL expression of a
 * bloc id in the query (`b.id`, `t.bloc_id`); the test uses the bloc table itself, so any query
 * reaching a bloc id can be fenced the same way.
 */
export function ownBlocsOnly<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  blocColumn: string,
): SelectQueryBuilder<T> {
  const org = currentOrganization();
  if (org === null) return qb;
  return qb.andWhere(
    `${blocColumn} IN (SELECT tb.id FROM bloc tb WHERE tb.organizing_body_id = :tenantOrganization)`,
    { tenantOrganization: org },
  );
}

/**
 * Restricts a query over units (alias `unitAlias`, the unit table's columns) to the units the
 * current organization sees: in one of its blocs, any year, or registered by it (see above).
 */
export function ownUnitsOnly<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  unitAlias: string,
): SelectQueryBuilder<T> {
  const org = currentOrganization();
  if (org === null) return qb;
  // An uncorrelated IN, not a correlated EXISTS: the organization's memberships are read once per
  // query, not once per unit. National set, one organization per province (list and count): all
  // units 32 ms with EXISTS, 1.4 ms with IN on SQLite, 18 and 4.2 ms on PostgreSQL; a province's
  // page 0.8 and 1.0 ms on SQLite, 5.1 and 4.6 ms on PostgreSQL (docs/performance.md, issue 21).
  return qb.andWhere(
    `(${unitAlias}.registered_by_organization_id = :tenantOrganization OR ${unitAlias}.id IN (SELECT tm.unit_id FROM bloc_member tm JOIN bloc_term tt ON tt.id = tm.term_id JOIN bloc tb ON tb.id = tt.bloc_id WHERE tb.organizing_body_id = :tenantOrganization))`,
    { tenantOrganization: org },
  );
}

/** Restricts a query over rows carrying an organization column to the current organization's. */
export function ownRowsOnly<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  organizationColumn: string,
): SelectQueryBuilder<T> {
  const org = currentOrganization();
  if (org === null) return qb;
  return qb.andWhere(`${organizationColumn} = :tenantOrganization`, { tenantOrganization: org });
}

/**
 * Restricts a query over rows either shared by every organization (the column null: the State's
 * award tiers) or owned by one to the shared rows and the current organization's own.
 */
export function sharedOrOwnRows<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  organizationColumn: string,
): SelectQueryBuilder<T> {
  const org = currentOrganization();
  if (org === null) return qb;
  return qb.andWhere(
    `(${organizationColumn} IS NULL OR ${organizationColumn} = :tenantOrganization)`,
    { tenantOrganization: org },
  );
}

/**
 * Restricts a query over blocs (`organizationColumn`: their organization) to the blocs counted
 * together with a bloc of organization `org`, whoever asks: the blocs of that organization and the
 * blocs of none (the instance's own, as before organizations); for a bloc of none, every bloc. The
 * province caps (R4) count so, so that a nomination's verdict does not depend on the account reading
 * it, and an organization's never counts another organization's blocs.
 */
export function blocsCountedWith<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  organizationColumn: string,
  org: number | null,
): SelectQueryBuilder<T> {
  if (org === null) return qb;
  return qb.andWhere(
    `(${organizationColumn} = :countedOrganization OR ${organizationColumn} IS NULL)`,
    {
      countedOrganization: org,
    },
  );
}
