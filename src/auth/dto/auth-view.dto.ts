import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { InStep, SameShape } from '../../common/http/same-shape';
import { ROLES, type Role } from '../../domain/auth/permissions';
import type { AuthenticatedUser } from '../auth.service';
import type { UserView } from '../users.service';

/** Swagger's reading of the answers of sign-in and accounts; kept in step with the interfaces. */

export class AuthenticatedUserDto {
  @ApiProperty({ example: 7 }) id!: number;
  @ApiProperty({ example: 'thuky.khoi1' }) username!: string;
  @ApiProperty({ example: 'Trần Thị Lan' }) displayName!: string;
  @ApiProperty({ enum: ROLES, example: 'BLOC_SECRETARY' }) role!: Role;
  @ApiProperty({
    description: 'Tổ chức (cơ quan tổ chức khối, cụm) của tài khoản; null: không thuộc tổ chức nào',
    nullable: true,
    type: Number,
    example: 2,
  })
  organizationId!: number | null;
  @ApiProperty({
    description: 'Đơn vị (đại diện đơn vị)',
    nullable: true,
    type: Number,
    example: null,
  })
  unitId!: number | null;
  @ApiProperty({ description: 'Các khối (thư ký khối)', type: [Number], example: [3] })
  blocIds!: number[];
  @ApiProperty({ description: 'Tài khoản dùng thử', example: false }) isDemo!: boolean;
}

export class UserViewDto {
  @ApiProperty({ example: 7 }) id!: number;
  @ApiProperty({ example: 'thuky.khoi1' }) username!: string;
  @ApiProperty({ example: 'Trần Thị Lan' }) displayName!: string;
  @ApiProperty({ enum: ROLES, example: 'BLOC_SECRETARY' }) role!: Role;
  @ApiProperty({ example: 'Thư ký khối/cụm thi đua' }) roleLabel!: string;
  @ApiProperty({
    description: 'Tổ chức (cơ quan tổ chức khối, cụm) của tài khoản; null: không thuộc tổ chức nào',
    nullable: true,
    type: Number,
    example: 2,
  })
  organizationId!: number | null;

  @ApiProperty({ example: true }) active!: boolean;
  @ApiProperty({ example: false }) isDemo!: boolean;
  @ApiProperty({ nullable: true, type: Number, example: null }) unitId!: number | null;
  @ApiProperty({ type: [Number], example: [3] }) blocIds!: number[];
  @ApiProperty({ example: 1 }) version!: number;
}

export class LoginAnswerDto {
  @ApiProperty({ type: AuthenticatedUserDto }) user!: AuthenticatedUserDto;
  @ApiPropertyOptional({
    description: 'Phiên cookie: mã CSRF gửi lại trong tiêu đề X-CSRF-Token',
    nullable: true,
    type: String,
    example: 'b1f4c0d2e9a84f6b',
  })
  csrfToken?: string | null;
  @ApiPropertyOptional({
    description: 'Chế độ token: mã phiên dùng làm Bearer (không phải JWT)',
    example: 'k3J9vQm2…',
  })
  token?: string;
  @ApiPropertyOptional({ example: 'Bearer' }) tokenType?: string;
  @ApiProperty({ example: '2023-12-15T10:00:00.000Z' }) expiresAt!: string;
}

export class MeDto {
  @ApiProperty({ type: AuthenticatedUserDto }) user!: AuthenticatedUserDto;
  @ApiProperty({
    description: 'Mã CSRF của phiên cookie (null với Bearer)',
    nullable: true,
    type: String,
    example: 'b1f4c0d2e9a84f6b',
  })
  csrfToken!: string | null;
  @ApiProperty({ example: '2023-12-15T10:00:00.000Z' }) expiresAt!: string;
}

export type AuthenticatedUserInStep = InStep<SameShape<AuthenticatedUser, AuthenticatedUserDto>>;
export type UserViewInStep = InStep<SameShape<UserView, UserViewDto>>;
