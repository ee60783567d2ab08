import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { DestinationStream, Level } from 'pino';
import type { Options } from 'pino-http';
import type { AppConfig } from '../config/app-config';

/** LOG_LEVEL (Nest's names, unchanged) → pino's. */
const PINO_LEVEL: Record<AppConfig['LOG_LEVEL'], Level> = {
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};

type Req = IncomingMessage & {
  id?: string;
  originalUrl?: string;
  baseUrl?: string;
  route?: { path?: unknown };
};

/**
 * The route pattern that answered (`/api/meetings/:id`), never the raw URL: ids, query strings and
 * whatever a client put in them stay out of logs and metric labels. `unmatched` when no route did.
 */
export function routeOf(req: IncomingMessage): string {
  const r = req as Req;
  const path = r.route?.path;
  return typeof path === 'string' ? `${r.baseUrl ?? ''}${path}` : 'unmatched';
}

/**
 * Structured request logs (pino through nestjs-pino): one line per request with its request id,
 * method, route pattern, status and duration. JSON (one object a line) unless NODE_ENV is
 * development, where pino-pretty prints readable coloured lines with dd/mm/yyyy times. What never
 * reaches a log line: headers (the session cookie, the bearer token), the query string, the body
 * (passwords, ballots) and the stack of a handled error (AppExceptionFilter logs a 5xx's own error,
 * a 4xx's code only).
 */
export function loggerParams(config: AppConfig, destination?: DestinationStream): Params {
  const pretty = !destination && config.NODE_ENV === 'development';
  const options: Options = {
    level: PINO_LEVEL[config.LOG_LEVEL],
    // Tests read the request lines they ask for (a destination); others would only fill Jest's output.
    autoLogging: destination !== undefined || config.NODE_ENV !== 'test',
    genReqId: (req: IncomingMessage) => (req as Req).id ?? randomUUID(),
    customAttributeKeys: { responseTime: 'durationMs' },
    serializers: {
      req: (req: { method?: string; url?: string }) => ({
        method: req.method,
        path: (req.url ?? '').split('?')[0],
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
    // pino-http asks twice: at the request's start (the bindings of every line logged during it) and
    // when it is answered (only what changed is added). The route is known only once answered, so
    // each key is given once: the request id at the start, the route at the end.
    customProps: (req: IncomingMessage, res: ServerResponse) =>
      res.headersSent || res.writableEnded
        ? { route: routeOf(req) }
        : { requestId: (req as Req).id },
    customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) =>
      err || res.statusCode >= 500 ? 'error' : 'info',
    customSuccessMessage: (req: IncomingMessage, res: ServerResponse) =>
      `${req.method} ${routeOf(req)} → ${res.statusCode}`,
    customErrorMessage: (req: IncomingMessage, res: ServerResponse) =>
      `${req.method} ${routeOf(req)} → ${res.statusCode}`,
    // The request line carries no error object: the exception filter logs a 5xx's own error.
    customErrorObject: (
      _req: IncomingMessage,
      _res: ServerResponse,
      _err: Error,
      val: Record<string, unknown>,
    ) => {
      const rest = { ...val };
      delete rest.err;
      return rest;
    },
    transport: pretty
      ? {
          target: 'pino-pretty',
          options: {
            translateTime: 'SYS:dd/mm/yyyy HH:MM:ss',
            ignore: 'pid,hostname,req,res',
            singleLine: true,
          },
        }
      : undefined,
  };
  return {
    pinoHttp: destination ? [options, destination] : options,
    // Every route, in the path syntax of Express 5 (nestjs-pino's default `*` makes Nest warn).
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    renameContext: 'context',
  };
}
