import { ApiDoc } from '../common/http/api-doc';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { clientAddress } from '../common/http/client-address';
import { IdPipe } from '../common/http/id-param.pipe';
import { AppConfig } from '../config/app-config';
import { sessionCookieName, setSessionCookie } from './auth.guard';
import { AuthService, type Authenticated } from './auth.service';
import {
  CreateOrganizationAdministratorDto,
  CreateUserDto,
  LoginDto,
  UpdateUserDto,
} from './dto/auth.dto';
import { LoginAnswerDto, MeDto, UserViewDto } from './dto/auth-view.dto';
import { Permission, Public } from '../common/http/permission.decorator';
import { UsersService } from './users.service';

@ApiTags('Đăng nhập, tài khoản (auth)')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly config: AppConfig,
  ) {}

  @ApiDoc('Đăng nhập (phiên cookie hoặc mã phiên dùng làm Bearer)')
  @Post('auth/login')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({
    type: LoginAnswerDto,
    description: 'Đăng nhập: cookie phiên (kèm mã CSRF) hoặc token Bearer',
  })
  async login(
    @Body() dto: LoginDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginAnswerDto> {
    const mode = dto.mode === 'token' ? 'BEARER' : 'COOKIE';
    const r = await this.auth.login(dto.username, dto.password, mode, clientAddress(req));
    if (mode === 'COOKIE') {
      setSessionCookie(res, this.config, r.token);
      return { user: r.user, csrfToken: r.csrfToken, expiresAt: r.expiresAt };
    }
    return { user: r.user, token: r.token, tokenType: 'Bearer', expiresAt: r.expiresAt };
  }

  @ApiDoc('Đăng xuất (hủy phiên hiện tại)')
  @Post('auth/logout')
  @Permission('auth.self')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Đã đăng xuất: phiên bị hủy, cookie phiên bị xóa' })
  async logout(
    @Req() req: Request & { auth?: Authenticated },
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.auth.logout(req.auth!.session);
    res.clearCookie(sessionCookieName(this.config.COOKIE_SECURE), { path: '/' });
  }

  @ApiDoc('Tài khoản đang đăng nhập')
  @Get('auth/me')
  @Permission('auth.self')
  @ApiOkResponse({ type: MeDto })
  me(@Req() req: Request & { auth?: Authenticated }): MeDto {
    const a = req.auth!;
    return {
      user: a.user,
      csrfToken: a.session.kind === 'COOKIE' ? a.session.csrfToken : null,
      expiresAt: a.session.expiresAt,
    };
  }

  @ApiDoc('Danh sách tài khoản')
  @Get('users')
  @Permission('users.manage')
  @ApiOkResponse({ type: UserViewDto, isArray: true })
  list() {
    return this.users.list();
  }

  @ApiDoc('Tạo tài khoản')
  @Post('users')
  @Permission('users.manage')
  @ApiCreatedResponse({ type: UserViewDto })
  create(@Body() dto: CreateUserDto) {
    return this.users.create(dto);
  }

  @ApiDoc('Sửa tài khoản')
  @Patch('users/:uid')
  @Permission('users.manage', { account: 'uid' })
  @ApiOkResponse({ type: UserViewDto })
  update(@Param('uid', IdPipe) uid: number, @Body() dto: UpdateUserDto) {
    return this.users.update(uid, dto);
  }

  @ApiDoc(
    'Tạo quản trị viên đầu tiên của một tổ chức (quản trị hệ thống): tài khoản quản trị thuộc tổ chức đó',
  )
  @Post('organizing-bodies/:id/administrators')
  @Permission('organizations.administer', { organization: 'id' })
  @ApiCreatedResponse({ type: UserViewDto })
  createAdministrator(
    @Param('id', IdPipe) id: number,
    @Body() dto: CreateOrganizationAdministratorDto,
  ) {
    return this.users.create({ ...dto, role: 'OFFICE_ADMIN', organizationId: id });
  }
}
