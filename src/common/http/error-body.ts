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
