import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
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
  IsDefined,
  IsObject,
} from 'class-validator';
import { toInt } from '../../common/http/pagination';
import type { Comparator } from '../../domain/common/fraction';
import {
  COMPARATORS,
  SELF_VOTE_POLICIES,
  TIE_BREAKS,
  VOTE_DENOMINATORS,
  VOTING_BODIES,
  type SelfVotePolicy,
  type TieBreak,
  type VoteDenominator,
  type VotingBody,
} from '../../domain/registry/tiers';
import { MatchesFormat } from '../../common/http/matches-format';
import {
  AUTHORITY_JURISDICTIONS,
  type AuthorityJurisdiction,
} from '../../domain/registry/deciding-authority';

export class FractionDto {
  @ApiProperty({ example: 70 }) @IsInt() @Min(0) @Max(1_000_000) numerator!: number;
  @ApiProperty({ example: 100 }) @IsInt() @Min(1) @Max(1_000_000) denominator!: number;
}

export class VotingRuleDto {
  @ApiProperty({ enum: VOTING_BODIES }) @IsIn(VOTING_BODIES) body!: VotingBody;
  @ApiProperty({ type: FractionDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => FractionDto)
  threshold!: FractionDto;
  @ApiProperty({ enum: COMPARATORS, description: 'GT: lớn hơn; GTE: từ … trở lên' })
  @IsIn(COMPARATORS)
  thresholdComparator!: Comparator;
  @ApiProperty({ enum: VOTE_DENOMINATORS }) @IsIn(VOTE_DENOMINATORS) denominator!: VoteDenominator;
  @ApiProperty({ type: FractionDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => FractionDto)
  quorum!: FractionDto;
  @ApiProperty({ enum: COMPARATORS }) @IsIn(COMPARATORS) quorumComparator!: Comparator;
  @ApiProperty() @IsBoolean() allowWrittenAbsentee!: boolean;
  @ApiProperty({ enum: SELF_VOTE_POLICIES }) @IsIn(SELF_VOTE_POLICIES) selfVote!: SelfVotePolicy;
  @ApiProperty({ enum: TIE_BREAKS }) @IsIn(TIE_BREAKS) tieBreak!: TieBreak;
  @ApiProperty() @IsBoolean() secretBallot!: boolean;
  @ApiPropertyOptional({
    type: FractionDto,
    description:
      'Cảnh báo khi tỷ lệ phiếu không hợp lệ trên số phiếu thu về vượt mức này (mặc định 1/10)',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => FractionDto)
  invalidShare?: FractionDto;
  @ApiPropertyOptional({ description: 'Căn cứ của mức cảnh báo phiếu không hợp lệ' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  invalidShareBasis?: string;
}

export class TierRuleBodyDto {
  @ApiProperty({ example: '2024-01-01' })
  @IsISO8601({ strict: true })
  @Length(10, 10)
  validFrom!: string;
  @ApiPropertyOptional({ nullable: true, example: '2025-06-30' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Length(10, 10)
  validTo?: string | null;
  @ApiProperty({ example: 'Luật Thi đua, khen thưởng số 06/2022/QH15' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  legalDocument!: string;
  @ApiProperty({ example: 'Điều 25' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  legalArticle!: string;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() isSample?: boolean;
  @ApiPropertyOptional({ nullable: true, description: 'Số đề nghị tối đa mỗi khối' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  perBlocQuota?: number | null;
  @ApiProperty({ description: 'Chỉ đơn vị dẫn đầu khối' }) @IsBoolean() leaderOnly!: boolean;
  @ApiPropertyOptional({
    type: FractionDto,
    nullable: true,
    description: 'Trần toàn tỉnh theo tỷ lệ số đơn vị dẫn đầu khối',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => FractionDto)
  provinceCap?: FractionDto | null;
  @ApiPropertyOptional({
    default: false,
    description: 'Cho phép 1 đề nghị khi trần làm tròn xuống còn 0',
  })
  @IsOptional()
  @IsBoolean()
  provinceCapMinOne?: boolean;
  @ApiPropertyOptional({
    nullable: true,
    description:
      'Xếp loại thi đua tối thiểu của đơn vị trong năm: 1 = mức cao nhất của thang xếp loại của khối',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10)
  requiredClassificationRank?: number | null;
  @ApiProperty({ type: [VotingRuleDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => VotingRuleDto)
  votingRules!: VotingRuleDto[];
}

export class UpdateTierRuleDto extends TierRuleBodyDto {
  @ApiProperty() @IsInt() @Min(1) version!: number;
}

export class CreateAwardTierDto {
  @ApiProperty({ example: 'PM_MERIT' })
  @IsString()
  @Length(1, 32)
  @MatchesFormat(
    /^[A-Z][A-Z0-9_]*$/,
    'mã hình thức: chữ in hoa không dấu, số và dấu gạch dưới, bắt đầu bằng chữ (ví dụ PM_MERIT)',
  )
  code!: string;
  @ApiProperty({ example: 'Bằng khen của Thủ tướng Chính phủ' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name!: string;
  @ApiProperty({ example: 'PRIME_MINISTER', description: 'Mã người có thẩm quyền quyết định' })
  @IsString()
  @Length(1, 32)
  decidingAuthority!: string;
  @ApiProperty({ example: 4 }) @IsInt() @Min(1) @Max(1000) rank!: number;
  @ApiPropertyOptional({
    example: 2,
    description:
      'Tổ chức có hình thức khen thưởng riêng này (bỏ trống: hình thức dùng chung). Tài khoản thuộc một tổ chức luôn tạo cho tổ chức của mình.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  organizingBodyId?: number;
}

export class UpdateAwardTierDto {
  @ApiProperty() @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(300) name?: string;
  @ApiPropertyOptional({ example: 'PROVINCE_CHAIRMAN' })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  decidingAuthority?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(1000) rank?: number;
}

export class ResolveRulesQueryDto {
  @ApiProperty({ example: 2023, description: 'Năm thi đua được xét' })
  @Transform(toInt)
  @IsInt()
  @Min(1990)
  @Max(2100)
  year!: number;
  @ApiPropertyOptional({
    example: '2024-03-28',
    description: 'Ngày xét (mặc định 01/01 năm sau năm thi đua)',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Length(10, 10)
  on?: string;
}

export class TierRuleDto {
  @ApiProperty() id!: number;
  @ApiProperty() tierId!: number;
  @ApiProperty() validFrom!: string;
  @ApiProperty({ nullable: true, type: String }) validTo!: string | null;
  @ApiProperty() legalDocument!: string;
  @ApiProperty() legalArticle!: string;
  @ApiProperty() isSample!: boolean;
  @ApiProperty({ nullable: true, type: Number }) perBlocQuota!: number | null;
  @ApiProperty() leaderOnly!: boolean;
  @ApiProperty({ type: FractionDto, nullable: true }) provinceCap!: FractionDto | null;
  @ApiProperty() provinceCapMinOne!: boolean;
  @ApiProperty({ nullable: true, type: Number }) requiredClassificationRank!: number | null;
  @ApiProperty({ type: [VotingRuleDto] }) votingRules!: VotingRuleDto[];
  @ApiProperty() version!: number;
}

export class AwardTierDto {
  @ApiProperty() id!: number;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'PRIME_MINISTER' }) decidingAuthority!: string;
  @ApiProperty({ example: 'Thủ tướng Chính phủ' }) decidingAuthorityLabel!: string;
  @ApiProperty() rank!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'Tổ chức có hình thức khen thưởng riêng này; null: hình thức dùng chung của Nhà nước, tổ chức chỉ được xem',
  })
  organizingBodyId!: number | null;
  @ApiProperty() version!: number;
}

export class AwardTierDetailDto extends AwardTierDto {
  @ApiProperty({ type: [TierRuleDto] }) rules!: TierRuleDto[];
}

export class ResolvedTierRuleDto {
  @ApiProperty({ type: AwardTierDto }) tier!: AwardTierDto;
  @ApiProperty() referenceDate!: string;
  @ApiProperty({ type: TierRuleDto, nullable: true }) rule!: TierRuleDto | null;
}

export class CreateDecidingAuthorityDto {
  @ApiProperty({ example: 'FRONT_PROVINCE_CHAIRMAN' })
  @IsString()
  @Length(1, 32)
  @MatchesFormat(
    /^[A-Z][A-Z0-9_]*$/,
    'mã cấp quyết định: chữ in hoa không dấu, số và dấu gạch dưới, bắt đầu bằng chữ (ví dụ FRONT_PROVINCE_CHAIRMAN)',
  )
  code!: string;
  @ApiProperty({ example: 'Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title!: string;
  @ApiProperty({
    enum: AUTHORITY_JURISDICTIONS,
    description: 'LOCAL: chức danh được ghi thêm địa bàn của cơ quan tổ chức khối/cụm',
  })
  @IsIn(AUTHORITY_JURISDICTIONS)
  jurisdiction!: AuthorityJurisdiction;
  @ApiProperty({ example: 'tặng' }) @IsString() @IsNotEmpty() @MaxLength(50) awardVerb!: string;
  @ApiProperty({ example: 'Luật Thi đua, khen thưởng số 06/2022/QH15, Chương IV' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  legalBasis!: string;
}

export class DecidingAuthorityDto {
  @ApiProperty() id!: number;
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: AUTHORITY_JURISDICTIONS }) jurisdiction!: AuthorityJurisdiction;
  @ApiProperty() awardVerb!: string;
  @ApiProperty() legalBasis!: string;
  @ApiProperty() version!: number;
}
