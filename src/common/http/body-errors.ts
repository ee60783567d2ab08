import { CommonErrors, type ErrorDef } from '../errors/app-error';

/**
 * Maps an error of Express's body parsers (http-errors with a 4xx `status` and a `type` such as
 * `entity.too.large`) to a coded error, or null when the error is not one of theirs. Without this
 * they reached the filter as unknown errors and answered 500 with a stack in the log.
 */
export function classifyBodyParserError(error: unknown): ErrorDef | null {
  if (!(error instanceof Error)) return null;
  const { status, expose, type } = error as { status?: unknown; expose?: unknown; type?: unknown };
  if (typeof status !== 'number' || status < 400 || status > 499 || expose !== true) return null;
  switch (type) {
    case 'entity.too.large':
      return CommonErrors.PAYLOAD_TOO_LARGE;
    case 'parameters.too.many':
      return CommonErrors.TOO_MANY_FIELDS;
    case 'encoding.unsupported':
      return CommonErrors.UNSUPPORTED_ENCODING;
    case 'charset.unsupported':
      return CommonErrors.UNSUPPORTED_CHARSET;
  }
  // entity.parse.failed, request.aborted, request.size.invalid, a broken gzip/deflate stream …
  if (status === 413) return CommonErrors.PAYLOAD_TOO_LARGE;
  if (status === 415) return CommonErrors.UNSUPPORTED_ENCODING;
  return CommonErrors.MALFORMED_REQUEST;
}
