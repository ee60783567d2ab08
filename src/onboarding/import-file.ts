import { AppError } from '../common/errors/app-error';
import type { Finding } from '../domain/common/result';
import type { ImportFindingDto } from './dto/onboarding.dto';
import { OnboardingErrors } from './onboarding.errors';

/** An uploaded import file (multer's in-memory file). */
export interface UploadedTable {
  originalname: string;
  buffer: Buffer;
}

export function requireFile(file: UploadedTable | undefined): UploadedTable {
  if (!file || file.buffer.length === 0) throw new AppError(OnboardingErrors.FILE_REQUIRED);
  return file;
}

export const toFinding = (f: Finding): ImportFindingDto => ({
  code: f.code,
  message: f.message,
  ...(f.field ? { field: f.field } : {}),
});
