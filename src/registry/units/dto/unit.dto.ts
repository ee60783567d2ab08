import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  Min,
  IsISO8601,
  IsNotEmpty,
} from 'class-validator';
import { PageQueryDto, toInt } from '../../../common/http/pagination';
import {
  LINEAGE_KINDS,
  UNIT_TYPES,
  type LineageKind,
  type UnitType,
} from '../../../domain/registry/unit-types';
import { MatchesFormat, codeFormat } from '../../../common/http/matches-format';

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export class CreateUnitDto {
  @ApiProperty({ example: 'HD-CG' })
  @IsString()
  @Length(1, 32)
  @MatchesFormat(CODE, codeFormat('mã đơn vị', 'HD-CG'))
  code!: string;
  @ApiProperty({ example: 'Cẩm Giàng' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  shortName!: string;
  @ApiProperty({ enum: UNIT_TYPES, example: 'HUYEN' }) @IsIn(UNIT_TYPES) type!: UnitType;
  @ApiProperty({ example: 'huyện Cẩm Giàng' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName!: string;
  @ApiProperty({ example: 'Đảng bộ, chính quyền và nhân dân huyện Cẩm Giàng' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(400)
  collectiveName!: string;
  @ApiProperty({ example: 1 }) @IsInt() @Min(1) provinceId!: number;
  @ApiProperty({ example: '2023-01-01' })
  @IsISO8601({ strict: true })
  @Length(10, 10)
  validFrom!: string;
  @ApiPropertyOptional({ example: '2025-06-30', nullable: true })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Length(10, 10)
  validTo?: string | null;
}

export class UpdateUnitDto {
  @ApiProperty({ description: 'Phiên bản đang sửa (chống ghi đè)', example: 1 })
  @IsInt()
  @Min(1)
  version!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) shortName?: string;
  @ApiPropertyOptional({ enum: UNIT_TYPES }) @IsOptional() @IsIn(UNIT_TYPES) type?: UnitType;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) fullName?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(400)
  collectiveName?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true })
  @Length(10, 10)
  validFrom?: string;
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Length(10, 10)
  validTo?: string | null;
}

export class ListUnitsQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @Transform(toInt) @IsInt() @Min(1) provinceId?: number;
  @ApiPropertyOptional({ enum: UNIT_TYPES }) @IsOptional() @IsIn(UNIT_TYPES) type?: UnitType;
  @ApiPropertyOptional({ description: 'Chỉ các đơn vị còn hiệu lực vào ngày này (YYYY-MM-DD)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Length(10, 10)
  activeOn?: string;
  @ApiPropertyOptional({ description: 'Tìm theo mã hoặc tên' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class CreateLineageDto {
  @ApiProperty() @IsInt() @Min(1) successorId!: number;
  @ApiProperty({ enum: LINEAGE_KINDS }) @IsIn(LINEAGE_KINDS) kind!: LineageKind;
  @ApiProperty({ example: '2025-07-01' })
  @IsISO8601({ strict: true })
  @Length(10, 10)
  effectiveDate!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class UnitDto {
  @ApiProperty({ example: 5 }) id!: number;
  @ApiProperty({ example: 'HD-CG' }) code!: string;
  @ApiProperty({ example: 'Cẩm Giàng' }) shortName!: string;
  @ApiProperty({ enum: UNIT_TYPES, example: 'HUYEN' }) type!: UnitType;
  @ApiProperty({ example: 'huyện' }) typeLabel!: string;
  @ApiProperty({ example: 'huyện Cẩm Giàng' }) fullName!: string;
  @ApiProperty({ example: 'Đảng bộ, chính quyền và nhân dân huyện Cẩm Giàng' })
  collectiveName!: string;
  @ApiProperty({ example: 1 }) provinceId!: number;
  @ApiProperty({ example: '2023-01-01' }) validFrom!: string;
  @ApiProperty({ nullable: true, type: String, example: '2025-06-30' }) validTo!: string | null;
  @ApiProperty({ example: 1 }) version!: number;
}

export class LineageLinkDto {
  @ApiProperty() id!: number;
  @ApiProperty() predecessorId!: number;
  @ApiProperty() successorId!: number;
  @ApiProperty({ enum: LINEAGE_KINDS }) kind!: LineageKind;
  @ApiProperty() effectiveDate!: string;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
}

export class UnitDetailDto extends UnitDto {
  @ApiProperty({ type: [LineageLinkDto] }) predecessors!: LineageLinkDto[];
  @ApiProperty({ type: [LineageLinkDto] }) successors!: LineageLinkDto[];
}

export class UnitPageDto {
  @ApiProperty({ type: [UnitDto] }) items!: UnitDto[];
  @ApiProperty({ example: 12 }) total!: number;
  @ApiProperty({ example: 1 }) page!: number;
  @ApiProperty({ example: 20 }) pageSize!: number;
}
