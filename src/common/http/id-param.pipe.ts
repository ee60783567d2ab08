import { Injectable, type PipeTransform } from '@nestjs/common';
import { AppError, CommonErrors } from '../errors/app-error';

/** Parses a positive integer path id; anything else is a coded 400, never a 500. */
@Injectable()
export class IdPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    if (!/^\d{1,15}$/.test(value) || Number(value) < 1) throw new AppError(CommonErrors.INVALID_ID);
    return Number(value);
  }
}
