import { Injectable, type PipeTransform } from '@nestjs/common';
import { AppError, CommonErrors } from '../errors/app-error';
import { FieldCodes } from '../errors/field-errors';

/** Parses a year path segment (1990–2100); anything else is a coded 400. */
@Injectable()
export class YearPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    const n = /^\d{4}$/.test(value) ? Number(value) : NaN;
    if (!(n >= 1990 && n <= 2100)) {
      throw new AppError(CommonErrors.VALIDATION_FAILED, {
        message: 'Năm trên đường dẫn phải là số có 4 chữ số từ 1990 đến 2100.',
        details: [
          { field: 'year', code: FieldCodes.OUT_OF_RANGE, message: 'Năm phải từ 1990 đến 2100.' },
        ],
      });
    }
    return n;
  }
}
