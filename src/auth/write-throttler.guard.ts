import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerException } from '@nestjs/throttler';
import { AppError, CommonErrors } from '../common/errors/app-error';
import { SAFE_METHODS } from './auth.guard';

/** Rate limit on writes and sign-ins per client address (reads are not limited). */
@Injectable()
export class WriteThrottlerGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<{ method: string }>();
    return SAFE_METHODS.includes(req.method) || (await super.shouldSkip(context));
  }

  protected override throwThrottlingException(): Promise<void> {
    throw new AppError(CommonErrors.TOO_MANY_REQUESTS);
  }
}

export { ThrottlerException };
