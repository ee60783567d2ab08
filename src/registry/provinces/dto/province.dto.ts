import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  Min,
} from 'class-validator';
import { MatchesFormat, codeFormat } from '../../../common/http/matches-format';

export class CreateProvinceDto {
  @ApiProperty({ example: 'HD' })
  @IsString()
  @Length(1, 32)
  @MatchesFormat(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, codeFormat('mã tỉnh', 'HD'))
  code!: string;
  @ApiProperty({ example: 'Hải Dương' }) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @ApiProperty({ example: 'tỉnh Hải Dương' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName!: string;
  @ApiProperty({ example: '1997-01-01' })
  @IsISO8601({ strict: true })
  @Length(10, 10)
  validFrom!: string;
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Length(10, 10)
  validTo?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsInt() @Min(1) successorId?:
    number | null;
}

export class UpdateProvinceDto {
  @ApiProperty() @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) fullName?: string;
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Length(10, 10)
  validTo?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsInt() @Min(1) successorId?:
    number | null;
}

export class ProvinceDto {
  @ApiProperty() id!: number;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty() validFrom!: string;
  @ApiProperty({ nullable: true, type: String }) validTo!: string | null;
  @ApiProperty({ nullable: true, type: Number }) successorId!: number | null;
  @ApiProperty({
    type: [Number],
    description: 'Các tỉnh hợp thành tỉnh này (tỉnh có successorId là tỉnh này)',
  })
  predecessorIds!: number[];
  @ApiProperty() version!: number;
}

export class ListProvincesQueryDto {
  @ApiPropertyOptional({
    description: 'Chỉ các tỉnh còn hiệu lực vào ngày này (YYYY-MM-DD), ví dụ để chọn tỉnh hiện nay',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Length(10, 10)
  activeOn?: string;
}
