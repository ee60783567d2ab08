import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  AppError,
  CommonErrors,
  type ErrorDef,
  type ErrorDetail,
  type ErrorKind,
} from '../errors/app-error';
import { classifyBodyParserError } from './body-errors';
import { classifyDriverError } from './driver-errors';
import { requestIdOf } from './request-id';
import { setRetryAfter } from './retry-after';

export interface WebErrorView {
  status: number;
  code: string;
  message: string;
  requestId: string;
}

const isWebRequest = (req: Request): boolean => req.path === '/web' || req.path.startsWith('/web/');

/** HTTP status of each error kind; the switch is exhaustive (lint: switch-exhaustiveness-check). */
export function statusOf(kind: ErrorKind): number {
  switch (kind) {
    case 'INVALID_INPUT':
      return 400;
    case 'UNAUTHENTICATED':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'CONFLICT':
      return 409;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    case 'UNSUPPORTED_MEDIA_TYPE':
      return 415;
    case 'RULE_VIOLATION':
      return 422;
    case 'TOO_MANY_REQUESTS':
      return 429;
    case 'UNAVAILABLE':
      return 503;
    case 'INTERNAL':
      return 500;
  }
}

function fromHttpException(ex: HttpException): ErrorDef {
  const status = ex.getStatus();
  if (status === 404) return CommonErrors.ROUTE_NOT_FOUND;
  if (status === 413) return CommonErrors.PAYLOAD_TOO_LARGE;
  if (status === 429) return CommonErrors.TOO_MANY_REQUESTS;
  if (status === 403) return CommonErrors.FORBIDDEN;
  if (status >= 400 && status < 500) return CommonErrors.MALFORMED_REQUEST;
  return CommonErrors.INTERNAL;
}

/**
 * The one exception filter: every failure leaves as
 * `{ statusCode, code, message, details, requestId }`. No SQL, stack or driver text reaches the
 * client (RELIABILITY G3); the full error goes to the server log with the request id.
 */
@Catch()
export class AppExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  /**
   * @param webPages renders the error page of the web interface (requests under /web): the same
   * code, message and request id as the API's body, as HTML; a missing sign-in goes to the login page.
   */
  constructor(private readonly webPages?: (req: Request, e: WebErrorView) => string) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request>();
    const res = ctx.getResponse<Response>();
    const requestId = requestIdOf(req);

    let def: ErrorDef;
    let message: string;
    let details: readonly ErrorDetail[] = [];
    let extra: Readonly<Record<string, unknown>> = {};
    if (exception instanceof AppError) {
      def = exception;
      message = exception.message;
      details = exception.details;
      extra = exception.extra;
    } else if (exception instanceof HttpException) {
      def = fromHttpException(exception);
      message = def.message;
    } else {
      def =
        classifyBodyParserError(exception) ??
        classifyDriverError(exception) ??
        CommonErrors.INTERNAL;
      message = def.message;
    }
    const status = statusOf(def.kind);
    if (status >= 500) {
      this.logger.error(
        `[${requestId}] ${req.method} ${req.originalUrl} → ${status} ${def.code}`,
        (exception as Error)?.stack,
      );
    } else if (!(exception instanceof AppError)) {
      this.logger.warn(
        `[${requestId}] ${req.method} ${req.originalUrl} → ${status} ${def.code}: ${String((exception as Error)?.message)}`,
      );
    }
    if (res.headersSent) return;
    setRetryAfter(res, status, extra);
    if (this.webPages && isWebRequest(req)) {
      if (status === 401 && (req.method === 'GET' || req.method === 'HEAD')) {
        res.redirect(303, `/web/login?next=${encodeURIComponent(req.originalUrl)}`);
        return;
      }
      if (status === 401) {
        res.redirect(303, '/web/login');
        return;
      }
      let html: string;
      try {
        html = this.webPages(req, { status, code: def.code, message, requestId });
      } catch (e) {
        this.logger.error(`[${requestId}] error page failed`, (e as Error)?.stack);
        html = `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Lỗi</title><p>${def.code}</p></html>`;
      }
      res.status(status).type('html').send(html);
      return;
    }
    res
      .status(status)
      .json({ statusCode: status, code: def.code, message, details, requestId, ...extra });
  }
}
