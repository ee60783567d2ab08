import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerException, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { AppError, CommonErrors } from '../common/errors/app-error';
import { SAFE_METHODS } from './auth.guard';

/** Rate limit on writes and sign-ins per client address (reads are not limited). */
@Injectable()
export class WriteThrottlerGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<{ method: string }>();
    return SAFE_METHODS.includes(req.method) || (await super.shouldSkip(context));
  }

  /** The wait goes to the error, whose filter sends it as Retry-After (the guard's own header is `Retry-After-writes`). */
  protected override throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    throw new AppError(CommonErrors.TOO_MANY_REQUESTS, {
      extra: { retryAfterSeconds: Math.max(1, Math.ceil(detail.timeToBlockExpire)) },
    });
  }
}

export { ThrottlerException };
