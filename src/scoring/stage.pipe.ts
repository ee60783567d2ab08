import { Injectable, type PipeTransform } from '@nestjs/common';
import { AppError, CommonErrors } from '../common/errors/app-error';
import { FieldCodes } from '../common/errors/field-errors';
import { SCORE_STAGES, type ScoreStageCode } from './score-entry.entity';

/** Parses a score stage path segment (SELF, REVIEW, AGREED); anything else is a coded 400. */
@Injectable()
export class StagePipe implements PipeTransform<string, ScoreStageCode> {
  transform(value: string): ScoreStageCode {
    if (!(SCORE_STAGES as readonly string[]).includes(value)) {
      throw new AppError(CommonErrors.VALIDATION_FAILED, {
        message: `Giai đoạn chấm điểm phải là một trong: ${SCORE_STAGES.join(', ')}.`,
        details: [
          {
            field: 'stage',
            code: FieldCodes.NOT_IN_LIST,
            message: `Giai đoạn phải là ${SCORE_STAGES.join(', ')}.`,
          },
        ],
      });
    }
    return value as ScoreStageCode;
  }
}
