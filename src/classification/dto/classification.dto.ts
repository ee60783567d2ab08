import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { FractionDto } from '../../award-tiers/dto/award-tier.dto';
import type { Comparator } from '../../domain/common/fraction';
import {
  CLASSIFICATION_METHODS,
  MAX_CLASSIFICATION_LEVELS,
  type ClassificationMethod,
} from '../../domain/classification/scale';
import { COMPARATORS, VOTE_DENOMINATORS, type VoteDenominator } from '../../domain/registry/tiers';
import { AckDto, CountsDto } from '../../meetings/dto/meeting.dto';

export class ClassificationLevelDto {
  @ApiProperty({ example: 'Hoàn thành xuất sắc nhiệm vụ' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  label!: string;
  @ApiPropertyOptional({
    nullable: true,
    example: 95,
    description:
      'Xác định theo điểm: tổng điểm thống nhất tối thiểu để đạt mức này (tối đa hai chữ số thập phân); bỏ trống ở mức thấp nhất',
  })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(100000)
  minPoints?: number | null;
}

/** How the meeting's classification ballots are counted (defaults: > 1/2 of all members, quorum ≥ 2/3). */
export class ClassificationVotingRuleDto {
  @ApiProperty({ type: FractionDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => FractionDto)
  threshold!: FractionDto;
  @ApiProperty({ enum: COMPARATORS }) @IsIn(COMPARATORS) thresholdComparator!: Comparator;
  @ApiProperty({ enum: VOTE_DENOMINATORS })
  @IsIn(VOTE_DENOMINATORS)
  denominator!: VoteDenominator;
  @ApiProperty({ type: FractionDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => FractionDto)
  quorum!: FractionDto;
  @ApiProperty({ enum: COMPARATORS }) @IsIn(COMPARATORS) quorumComparator!: Comparator;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() secretBallot?: boolean;
}

export class SaveClassificationSchemeDto {
  @ApiProperty({ enum: CLASSIFICATION_METHODS })
  @IsIn(CLASSIFICATION_METHODS)
  method!: ClassificationMethod;
  @ApiProperty({ type: [ClassificationLevelDto], description: 'Từ mức cao nhất xuống' })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(MAX_CLASSIFICATION_LEVELS)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ClassificationLevelDto)
  levels!: ClassificationLevelDto[];
  @ApiProperty({
    example: 'Quy chế hoạt động của Khối thi đua năm 2023, Điều 8',
    description: 'Căn cứ của thang xếp loại và ngưỡng điểm',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  basis!: string;
  @ApiPropertyOptional({ type: ClassificationVotingRuleDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ClassificationVotingRuleDto)
  votingRule?: ClassificationVotingRuleDto;
}

export class DeriveClassificationDto {
  @ApiProperty({ description: 'Phiên bản của thang xếp loại đã đọc (thang đổi thì trả 409)' })
  @IsInt()
  @Min(1)
  schemeVersion!: number;
}

export class ClassificationVoteDto {
  @ApiProperty({ description: 'Hội nghị chính thức của khối trong năm, đã điểm danh' })
  @IsInt()
  @Min(1)
  meetingId!: number;
  @ApiProperty({ description: 'Mức xếp loại được đề nghị (1 = mức cao nhất)' })
  @IsInt()
  @Min(1)
  @Max(MAX_CLASSIFICATION_LEVELS)
  levelRank!: number;
  @ApiProperty({ type: CountsDto, description: 'Kết quả kiểm phiếu: một dòng cho mỗi đơn vị' })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => CountsDto)
  counts!: CountsDto;
  @ApiPropertyOptional({ type: [AckDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => AckDto)
  acknowledgements?: AckDto[];
}

export class ClassificationLevelViewDto {
  @ApiProperty() rank!: number;
  @ApiProperty() label!: string;
  @ApiProperty({ nullable: true, type: Number }) minPoints!: number | null;
}

export class ClassificationSchemeViewDto {
  @ApiProperty({ enum: CLASSIFICATION_METHODS }) method!: ClassificationMethod;
  @ApiProperty() methodLabel!: string;
  @ApiProperty({ type: [ClassificationLevelViewDto] }) levels!: ClassificationLevelViewDto[];
  @ApiProperty() basis!: string;
  @ApiProperty({ nullable: true, type: String }) votingRuleText!: string | null;
  @ApiProperty() version!: number;
}

export class UnitRefDto {
  @ApiProperty() id!: number;
  @ApiProperty() code!: string;
  @ApiProperty() fullName!: string;
}

export class UnitClassificationDto {
  @ApiProperty({ type: UnitRefDto }) unit!: UnitRefDto;
  @ApiProperty() rank!: number;
  @ApiProperty() label!: string;
  @ApiProperty({ enum: CLASSIFICATION_METHODS }) method!: ClassificationMethod;
  @ApiProperty({ description: 'Căn cứ xếp loại, bằng lời' }) basisText!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Căn cứ xếp loại' })
  basis!: object;
}

export class ClassificationDto {
  @ApiProperty() blocId!: number;
  @ApiProperty() year!: number;
  @ApiProperty({ type: ClassificationSchemeViewDto, nullable: true })
  scheme!: ClassificationSchemeViewDto | null;
  @ApiProperty({ type: [UnitClassificationDto] }) units!: UnitClassificationDto[];
  @ApiProperty({ type: [UnitRefDto], description: 'Đơn vị chưa được xếp loại' })
  unclassified!: UnitRefDto[];
}
