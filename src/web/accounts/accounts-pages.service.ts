import { Injectable } from '@nestjs/common';
import { AuthErrors } from '../../auth/auth.errors';
import { UsersService, type UserView } from '../../auth/users.service';
import { BlocsService } from '../../registry/blocs/blocs.service';
import { AppError } from '../../common/errors/app-error';
import { ROLE_LABELS, ROLES } from '../../domain/auth/permissions';
import { UnitsService } from '../../registry/units/units.service';
import type { FormState } from '../core/forms';

// The host's administrator is made only from the command line (issue 21): not offered here.
const ROLE_OPTIONS = ROLES.filter((r) => r !== 'HOST_ADMIN').map((r) => ({
  value: r,
  label: ROLE_LABELS[r],
}));

/** The accounts pages' models: the list with the new account form, one account's edit form. */
@Injectable()
export class AccountsPagesService {
  constructor(
    private readonly users: UsersService,
    private readonly blocs: BlocsService,
    private readonly units: UnitsService,
  ) {}

  async list(form: FormState) {
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
    return {
      users,
      form,
      roleOptions: o.roleOptions,
      blocChecks: o.blocChecks,
      unitOptions: o.unitOptions,
    };
  }

  async edit(uid: number, form: FormState) {
    const user = (await this.users.list()).find((u) => u.id === uid);
    if (!user) throw new AppError(AuthErrors.USER_NOT_FOUND);
    const o = await this.options(form, user);
    const active = 'active' in form.values ? form.values.active === 'on' : user.active;
    return {
      user,
      form,
      active,
      roleOptions: o.roleOptions,
      blocChecks: o.blocChecks,
      unitOptions: o.unitOptions,
    };
  }

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
}
