import { applyDecorators } from '@nestjs/common';
import { ApiOperation, ApiResponse } from '@nestjs/swagger';
import { ERROR_EXAMPLES_4XX, ERROR_EXAMPLES_5XX, ErrorBodyDto } from './error-body';

/**
 * One line per API route for integrators: the Vietnamese summary of the operation and the one error
 * body every refusal answers with (4xx: a coded error with its Vietnamese message and field details;
 * 5xx: 503 when the database is busy or read-only, 500 otherwise). test/e2e/openapi.e2e.spec.ts fails
 * on an operation without them.
 */
export const ApiDoc = (summary: string, description?: string): MethodDecorator =>
  applyDecorators(
    ApiOperation(description ? { summary, description } : { summary }),
    ApiResponse({
      status: '4XX',
      type: ErrorBodyDto,
      description:
        'Yêu cầu bị từ chối: mã lỗi ổn định (`code`), thông báo tiếng Việt và chi tiết từng trường ' +
        '(400 dữ liệu sai, 401 chưa đăng nhập, 403 không có quyền, 404 không tìm thấy, 409 xung đột, ' +
        '413 quá lớn, 415 sai định dạng, 422 vi phạm quy định, 429 quá nhiều yêu cầu); không ghi gì. ' +
        'Một số lỗi kèm trường riêng (ví dụ `current` khi xung đột phiên bản, `allowedTransitions` ' +
        'khi chuyển trạng thái không hợp lệ).',
      examples: ERROR_EXAMPLES_4XX,
    }),
    ApiResponse({
      status: '5XX',
      type: ErrorBodyDto,
      description: 'Lỗi hệ thống (503: cơ sở dữ liệu tạm bận hoặc chỉ đọc, hãy thử lại).',
      examples: ERROR_EXAMPLES_5XX,
    }),
  );

/**
 * A route answering a file (PDF, Word, Excel, CSV, HTML…): its content type(s) and a binary body,
 * for integrators and for test/e2e/openapi.e2e.spec.ts. `status` 201 when the route creates it.
 * The types are set on the success response only (not with `@ApiProduces`, which would move the
 * JSON error bodies under the file's types too).
 */
export const ApiFile = (
  mime: string | readonly string[],
  description: string,
  status: 200 | 201 = 200,
): MethodDecorator => {
  const types = typeof mime === 'string' ? [mime] : [...mime];
  return ApiResponse({
    status,
    description,
    content: Object.fromEntries(
      types.map((t) => [t, { schema: { type: 'string', format: 'binary' } }]),
    ),
  });
};

/** The content types of the files the API answers with, for `ApiFile`. */
export const MIME = {
  PDF: 'application/pdf',
  DOCX: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  CSV: 'text/csv',
  HTML: 'text/html',
  PNG: 'image/png',
  JPEG: 'image/jpeg',
} as const;
