import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PageQueryDto, toInt } from '../../../common/http/pagination';
import { BLOC_KINDS, type BlocKind } from '../../../domain/registry/unit-types';
import { UnitDto } from '../../units/dto/unit.dto';
import { MatchesFormat, codeFormat } from '../../../common/http/matches-format';

export class CreateBlocDto {
  @ApiProperty({ example: 'HD-KTD-HUYEN' })
  @IsString()
  @Length(1, 32)
  @MatchesFormat(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, codeFormat('mã khối', 'HD-KTD-HUYEN'))
  code!: string;
  @ApiProperty({ example: 'Khối thi đua các huyện, thị xã, thành phố' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name!: string;
  @ApiProperty({ enum: BLOC_KINDS, example: 'KHOI' }) @IsIn(BLOC_KINDS) kind!: BlocKind;
  @ApiProperty({ example: 1 }) @IsInt() @Min(1) provinceId!: number;
  @ApiPropertyOptional({
    nullable: true,
    description: 'Cơ quan tổ chức (đứng đầu văn bản); bỏ trống: Ủy ban nhân dân tỉnh',
    example: 1,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  organizingBodyId?: number | null;
}

export class UpdateBlocDto {
  @ApiProperty() @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(300) name?: string;
  @ApiPropertyOptional({ enum: BLOC_KINDS }) @IsOptional() @IsIn(BLOC_KINDS) kind?: BlocKind;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsInt() @Min(1) organizingBodyId?:
    number | null;
}

export class ListBlocsQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @Transform(toInt) @IsInt() @Min(1) provinceId?: number;
  @ApiPropertyOptional({ enum: BLOC_KINDS }) @IsOptional() @IsIn(BLOC_KINDS) kind?: BlocKind;
  @ApiPropertyOptional({ description: 'Chỉ các khối có danh sách thành viên năm này' })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1990)
  @Max(2100)
  year?: number;
}

export class TermBodyDto {
  @ApiProperty({
    type: [Number],
    description: 'Các đơn vị thành viên năm đó',
    example: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsInt({ each: true })
  @Min(1, { each: true })
  memberUnitIds!: number[];

  @ApiPropertyOptional({ nullable: true, description: 'Trưởng khối', example: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  headUnitId?: number | null;
  @ApiPropertyOptional({ nullable: true, description: 'Phó khối', example: 5 })
  @IsOptional()
  @IsInt()
  @Min(1)
  deputyUnitId?: number | null;
  @ApiPropertyOptional({ nullable: true, description: 'Thư ký khối', example: 'Phạm Thị Thu Hà' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  secretaryName?: string | null;
  @ApiPropertyOptional({
    nullable: true,
    example: 'Khối gồm 12 huyện, thị xã, thành phố của tỉnh Hải Dương.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string | null;
}

export class CreateTermDto extends TermBodyDto {
  @ApiProperty({ example: 2023 }) @IsInt() @Min(1990) @Max(2100) year!: number;
}

export class UpdateTermDto extends TermBodyDto {
  @ApiProperty({ example: 1 }) @IsInt() @Min(1) version!: number;
}

export class BlocDto {
  @ApiProperty({ example: 1 }) id!: number;
  @ApiProperty({ example: 'HD-KTD-HUYEN' }) code!: string;
  @ApiProperty({ example: 'Khối thi đua các huyện, thị xã, thành phố' }) name!: string;
  @ApiProperty({ enum: BLOC_KINDS, example: 'KHOI' }) kind!: BlocKind;
  @ApiProperty({ example: 'khối thi đua' }) kindLabel!: string;
  @ApiProperty({ example: 1 }) provinceId!: number;
  @ApiProperty({ nullable: true, type: Number, example: 1 }) organizingBodyId!: number | null;
  @ApiProperty({
    type: [Number],
    description: 'Các năm đã có danh sách thành viên',
    example: [2023],
  })
  termYears!: number[];
  @ApiProperty({ example: 1 }) version!: number;
}

export class BlocPageDto {
  @ApiProperty({ type: [BlocDto] }) items!: BlocDto[];
  @ApiProperty({ example: 1 }) total!: number;
  @ApiProperty({ example: 1 }) page!: number;
  @ApiProperty({ example: 20 }) pageSize!: number;
}

export class TermDto {
  @ApiProperty({ example: 1 }) id!: number;
  @ApiProperty({ example: 1 }) blocId!: number;
  @ApiProperty({ example: 'Khối thi đua các huyện, thị xã, thành phố' }) blocName!: string;
  @ApiProperty({ example: 2023 }) year!: number;
  @ApiProperty({ type: [UnitDto] }) members!: UnitDto[];
  @ApiProperty({ example: 12 }) memberCount!: number;
  @ApiProperty({ type: UnitDto, nullable: true }) headUnit!: UnitDto | null;
  @ApiProperty({ type: UnitDto, nullable: true }) deputyUnit!: UnitDto | null;
  @ApiProperty({ nullable: true, type: String, example: 'Phạm Thị Thu Hà' }) secretaryName!:
    string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'Khối gồm 12 huyện, thị xã, thành phố của tỉnh Hải Dương.',
  })
  note!: string | null;
  @ApiProperty({ example: 1 }) version!: number;
}
