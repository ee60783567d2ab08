import type { MulterOptions } from '@nestjs/platform-express/multer/interfaces/multer-options.interface';

/**
 * Multer options for one in-memory file: a size limit checked while streaming (413 before the
 * whole body is read), and UTF-8 file names (multer defaults to latin1, which garbles Vietnamese).
 */
export function uploadOptions(maxBytes: number): MulterOptions {
  return {
    limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 12 },
    defParamCharset: 'utf8',
  };
}
