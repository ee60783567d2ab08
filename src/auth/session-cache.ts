import type { Authenticated } from './auth.service';

/** How long a verified session is honoured from memory at most, even while nothing has changed. */
export const SESSION_CACHE_MS = 10_000;
/** Sessions kept per instance, least recently used dropped first. */
const SESSION_CACHE_ENTRIES = 1_000;

interface Kept {
  authed: Authenticated;
  /** The session count (Db.sessionCount) the session was verified at. */
  count: string;
  until: number;
}

/**
 * Sessions verified in the database, kept in memory for a few seconds so that a read does not look
 * its session up again. A kept session is honoured only while the session count is the one it was
 * verified at: database triggers bump that count when a session is revoked (logout), an account is
 * changed (disabled, password, role, unit) or deleted, or its blocs change, in the same transaction
 * and whichever instance or tool wrote, so nothing revoked is honoured after its commit. Expiry
 * (absolute and idle) is checked on every use, as for a session read from the database.
 */
export class SessionCache {
  private readonly kept = new Map<string, Kept>();

  /** The session kept for `key`, if verified at `count` less than SESSION_CACHE_MS ago. */
  get(key: string, count: string | null, now: number): Authenticated | undefined {
    const kept = this.kept.get(key);
    if (!kept) return undefined;
    if (count === null || kept.count !== count || kept.until <= now) {
      this.kept.delete(key);
      return undefined;
    }
    this.kept.delete(key);
    this.kept.set(key, kept);
    return kept.authed;
  }

  /** Keeps a session just verified at `count` (read before the session was). */
  set(key: string, count: string | null, authed: Authenticated, now: number): void {
    if (count === null) return;
    this.kept.delete(key);
    this.kept.set(key, { authed, count, until: now + SESSION_CACHE_MS });
    if (this.kept.size > SESSION_CACHE_ENTRIES)
      this.kept.delete(this.kept.keys().next().value as string);
  }

  /** Replaces a kept session's value (its last-seen time refreshed), keeping its count and age. */
  update(key: string, authed: Authenticated): void {
    const kept = this.kept.get(key);
    if (kept) kept.authed = authed;
  }

  forget(key: string): void {
    this.kept.delete(key);
  }
}
