import type { Request } from 'express';

/** The client's address as Express derives it: the socket's peer, or X-Forwarded-For from a proxy trusted by TRUST_PROXY. */
export function clientAddress(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}
