import {
  applyDecorators,
  Injectable,
  Logger,
  SetMetadata,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  type Type,
} from '@nestjs/common';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { AppError } from '../common/errors/app-error';
import { AuthErrors } from './auth.errors';
import type { Authenticated } from './auth.service';

export const CSRF_AFTER_UPLOAD_KEY = 'thidua:csrf-after-upload';

/**
 * The CSRF check of a web upload form, once multer has parsed the body: the `_csrf` field (or the
 * X-CSRF-Token header) must be the session's token. The guard leaves only this check to it, and only
 * on routes declared with `WebUpload`, so that the token never travels in the URL.
 */
@Injectable()
export class CsrfFieldInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Access');

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request & { auth?: Authenticated }>();
    const session = req.auth?.session;
    if (session && session.kind === 'COOKIE') {
      const field = (req.body as Record<string, unknown> | undefined)?._csrf;
      const token = req.header('x-csrf-token') ?? (typeof field === 'string' ? field : undefined);
      if (!session.csrfToken || token !== session.csrfToken) {
        this.logger.warn(
          JSON.stringify({
            event: 'access.denied',
            user: req.auth?.user.username,
            method: req.method,
            route: req.path,
            reason: 'CSRF',
          }),
        );
        throw new AppError(AuthErrors.CSRF);
      }
    }
    return next.handle();
  }
}

/**
 * A web form that uploads a file (multipart): `parser` (FileInterceptor, NoFilesInterceptor) reads
 * the body, then the form's `_csrf` field is checked before the handler runs.
 */
export const WebUpload = (parser: Type<NestInterceptor>) =>
  applyDecorators(
    SetMetadata(CSRF_AFTER_UPLOAD_KEY, true),
    UseInterceptors(parser, CsrfFieldInterceptor),
  );
