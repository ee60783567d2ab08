import type { NextFunction, Request, Response } from 'express';
import type { AppConfig } from '../../config/app-config';

/** A year, sub-domains included (helmet's default value). */
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * HSTS only on responses served over HTTPS: always when the deployment says so (COOKIE_SECURE=true),
 * otherwise when the request came over TLS, or a proxy trusted by TRUST_PROXY says it did
 * (X-Forwarded-Proto). Over plain HTTP on a meeting-hall LAN it would only be noise.
 */
export function strictTransportSecurity(
  config: Pick<AppConfig, 'COOKIE_SECURE'>,
): (req: Request, res: Response, next: NextFunction) => void {
  return (req, res, next) => {
    if (config.COOKIE_SECURE || req.secure) res.setHeader('Strict-Transport-Security', HSTS);
    next();
  };
}
