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
  @ApiProperty() @IsInt() @Min(1) unitId!: number;
  @ApiProperty() @IsInt() @Min(1) tierId!: number;
  @ApiProperty({ description: 'Tóm tắt thành tích' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  achievementSummary!: string;
  @ApiPropertyOptional({
    description:
      'Ngày xét (mặc định 01/01 năm sau năm thi đua); đơn vị phải còn tồn tại vào ngày này',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Length(10, 10)
  referenceDate?: string;
  @ApiPropertyOptional({
    description: 'Căn cứ đề nghị đơn vị không dẫn đầu (Điều 25.3 Luật 06/2022)',
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
  @ApiProperty() @IsInt() @Min(1) version!: number;
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
  @ApiProperty() @IsInt() @Min(1) version!: number;
  @ApiProperty({ enum: NOMINATION_STATUSES }) @IsIn(NOMINATION_STATUSES) to!: NominationStatus;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) reason?: string;
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
  @ApiProperty() @IsInt() @Min(1) version!: number;
  @ApiProperty({ description: 'Tổng số thành viên Hội đồng' })
  @IsInt()
  @Min(1)
  @Max(1000)
  members!: number;
  @ApiProperty({
    description: 'Số thành viên có mặt (kể cả bỏ phiếu bằng văn bản nếu quy tắc cho phép)',
  })
  @IsInt()
  @Min(0)
  @Max(1000)
  present!: number;
  @ApiProperty({ description: 'Số phiếu hợp lệ' }) @IsInt() @Min(0) @Max(1000) valid!: number;
  @ApiProperty({ description: 'Số phiếu đồng ý' }) @IsInt() @Min(0) @Max(1000) agree!: number;
  @ApiProperty({ example: '2024-04-15' })
  @IsISO8601({ strict: true })
  @Length(10, 10)
  councilDate!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

export class DecisionDto {
  @ApiProperty() @IsInt() @Min(1) version!: number;
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
  @ApiProperty() code!: string;
  @ApiProperty() severity!: string;
  @ApiProperty() message!: string;
}

export class EligibilityDto {
  @ApiProperty() eligible!: boolean;
  @ApiProperty({ type: [FindingOutDto] }) errors!: FindingOutDto[];
  @ApiProperty({ type: [FindingOutDto] }) warnings!: FindingOutDto[];
  @ApiProperty({ type: [String] }) checkedRules!: string[];
  @ApiProperty({ type: [String], description: 'Cảnh báo chưa được xác nhận' })
  unacknowledged!: string[];
}

export class NominationDto {
  @ApiProperty() id!: number;
  @ApiProperty() blocId!: number;
  @ApiProperty() blocName!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ type: UnitDto }) unit!: UnitDto;
  @ApiProperty() tierId!: number;
  @ApiProperty() tierCode!: string;
  @ApiProperty() tierName!: string;
  @ApiProperty({ enum: NOMINATION_STATUSES }) status!: NominationStatus;
  @ApiProperty() statusLabel!: string;
  @ApiProperty() achievementSummary!: string;
  @ApiProperty() referenceDate!: string;
  @ApiProperty({ nullable: true, type: String }) leaderExceptionBasis!: string | null;
  @ApiProperty({ type: EligibilityDto }) eligibility!: EligibilityDto;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) acknowledgements!: {
    code: string;
    reason: string;
    at: string;
  }[];
  @ApiProperty({ type: 'array', items: { type: 'object' } }) history!: {
    from: string | null;
    to: string;
    reason: string | null;
    at: string;
  }[];
  @ApiProperty({ enum: NOMINATION_STATUSES, isArray: true })
  allowedTransitions!: NominationStatus[];
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true }) council!: {
    agree: number;
    members: number;
    date: string | null;
  } | null;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true }) decision!: {
    number: string;
    date: string;
    decider: string;
  } | null;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) reports!: {
    id: number;
    fileName: string;
    sizeBytes: number;
    sha256: string;
  }[];
  @ApiProperty() version!: number;
}
