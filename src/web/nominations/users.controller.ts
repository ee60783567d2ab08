import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthErrors } from '../../auth/auth.errors';
import { Permission } from '../../common/http/permission.decorator';
import { CreateUserDto, UpdateUserDto } from '../../auth/dto/auth.dto';
import { UsersService, type UserView } from '../../auth/users.service';
import { BlocsService } from '../../registry/blocs/blocs.service';
import { AppError } from '../../common/errors/app-error';
import { IdPipe } from '../../common/http/id-param.pipe';
import { ROLE_LABELS, ROLES } from '../../domain/auth/permissions';
import { UnitsService } from '../../registry/units/units.service';
import { emptyForm, field, submitted, validateForm, type FormState } from '../core/forms';
import { WebPageService, type WebRequest } from '../core/web-page.service';
import { idList } from '../core/access';

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

/** Ids from a checkbox group ("1,3" once submitted); anything that is not a number is kept for the DTO to refuse. */
/**
 * The service's account errors that belong to one field next to that field; a password of the
 * wrong length gets the password rule's own message (not the generic "độ dài không hợp lệ").
 */
function placeUserError(e: unknown, role: string | undefined): unknown {
  if (!(e instanceof AppError)) return e;
  if (e.details.length > 0) {
    if (!e.details.some((d) => d.field === 'password')) return e;
    return new AppError(e, {
      details: e.details.map((d) =>
        d.field === 'password' ? { ...d, message: AuthErrors.WEAK_PASSWORD.message } : d,
      ),
      extra: { ...e.extra },
    });
  }
  const fieldOf: Record<string, string> = {
    PASSWORD_TOO_WEAK: 'password',
    USERNAME_TAKEN: 'username',
    USER_SCOPE_INVALID:
      role === 'BLOC_SECRETARY' ? 'blocIds' : role === 'UNIT_REP' ? 'unitId' : 'role',
  };
  const f = fieldOf[e.code];
  if (!f) return e;
  return new AppError(e, {
    details: [{ field: f, code: e.code, message: e.message }],
    extra: { ...e.extra },
  });
}

/** The shape both account forms send: scope fields only for the roles that have one. */
function scopeOf(values: Record<string, string>) {
  return {
    ...(values.role === 'BLOC_SECRETARY' ? { blocIds: idList(values.blocIds) } : {}),
    ...(values.role === 'UNIT_REP' && values.unitId ? { unitId: field.int(values.unitId) } : {}),
  };
}

/** Accounts (office administrator): list, create with role and scope, edit role, state and scope. */
@ApiExcludeController()
@Controller('web')
export class WebUsersController {
  constructor(
    private readonly pages: WebPageService,
    private readonly users: UsersService,
    private readonly blocs: BlocsService,
    private readonly units: UnitsService,
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
    try {
      const dto = await validateForm(CreateUserDto, {
        username: field.text(values.username),
        displayName: field.text(values.displayName),
        role: field.text(values.role),
        password: values.password ?? '',
        ...scopeOf(values),
      });
      await this.users.create(dto);
      this.pages.redirect(res, '/web/users', 'created');
    } catch (e) {
      // The password is never sent back into the page.
      const kept = { ...values };
      delete kept.password;
      await this.pages.sendFormError(req, res, placeUserError(e, values.role), kept, (form, s) =>
        this.renderList(req, res, form, s),
      );
    }
  }

  @Get('users/:uid')
  @Permission('users.manage')
  async editPage(@Req() req: WebRequest, @Res() res: Response, @Param('uid', IdPipe) uid: number) {
    await this.renderEdit(req, res, uid, emptyForm(), 200);
  }

  @Post('users/:uid')
  @Permission('users.manage')
  async edit(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('uid', IdPipe) uid: number,
    @Body() body: unknown,
  ) {
    const values = submitted(body);
    try {
      const dto = await validateForm(UpdateUserDto, {
        version: field.int(values.version),
        displayName: field.text(values.displayName),
        role: field.text(values.role),
        active: field.bool(values.active),
        ...(values.password ? { password: values.password } : {}),
        ...(values.role === 'BLOC_SECRETARY'
          ? { blocIds: idList(values.blocIds) }
          : { blocIds: [] }),
        ...(values.role === 'UNIT_REP'
          ? { unitId: field.int(values.unitId) ?? null }
          : { unitId: null }),
      });
      await this.users.update(uid, dto);
      this.pages.redirect(res, `/web/users/${uid}`, 'saved');
    } catch (e) {
      const kept: Record<string, string> = { ...values, active: values.active ? 'on' : '' };
      delete kept.password;
      await this.pages.sendFormError(req, res, placeUserError(e, values.role), kept, (form, s) =>
        this.renderEdit(req, res, uid, form, s),
      );
    }
  }

  // ——— internals ———

  private async options(form: FormState, user: UserView | null) {
    const blocs = (await this.blocs.list({ page: 1, pageSize: 500 })).items;
    const units = (await this.units.list({ page: 1, pageSize: 500 })).items;
    const chosen =
      'blocIds' in form.values || form.message
        ? (form.values.blocIds ?? '').split(',').filter(Boolean)
        : (user?.blocIds ?? []).map(String);
    return {
      roleOptions: ROLE_OPTIONS,
      blocChecks: blocs.map((b) => ({
        value: b.id,
        label: b.name,
        checked: chosen.includes(String(b.id)),
      })),
      unitOptions: units.map((u) => ({ value: u.id, label: u.fullName })),
      blocName: new Map(blocs.map((b) => [b.id, b.name])),
      unitName: new Map(units.map((u) => [u.id, u.fullName])),
    };
  }

  private async renderList(req: WebRequest, res: Response, form: FormState, status: number) {
    const o = await this.options(form, null);
    const users = (await this.users.list()).map((u) => ({
      ...u,
      scope:
        u.role === 'BLOC_SECRETARY'
          ? u.blocIds.map((id) => o.blocName.get(id) ?? `#${id}`).join('; ')
          : u.role === 'UNIT_REP' && u.unitId !== null
            ? (o.unitName.get(u.unitId) ?? `#${u.unitId}`)
            : 'Toàn tỉnh',
    }));
    this.pages.send(
      req,
      res,
      'nominations/users',
      'Tài khoản',
      {
        users,
        form,
        roleOptions: o.roleOptions,
        blocChecks: o.blocChecks,
        unitOptions: o.unitOptions,
      },
      { status },
    );
  }

  private async renderEdit(
    req: WebRequest,
    res: Response,
    uid: number,
    form: FormState,
    status: number,
  ) {
    const user = (await this.users.list()).find((u) => u.id === uid);
    if (!user) throw new AppError(AuthErrors.USER_NOT_FOUND);
    const o = await this.options(form, user);
    const active = 'active' in form.values ? form.values.active === 'on' : user.active;
    this.pages.send(
      req,
      res,
      'nominations/user-edit',
      `Tài khoản ${user.username}`,
      {
        user,
        form,
        active,
        roleOptions: o.roleOptions,
        blocChecks: o.blocChecks,
        unitOptions: o.unitOptions,
      },
      { status, breadcrumbs: [{ href: '/web/users', label: 'Tài khoản' }] },
    );
  }
}
