import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';

/** The administrator's decision on a correction request. */
export class CorrectionDecisionDto {
  @ApiProperty({ description: 'Phiên bản của đề nghị đã đọc' }) @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional({
    description: 'Ghi chú khi duyệt; lý do (bắt buộc) khi từ chối',
    example: 'Đã đối chiếu biên bản gốc',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}
