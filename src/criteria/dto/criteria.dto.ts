import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
  IsDefined,
  IsObject,
} from 'class-validator';
import { MatchesFormat, codeFormat } from '../../common/http/matches-format';

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const POINTS = { maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false };

export class CriterionDto {
  @ApiProperty({ example: 'I.1' })
  @IsString()
  @Length(1, 32)
  @MatchesFormat(CODE, codeFormat('mã tiêu chí', 'I.1'))
  code!: string;
  @ApiProperty({ example: 'Tăng trưởng kinh tế' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title!: string;
  @ApiProperty({ example: 100, description: 'Điểm tối đa (đến 2 chữ số thập phân)' })
  @IsNumber(POINTS)
  @Min(0)
  @Max(1000)
  maxPoints!: number;
  @ApiPropertyOptional({ example: '1 % kế hoạch = 1 điểm' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  guide?: string;
}

export class CriteriaGroupDto {
  @ApiProperty({ example: 'I' })
  @IsString()
  @Length(1, 32)
  @MatchesFormat(CODE, codeFormat('mã nhóm tiêu chí', 'I'))
  code!: string;
  @ApiProperty({ example: 'Phát triển kinh tế' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title!: string;
  @ApiProperty({ example: 400 }) @IsNumber(POINTS) @Min(0) @Max(1000) maxPoints!: number;
  @ApiProperty({ type: [CriterionDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => CriterionDto)
  criteria!: CriterionDto[];
}

export class AdjustmentItemDto {
  @ApiProperty({ example: 'B1' })
  @IsString()
  @Length(1, 32)
  @MatchesFormat(CODE, codeFormat('mã mục cộng, trừ điểm', 'B1'))
  code!: string;
  @ApiProperty({ example: 'Cờ thi đua của tỉnh năm trước' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title!: string;
  @ApiProperty({ example: 10 }) @IsNumber(POINTS) @Min(0) @Max(1000) cap!: number;
}

export class TieBreakKeyDto {
  @ApiProperty({ enum: ['GROUP_SCORE', 'FEWER_PENALTY', 'DRAW_ORDER'] })
  @IsIn(['GROUP_SCORE', 'FEWER_PENALTY', 'DRAW_ORDER'])
  kind!: 'GROUP_SCORE' | 'FEWER_PENALTY' | 'DRAW_ORDER';
  @ApiPropertyOptional({ example: 'I', description: 'Bắt buộc với GROUP_SCORE' })
  @ValidateIf((o: TieBreakKeyDto) => o.kind === 'GROUP_SCORE')
  @IsString()
  @Length(1, 32)
  groupCode?: string;
}

/** The content of a criteria set, in points (two decimals at most). */
export class CriteriaSetBodyDto {
  @ApiProperty({ enum: [100, 1000], example: 1000 }) @IsIn([100, 1000]) scale!: 100 | 1000;
  @ApiProperty({ type: [CriteriaGroupDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => CriteriaGroupDto)
  groups!: CriteriaGroupDto[];
  @ApiProperty({ type: [AdjustmentItemDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => AdjustmentItemDto)
  bonusItems!: AdjustmentItemDto[];
  @ApiProperty({ type: [AdjustmentItemDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => AdjustmentItemDto)
  penaltyItems!: AdjustmentItemDto[];
  @ApiProperty({ example: 50 }) @IsNumber(POINTS) @Min(0) @Max(1000) bonusCap!: number;
  @ApiProperty({ example: 50 }) @IsNumber(POINTS) @Min(0) @Max(1000) penaltyCap!: number;
  @ApiProperty({ type: [TieBreakKeyDto], description: 'Thứ tự tiêu chí phân định khi bằng điểm' })
  @IsArray()
  @ArrayMaxSize(10)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => TieBreakKeyDto)
  tieBreak!: TieBreakKeyDto[];
  @ApiPropertyOptional({ default: false, example: false })
  @IsOptional()
  @IsBoolean()
  isSample?: boolean;
}

export class CreateCriteriaSetDto {
  @ApiPropertyOptional({
    type: CriteriaSetBodyDto,
    description: 'Nội dung bộ tiêu chí (hoặc dùng copyFromYear)',
  })
  @ValidateIf((o: CreateCriteriaSetDto) => o.copyFromYear === undefined)
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => CriteriaSetBodyDto)
  definition?: CriteriaSetBodyDto;

  @ApiPropertyOptional({ example: 2023, description: 'Sao chép bộ tiêu chí đã ký của năm này' })
  @IsOptional()
  @IsInt()
  @Min(1990)
  @Max(2100)
  copyFromYear?: number;

  @ApiPropertyOptional({
    description: 'Lý do (bắt buộc khi đã có bộ tiêu chí được ký)',
    example: 'Bổ sung tiêu chí chuyển đổi số theo kế hoạch của tỉnh',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class UpdateCriteriaSetDto {
  @ApiProperty({ example: 1 }) @IsInt() @Min(1) version!: number;
  @ApiProperty({ type: CriteriaSetBodyDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => CriteriaSetBodyDto)
  definition!: CriteriaSetBodyDto;
  @ApiPropertyOptional({ example: 'Sửa điểm tối đa của nhóm II theo góp ý của các đơn vị' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class LockCriteriaSetDto {
  @ApiProperty({ example: 2 }) @IsInt() @Min(1) version!: number;
  @ApiProperty({ example: '2023-03-15', description: 'Ngày ký kết giao ước thi đua' })
  @IsISO8601({ strict: true })
  @Length(10, 10)
  signedOn!: string;
}

export class CriteriaSetSummaryDto {
  @ApiProperty({ example: 1 }) id!: number;
  @ApiProperty({ example: 1 }) termId!: number;
  @ApiProperty({ example: 1 }) versionNo!: number;
  @ApiProperty({ enum: ['DRAFT', 'LOCKED', 'SUPERSEDED'], example: 'LOCKED' }) status!: string;
  @ApiProperty({ example: 'đã ký giao ước' }) statusLabel!: string;
  @ApiProperty({ nullable: true, type: String, example: null }) reason!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2023-03-15' }) signedOn!: string | null;
  @ApiProperty({ example: true }) isSample!: boolean;
  @ApiProperty({ example: 2 }) version!: number;
}

export class CriteriaSetDto extends CriteriaSetSummaryDto {
  @ApiProperty({ type: CriteriaSetBodyDto }) definition!: CriteriaSetBodyDto;
  @ApiProperty({
    type: [String],
    description: 'Các thao tác được phép (EDIT, LOCK, DELETE khi là bản nháp; REVISE khi đã ký)',
    example: ['REVISE'],
  })
  allowedActions!: string[];
}
