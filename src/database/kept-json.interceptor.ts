import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Response } from 'express';
import { map, type Observable } from 'rxjs';
import { Db } from './db.service';

/**
 * Sends a value kept by Db.readCached as the JSON computed once for it, instead of serialising the
 * same frozen value again on every request (the provincial list of a year is a few hundred KiB).
 * The bytes are those `res.json` would send: same text, `application/json; charset=utf-8`, and the
 * same weak ETag (so `If-None-Match` still gets 304), computed once too.
 */
@Injectable()
export class KeptJsonInterceptor implements NestInterceptor {
  constructor(private readonly db: Db) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    return next.handle().pipe(
      map((body: unknown) => {
        const kept = this.db.keptJson(body);
        if (kept === undefined) return body;
        const res = context.switchToHttp().getResponse<Response>();
        res.type('application/json');
        res.setHeader('ETag', kept.etag); // Express then skips hashing the body again
        return kept.json;
      }),
    );
  }
}
