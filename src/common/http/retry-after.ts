import type { Response } from 'express';

/** What a 429 asks the client to wait when its error does not say (the write throttler's window). */
const DEFAULT_RETRY_AFTER_SECONDS = 60;

/** Every 429 says when to come back (RFC 9110 §10.2.3): `extra.retryAfterSeconds` of the error, or a minute. */
export function setRetryAfter(
  res: Response,
  status: number,
  extra: Readonly<Record<string, unknown>>,
): void {
  if (status !== 429) return;
  const s = extra.retryAfterSeconds;
  const seconds =
    typeof s === 'number' && Number.isInteger(s) && s > 0 ? s : DEFAULT_RETRY_AFTER_SECONDS;
  res.setHeader('Retry-After', String(seconds));
}
