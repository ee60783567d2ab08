import { codeFormat, MatchesFormat } from '../../../common/http/matches-format';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  Min,
} from 'class-validator';

export class CreateOrganizingBodyDto {
  @ApiProperty({ example: 'UBND-HD' })
  @IsString()
  @Length(1, 32)
  @MatchesFormat(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, codeFormat('mã cơ quan', 'UBND-HD'))
  code!: string;
  @ApiProperty({ example: 'Ủy ban nhân dân tỉnh Hải Dương' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name!: string;
  @ApiProperty({
    example: 'UBND TỈNH HẢI DƯƠNG',
    description: 'Dòng cơ quan chủ quản ở tiêu đề văn bản',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  headerLine!: string;
  @ApiProperty({ example: 'Hải Dương', description: 'Địa danh ở dòng ngày tháng' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  place!: string;
  @ApiProperty({
    example: 'tỉnh Hải Dương',
    description: 'Địa bàn ghi sau chức danh người quyết định',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  locality!: string;
  @ApiProperty({
    example: 'Chủ tịch Ủy ban nhân dân tỉnh Hải Dương',
    description: 'Kính gửi của tờ trình',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  addressee!: string;
  @ApiProperty({
    example: 'Ban Thi đua - Khen thưởng (Sở Nội vụ)',
    description: 'Cơ quan thường trực ở Nơi nhận',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  office!: string;
  @ApiPropertyOptional({
    type: [String],
    example: ['FRONT_PROVINCE_CHAIRMAN', 'FRONT_CENTRAL_CHAIRMAN'],
    description:
      'Người có thẩm quyền mà các khối/cụm của cơ quan này đề nghị khen thưởng (trống: mọi hình thức)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MatchesFormat(
    /^[A-Z][A-Z0-9_]*$/,
    'mã cấp quyết định: chữ in hoa không dấu, số và dấu gạch dưới, bắt đầu bằng chữ (ví dụ PROVINCE_CHAIRMAN)',
    { each: true },
  )
  authorityCodes?: string[];
  @ApiPropertyOptional({
    description:
      'Đính chính biên bản hội nghị đã chốt phải được quản trị viên (người khác người lập) duyệt; mặc định không',
  })
  @IsOptional()
  @IsBoolean()
  correctionNeedsApproval?: boolean;
}

export class UpdateOrganizingBodyDto {
  @ApiProperty() @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(300) name?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  headerLine?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) place?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) locality?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(300) addressee?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(300) office?: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MatchesFormat(
    /^[A-Z][A-Z0-9_]*$/,
    'mã cấp quyết định: chữ in hoa không dấu, số và dấu gạch dưới, bắt đầu bằng chữ (ví dụ PROVINCE_CHAIRMAN)',
    { each: true },
  )
  authorityCodes?: string[];
  @ApiPropertyOptional({
    description:
      'Đính chính biên bản hội nghị đã chốt phải được quản trị viên (người khác người lập) duyệt; mặc định không',
  })
  @IsOptional()
  @IsBoolean()
  correctionNeedsApproval?: boolean;
}

export class OrganizingBodyDto {
  @ApiProperty() id!: number;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() headerLine!: string;
  @ApiProperty() place!: string;
  @ApiProperty() locality!: string;
  @ApiProperty() addressee!: string;
  @ApiProperty() office!: string;
  @ApiProperty({ type: [String] }) authorityCodes!: string[];
  @ApiProperty() correctionNeedsApproval!: boolean;
  @ApiProperty() version!: number;
}
