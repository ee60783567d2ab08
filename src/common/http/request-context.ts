import { AsyncLocalStorage } from 'node:async_hooks';

/** Who is acting: the signed-in user, or the system (seeding, CLI). */
export interface Actor {
  userId: number | null;
  username: string;
  role: string;
  /**
   * The organization the actor acts within (issue 21); null: bound to none (the host's administrator,
   * a single-office deployment's office, the system). Lists are filtered by it (`src/database/tenant.ts`).
   */
  organizationId: number | null;
}

/** Per-request context, visible to services and the audit log without passing it around. */
export interface RequestContext {
  requestId: string;
  actor: Actor | null;
  /**
   * PostgreSQL: the change counts of kept reads (the count of changes without a scope and the count
   * of scoped changes, `read_scope` row `*`) as read with the session count at the start of the
   * request (Db.sessionCount), cleared by any write of the request (see Db.readCached).
   */
  readCount?: { shared: string; any: string | null } | null;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

export const SYSTEM_ACTOR: Actor = {
  userId: null,
  username: 'system',
  role: 'SYSTEM',
  organizationId: null,
};

export function currentActor(): Actor {
  return requestContext.getStore()?.actor ?? SYSTEM_ACTOR;
}

export function currentRequestId(): string {
  return requestContext.getStore()?.requestId ?? 'system';
}
