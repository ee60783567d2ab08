import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
  IsObject,
} from 'class-validator';
import { toInt } from '../../common/http/pagination';
import { NOMINATION_STATUSES, type NominationStatus } from '../../domain/nominations/status';
import { UnitDto } from '../../registry/units/dto/unit.dto';

export class AcknowledgementDto {
  @ApiProperty({ example: 'NOT_LEADER' }) @IsString() @Length(1, 64) code!: string;
  @ApiProperty({ example: 'Đơn vị dẫn đầu đã được đề nghị Cờ thi đua của Chính phủ' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}

export class CreateNominationDto {
  @ApiProperty({ example: 5 }) @IsInt() @Min(1) unitId!: number;
  @ApiProperty({ example: 2 }) @IsInt() @Min(1) tierId!: number;
  @ApiProperty({
    description: 'Tóm tắt thành tích',
    example: 'Xếp thứ hai trong Khối năm 2023; hoàn thành xuất sắc nhiệm vụ.',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  achievementSummary!: string;
  @ApiPropertyOptional({
    description:
      'Ngày xét (mặc định 01/01 năm sau năm thi đua); đơn vị phải còn tồn tại vào ngày này',
    example: '2024-01-01',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Length(10, 10)
  referenceDate?: string;
  @ApiPropertyOptional({
    description: 'Căn cứ đề nghị đơn vị không dẫn đầu (Điều 25.3 Luật 06/2022)',
    example: 'Khoản 3 Điều 25 Luật Thi đua, khen thưởng số 06/2022/QH15',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  leaderExceptionBasis?: string;
  @ApiPropertyOptional({ type: [AcknowledgementDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => AcknowledgementDto)
  acknowledgements?: AcknowledgementDto[];
}

export class UpdateNominationDto {
  @ApiProperty({ example: 1 }) @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  achievementSummary?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) tierId?: number;
  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true })
  @Length(10, 10)
  referenceDate?: string;
  @ApiPropertyOptional({ type: [AcknowledgementDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => AcknowledgementDto)
  acknowledgements?: AcknowledgementDto[];
}

export class TransitionNominationDto {
  @ApiProperty({ example: 1 }) @IsInt() @Min(1) version!: number;
  @ApiProperty({ enum: NOMINATION_STATUSES, example: 'PROPOSED' })
  @IsIn(NOMINATION_STATUSES)
  to!: NominationStatus;
  @ApiPropertyOptional({ example: 'Hội nghị Khối ngày 28/03/2024 đã bình xét, suy tôn' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
  @ApiPropertyOptional({ type: [AcknowledgementDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => AcknowledgementDto)
  acknowledgements?: AcknowledgementDto[];
}

export class CouncilVoteDto {
  @ApiProperty({ example: 3 }) @IsInt() @Min(1) version!: number;
  @ApiProperty({ description: 'Tổng số thành viên Hội đồng', example: 15 })
  @IsInt()
  @Min(1)
  @Max(1000)
  members!: number;
  @ApiProperty({
    description: 'Số thành viên có mặt (kể cả bỏ phiếu bằng văn bản nếu quy tắc cho phép)',
    example: 13,
  })
  @IsInt()
  @Min(0)
  @Max(1000)
  present!: number;
  @ApiProperty({ description: 'Số phiếu hợp lệ', example: 13 })
  @IsInt()
  @Min(0)
  @Max(1000)
  valid!: number;
  @ApiProperty({ description: 'Số phiếu đồng ý', example: 12 })
  @IsInt()
  @Min(0)
  @Max(1000)
  agree!: number;
  @ApiProperty({ example: '2024-04-15' })
  @IsISO8601({ strict: true })
  @Length(10, 10)
  councilDate!: string;
  @ApiPropertyOptional({ example: 'Phiên họp Hội đồng Thi đua – Khen thưởng tỉnh' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class DecisionDto {
  @ApiProperty({ example: 4 }) @IsInt() @Min(1) version!: number;
  @ApiProperty({ example: '1234/QĐ-UBND' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  decisionNumber!: string;
  @ApiProperty({ example: '2024-05-20' })
  @IsISO8601({ strict: true })
  @Length(10, 10)
  decisionDate!: string;
  @ApiProperty({ example: 'Chủ tịch UBND tỉnh Hải Dương' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  decider!: string;
}

export class ProvinceNominationsQueryDto {
  @ApiProperty({ example: 2023 }) @Transform(toInt) @IsInt() @Min(1990) @Max(2100) year!: number;
  @ApiPropertyOptional({
    enum: ['full'],
    description: 'full: kèm chi tiết từng điều kiện, lịch sử, xác nhận (mặc định: danh sách gọn)',
  })
  @IsOptional()
  @IsIn(['full'])
  detail?: 'full';
}

export class FindingOutDto {
  @ApiProperty({ example: 'NOT_LEADER' }) code!: string;
  @ApiProperty({ enum: ['error', 'warning'], example: 'warning' }) severity!: 'error' | 'warning';
  @ApiProperty({
    example:
      'Huyện Cẩm Giàng không phải đơn vị dẫn đầu khối (xếp hạng 2/12); đơn vị dẫn đầu là thành phố Hải Dương (được đề nghị Cờ thi đua của Chính phủ). Cờ thi đua của Ủy ban nhân dân tỉnh thường dành cho tập thể dẫn đầu khối: cần ghi rõ lý do.',
  })
  message!: string;
}

export class EligibilityDto {
  @ApiProperty({ example: true }) eligible!: boolean;
  @ApiProperty({ type: [FindingOutDto] }) errors!: FindingOutDto[];
  @ApiProperty({ type: [FindingOutDto] }) warnings!: FindingOutDto[];
  @ApiProperty({
    type: [String],
    description: 'Các điều kiện đã kiểm tra',
    example: ['NOT_A_MEMBER', 'UNIT_DISSOLVED', 'RANKING_INCOMPLETE', 'NOT_LEADER', 'BLOC_QUOTA'],
  })
  checkedRules!: string[];
  @ApiProperty({ type: [String], description: 'Cảnh báo chưa được xác nhận', example: [] })
  unacknowledged!: string[];
}

export class NominationDto {
  @ApiProperty({ example: 2 }) id!: number;
  @ApiProperty({ example: 1 }) blocId!: number;
  @ApiProperty({ example: 'Khối thi đua các huyện, thị xã, thành phố' }) blocName!: string;
  @ApiProperty({ example: 2023 }) year!: number;
  @ApiProperty({ type: UnitDto }) unit!: UnitDto;
  @ApiProperty({ example: 2 }) tierId!: number;
  @ApiProperty({ example: 'PROV_FLAG' }) tierCode!: string;
  @ApiProperty({ example: 'Cờ thi đua của Ủy ban nhân dân tỉnh' }) tierName!: string;
  @ApiProperty({ enum: NOMINATION_STATUSES, example: 'PROPOSED' }) status!: NominationStatus;
  @ApiProperty({ example: 'khối đã đề nghị' }) statusLabel!: string;
  @ApiProperty({ example: 'Xếp thứ hai trong Khối năm 2023; hoàn thành xuất sắc nhiệm vụ.' })
  achievementSummary!: string;
  @ApiProperty({ example: '2024-01-01' }) referenceDate!: string;
  @ApiProperty({ nullable: true, type: String, example: null }) leaderExceptionBasis!:
    string | null;
  @ApiProperty({ type: EligibilityDto }) eligibility!: EligibilityDto;
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    example: [
      {
        code: 'NOT_LEADER',
        reason:
          'Đơn vị dẫn đầu (thành phố Hải Dương) được đề nghị Cờ thi đua của Chính phủ; Cờ thi đua của UBND tỉnh dành cho đơn vị xếp tiếp theo.',
        at: '2024-03-28T04:00:00.000Z',
      },
    ],
  })
  acknowledgements!: {
    code: string;
    reason: string;
    at: string;
  }[];
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    example: [
      { from: null, to: 'DRAFT', reason: null, at: '2024-03-28T03:00:00.000Z' },
      {
        from: 'DRAFT',
        to: 'PROPOSED',
        reason: 'Hội nghị Khối ngày 28/03/2024 đã bình xét, suy tôn',
        at: '2024-03-28T04:30:00.000Z',
      },
    ],
  })
  history!: {
    from: string | null;
    to: string;
    reason: string | null;
    at: string;
  }[];
  @ApiProperty({
    enum: NOMINATION_STATUSES,
    isArray: true,
    example: ['SUBMITTED', 'DRAFT', 'WITHDRAWN'],
  })
  allowedTransitions!: NominationStatus[];
  @ApiProperty({
    nullable: true,
    type: 'object',
    additionalProperties: true,
    description: 'Kết quả biểu quyết của Hội đồng TĐKT tỉnh, nếu đã có',
    example: null,
  })
  council!: {
    agree: number;
    members: number;
    date: string | null;
  } | null;
  @ApiProperty({
    nullable: true,
    type: 'object',
    additionalProperties: true,
    description: 'Quyết định khen thưởng, nếu đã có',
    example: null,
  })
  decision!: {
    number: string;
    date: string;
    decider: string;
  } | null;
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: 'Báo cáo thành tích đã tải lên',
    example: [],
  })
  reports!: {
    id: number;
    fileName: string;
    sizeBytes: number;
    sha256: string;
  }[];
  @ApiProperty({ example: 2 }) version!: number;
}
