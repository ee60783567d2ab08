import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ErrorDetailDto {
  @ApiPropertyOptional({ example: 'code' }) field?: string;
  @ApiProperty({ example: 'FIELD_EMPTY' }) code!: string;
  @ApiProperty({ example: 'Trường "code" không được để trống.' }) message!: string;
  @ApiPropertyOptional({
    example: { format: 'mã đơn vị: chữ cái không dấu, số, …' },
    description: 'Tham số của lỗi, ví dụ định dạng mong đợi (FIELD_PATTERN)',
  })
  params?: Record<string, unknown>;
}

/** The one error body of the whole API. */
export class ErrorBodyDto {
  @ApiProperty({ example: 404 }) statusCode!: number;
  @ApiProperty({ example: 'UNIT_NOT_FOUND' }) code!: string;
  @ApiProperty({ example: 'Không tìm thấy đơn vị.' }) message!: string;
  @ApiProperty({ type: [ErrorDetailDto] }) details!: ErrorDetailDto[];
  @ApiProperty({ example: '6f1c2f3e-…' }) requestId!: string;
}

const REQUEST_ID = '6f1c2f3e-8a4b-4c1d-9e2f-0a1b2c3d4e5f';

/**
 * Examples of the one error body, one per common status, shown under every operation's 4XX and 5XX
 * responses (the Hải Dương district bloc, 2023). Codes and messages are the real definitions'
 * (test/e2e/openapi.e2e.spec.ts checks them against the *.errors.ts files); a body may carry the
 * error's own fields besides (`current` below, `allowedTransitions` on a refused transition).
 */
export const ERROR_EXAMPLES_4XX = {
  validation: {
    summary: '400 – dữ liệu sai (từng trường trong details)',
    value: {
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'Dữ liệu gửi lên không hợp lệ. Trường "shortName" không được để trống.',
      details: [
        {
          field: 'shortName',
          code: 'FIELD_EMPTY',
          message: 'Trường "shortName" không được để trống.',
        },
      ],
      requestId: REQUEST_ID,
    },
  },
  unauthenticated: {
    summary: '401 – chưa đăng nhập hoặc phiên đã hết hạn',
    value: {
      statusCode: 401,
      code: 'AUTH_REQUIRED',
      message: 'Cần đăng nhập để thực hiện thao tác này.',
      details: [],
      requestId: REQUEST_ID,
    },
  },
  forbidden: {
    summary: '403 – không có quyền (vai trò hoặc phạm vi khối, đơn vị)',
    value: {
      statusCode: 403,
      code: 'FORBIDDEN',
      message: 'Bạn không có quyền thực hiện thao tác này.',
      details: [],
      requestId: REQUEST_ID,
    },
  },
  notFound: {
    summary: '404 – không tìm thấy',
    value: {
      statusCode: 404,
      code: 'UNIT_NOT_FOUND',
      message: 'Không tìm thấy đơn vị.',
      details: [],
      requestId: REQUEST_ID,
    },
  },
  conflict: {
    summary: '409 – xung đột phiên bản (đọc lại rồi gửi phiên bản mới)',
    value: {
      statusCode: 409,
      code: 'SCORE_VERSION_CONFLICT',
      message:
        'Điểm đã được người khác sửa trong lúc bạn nhập. Hãy tải lại để xem giá trị mới nhất.',
      details: [
        {
          field: 'I.1',
          code: 'SCORE_VERSION_CONFLICT',
          message: 'Tiêu chí I.1: phiên bản gửi lên 1, phiên bản hiện tại 2.',
        },
      ],
      requestId: REQUEST_ID,
      current: { 'I.1': 2, 'I.2': 1 },
    },
  },
  ruleViolation: {
    summary: '422 – vi phạm quy định (không ghi gì)',
    value: {
      statusCode: 422,
      code: 'SCORING_INCOMPLETE',
      message: 'Chưa đủ điểm thống nhất của mọi đơn vị nên chưa thể chốt điểm.',
      details: [
        {
          field: 'HD-NG',
          code: 'SCORE_MISSING',
          message: 'huyện Ninh Giang: còn thiếu điểm thống nhất của 2 tiêu chí (V.1, V.2).',
        },
      ],
      requestId: REQUEST_ID,
    },
  },
} as const;

export const ERROR_EXAMPLES_5XX = {
  busy: {
    summary: '503 – cơ sở dữ liệu tạm bận hoặc chỉ đọc (thử lại)',
    value: {
      statusCode: 503,
      code: 'DB_BUSY',
      message:
        'Cơ sở dữ liệu đang bận hoặc tạm thời không ghi được. Dữ liệu chưa được lưu; vui lòng thử lại.',
      details: [],
      requestId: REQUEST_ID,
    },
  },
} as const;
