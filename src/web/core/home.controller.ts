import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { sessionCookieName, setSessionCookie } from '../../auth/auth.guard';
import { AuthService } from '../../auth/auth.service';
import { Permission, Public } from '../../common/http/permission.decorator';
import { AppError } from '../../common/errors/app-error';
import { clientAddress } from '../../common/http/client-address';
import { setRetryAfter } from '../../common/http/retry-after';
import { AppConfig } from '../../config/app-config';
import { LoginDto } from '../../auth/dto/auth.dto';
import {
  emptyForm,
  formFromError,
  statusOfError,
  submitted,
  validateForm,
  type FormState,
} from './forms';
import { DashboardService } from './dashboard.service';
import { WebPageService, type WebRequest } from './web-page.service';

/** Only our own pages may be the target after sign-in (no open redirect). */
function safeNext(v: unknown): string {
  return typeof v === 'string' && /^\/web(\/[\w\-/?=&.%]*)?$/.test(v) && !v.startsWith('//')
    ? v
    : '/web';
}

@ApiExcludeController()
@Controller('web')
export class WebHomeController {
  constructor(
    private readonly pages: WebPageService,
    private readonly auth: AuthService,
    private readonly config: AppConfig,
    private readonly dashboard: DashboardService,
  ) {}

  @Get('login')
  @Public()
  loginPage(@Req() req: WebRequest, @Res() res: Response, @Query('next') next: unknown): void {
    this.renderLogin(req, res, emptyForm(), safeNext(next), 200);
  }

  @Post('login')
  @Public()
  async login(@Req() req: WebRequest, @Res() res: Response, @Body() body: unknown) {
    const values = submitted(body);
    const next = safeNext(values.next);
    // The password is never sent back into the page.
    const kept = { username: values.username ?? '' };
    if (req.header('sec-fetch-site') === 'cross-site')
      return this.renderLogin(
        req,
        res,
        { ...emptyForm(kept), message: 'Yêu cầu đăng nhập từ trang khác bị từ chối.' },
        next,
        403,
      );
    try {
      const dto = await validateForm(LoginDto, {
        username: values.username ?? '',
        password: values.password ?? '',
      });
      const r = await this.auth.login(dto.username, dto.password, 'COOKIE', clientAddress(req));
      setSessionCookie(res, this.config, r.token);
      res.redirect(303, next);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      const status = statusOfError(e);
      setRetryAfter(res, status, e.extra);
      this.renderLogin(req, res, formFromError(e, kept), next, status);
    }
  }

  @Post('logout')
  @Permission('auth.self')
  async logout(@Req() req: WebRequest, @Res() res: Response): Promise<void> {
    await this.auth.logout(req.auth!.session);
    res.clearCookie(sessionCookieName(this.config.COOKIE_SECURE), { path: '/' });
    res.redirect(303, '/web/login?tb=loggedOut');
  }

  @Get()
  @Permission('auth.self')
  async home(@Req() req: WebRequest, @Res() res: Response, @Query('nam') year: unknown) {
    const model = await this.dashboard.build(req.auth!, year);
    this.pages.send(req, res, 'dashboard', `Tổng quan năm ${model.year}`, model);
  }

  private renderLogin(
    req: WebRequest,
    res: Response,
    form: FormState,
    next: string,
    status: number,
  ): void {
    this.pages.send(req, res, 'login', 'Đăng nhập', { form, next }, { status });
  }
}
