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
  @ApiProperty({ enum: BLOC_KINDS }) @IsIn(BLOC_KINDS) kind!: BlocKind;
  @ApiProperty() @IsInt() @Min(1) provinceId!: number;
  @ApiPropertyOptional({
    nullable: true,
    description: 'Cơ quan tổ chức (đứng đầu văn bản); bỏ trống: Ủy ban nhân dân tỉnh',
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
  @ApiProperty({ type: [Number], description: 'Các đơn vị thành viên năm đó' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsInt({ each: true })
  @Min(1, { each: true })
  memberUnitIds!: number[];

  @ApiPropertyOptional({ nullable: true, description: 'Trưởng khối' })
  @IsOptional()
  @IsInt()
  @Min(1)
  headUnitId?: number | null;
  @ApiPropertyOptional({ nullable: true, description: 'Phó khối' })
  @IsOptional()
  @IsInt()
  @Min(1)
  deputyUnitId?: number | null;
  @ApiPropertyOptional({ nullable: true, description: 'Thư ký khối' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  secretaryName?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() @MaxLength(1000) note?:
    string | null;
}

export class CreateTermDto extends TermBodyDto {
  @ApiProperty({ example: 2023 }) @IsInt() @Min(1990) @Max(2100) year!: number;
}

export class UpdateTermDto extends TermBodyDto {
  @ApiProperty() @IsInt() @Min(1) version!: number;
}

export class BlocDto {
  @ApiProperty() id!: number;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: BLOC_KINDS }) kind!: BlocKind;
  @ApiProperty({ example: 'khối thi đua' }) kindLabel!: string;
  @ApiProperty() provinceId!: number;
  @ApiProperty({ nullable: true, type: Number }) organizingBodyId!: number | null;
  @ApiProperty({ type: [Number], description: 'Các năm đã có danh sách thành viên' })
  termYears!: number[];
  @ApiProperty() version!: number;
}

export class BlocPageDto {
  @ApiProperty({ type: [BlocDto] }) items!: BlocDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class TermDto {
  @ApiProperty() id!: number;
  @ApiProperty() blocId!: number;
  @ApiProperty() blocName!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ type: [UnitDto] }) members!: UnitDto[];
  @ApiProperty() memberCount!: number;
  @ApiProperty({ type: UnitDto, nullable: true }) headUnit!: UnitDto | null;
  @ApiProperty({ type: UnitDto, nullable: true }) deputyUnit!: UnitDto | null;
  @ApiProperty({ nullable: true, type: String }) secretaryName!: string | null;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty() version!: number;
}
