import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  Min,
} from 'class-validator';
import { ROLES, type Role } from '../../domain/auth/permissions';
import { MatchesFormat } from '../../common/http/matches-format';

export class LoginDto {
  @ApiProperty({ example: 'demo.vanphong' }) @IsString() @Length(1, 64) username!: string;
  @ApiProperty() @IsString() @Length(1, 200) password!: string;
  @ApiPropertyOptional({
    enum: ['cookie', 'token'],
    default: 'cookie',
    description: 'cookie cho giao diện web; token (Bearer) cho ứng dụng khác',
  })
  @IsOptional()
  @IsIn(['cookie', 'token'])
  mode?: 'cookie' | 'token';
}

export class CreateUserDto {
  @ApiProperty({ example: 'thuky.khoi1' })
  @IsString()
  @Length(3, 64)
  @MatchesFormat(
    /^[a-zA-Z0-9._-]+$/,
    'tên đăng nhập: chữ cái không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới (ví dụ thuky.khoi1)',
  )
  username!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) displayName!: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role!: Role;
  @ApiProperty({ description: 'Ít nhất 10 ký tự' }) @IsString() @Length(10, 200) password!: string;
  @ApiPropertyOptional({ type: [Number], description: 'Các khối (thư ký khối)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsInt({ each: true })
  blocIds?: number[];
  @ApiPropertyOptional({ description: 'Đơn vị (đại diện đơn vị)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  unitId?: number;
  @ApiPropertyOptional({
    description:
      'Tổ chức của tài khoản; chỉ tài khoản không thuộc tổ chức nào chọn được, còn lại là tổ chức của người tạo',
    example: 2,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  organizationId?: number;
}

/** The first administrator of an organization, created by the host's administrator. */
export class CreateOrganizationAdministratorDto {
  @ApiProperty({ example: 'quantri.mttq' })
  @IsString()
  @Length(3, 64)
  @MatchesFormat(
    /^[a-zA-Z0-9._-]+$/,
    'tên đăng nhập: chữ cái không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới (ví dụ quantri.mttq)',
  )
  username!: string;
  @ApiProperty({ example: 'Nguyễn Văn An' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  displayName!: string;
  @ApiProperty({ description: 'Ít nhất 10 ký tự' }) @IsString() @Length(10, 200) password!: string;
}

export class UpdateUserDto {
  @ApiProperty() @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  displayName?: string;
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: Role;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(10, 200) password?: string;
  @ApiPropertyOptional({ type: [Number] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsInt({ each: true })
  blocIds?: number[];
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsInt() @Min(1) unitId?: number | null;
}
