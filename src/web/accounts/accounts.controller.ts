import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CreateUserDto, UpdateUserDto } from '../../auth/dto/auth.dto';
import { UsersService } from '../../auth/users.service';
import { IdPipe } from '../../common/http/id-param.pipe';
import { Permission } from '../../common/http/permission.decorator';
import { emptyForm, submitted, validateForm, type FormState } from '../core/forms';
import { WebPageService, type WebRequest } from '../core/web-page.service';
import { createUserPlain, placeUserError, updateUserPlain, withoutPassword } from './account-forms';
import { AccountsPagesService } from './accounts-pages.service';

const ACCOUNTS = { href: '/web/users', label: 'Tài khoản' };

/** Accounts (office administrator): list, create with role and scope, edit role, state and scope. */
@ApiExcludeController()
@Controller('web')
export class WebAccountsController {
  constructor(
    private readonly pages: WebPageService,
    private readonly models: AccountsPagesService,
    private readonly users: UsersService,
  ) {}

  @Get('users')
  @Permission('users.manage')
  async list(@Req() req: WebRequest, @Res() res: Response) {
    await this.renderList(req, res, emptyForm(), 200);
  }

  @Post('users')
  @Permission('users.manage')
  async create(@Req() req: WebRequest, @Res() res: Response, @Body() body: unknown) {
    const values = submitted(body);
    await this.pages.act(req, res, {
      values,
      keep: withoutPassword(values),
      run: async () =>
        this.users.create(await validateForm(CreateUserDto, createUserPlain(values))),
      then: () => ({ to: '/web/users', notice: 'created' }),
      place: (e) => placeUserError(e, values.role),
      again: (form, status) => this.renderList(req, res, form, status),
    });
  }

  @Get('users/:uid')
  @Permission('users.manage', { account: 'uid' })
  async editPage(@Req() req: WebRequest, @Res() res: Response, @Param('uid', IdPipe) uid: number) {
    await this.renderEdit(req, res, uid, emptyForm(), 200);
  }

  @Post('users/:uid')
  @Permission('users.manage', { account: 'uid' })
  async edit(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('uid', IdPipe) uid: number,
    @Body() body: unknown,
  ) {
    const values = submitted(body);
    await this.pages.act(req, res, {
      values,
      keep: withoutPassword({ ...values, active: values.active ? 'on' : '' }),
      run: async () =>
        this.users.update(uid, await validateForm(UpdateUserDto, updateUserPlain(values))),
      then: () => ({ to: `/web/users/${uid}`, notice: 'saved' }),
      place: (e) => placeUserError(e, values.role),
      again: (form, status) => this.renderEdit(req, res, uid, form, status),
    });
  }

  private async renderList(req: WebRequest, res: Response, form: FormState, status: number) {
    const model = await this.models.list(form);
    this.pages.send(req, res, 'accounts/list', 'Tài khoản', model, { status });
  }

  private async renderEdit(
    req: WebRequest,
    res: Response,
    uid: number,
    form: FormState,
    status: number,
  ) {
    const model = await this.models.edit(uid, form);
    this.pages.send(req, res, 'accounts/edit', `Tài khoản ${model.user.username}`, model, {
      status,
      breadcrumbs: [ACCOUNTS],
    });
  }
}
