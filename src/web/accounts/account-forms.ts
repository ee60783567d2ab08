import { AuthErrors } from '../../auth/auth.errors';
import { AppError } from '../../common/errors/app-error';
import { idList } from '../core/access';
import { field } from '../core/forms';

/**
 * The service's account errors that belong to one field next to that field; a password of the
 * wrong length gets the password rule's own message (not the generic "độ dài không hợp lệ").
 */
export function placeUserError(e: unknown, role: string | undefined): unknown {
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

/** The new account form's fields as `CreateUserDto`'s plain object (scope only for its role). */
export function createUserPlain(values: Record<string, string>) {
  return {
    username: field.text(values.username),
    displayName: field.text(values.displayName),
    role: field.text(values.role),
    password: values.password ?? '',
    ...(values.role === 'BLOC_SECRETARY' ? { blocIds: idList(values.blocIds) } : {}),
    ...(values.role === 'UNIT_REP' && values.unitId ? { unitId: field.int(values.unitId) } : {}),
  };
}

/** The edit form's fields as `UpdateUserDto`'s plain object (a scope the role lacks is cleared). */
export function updateUserPlain(values: Record<string, string>) {
  return {
    version: field.int(values.version),
    displayName: field.text(values.displayName),
    role: field.text(values.role),
    active: field.bool(values.active),
    ...(values.password ? { password: values.password } : {}),
    ...(values.role === 'BLOC_SECRETARY' ? { blocIds: idList(values.blocIds) } : { blocIds: [] }),
    ...(values.role === 'UNIT_REP'
      ? { unitId: field.int(values.unitId) ?? null }
      : { unitId: null }),
  };
}

/** The values sent back after a refusal: never the password. */
export function withoutPassword(values: Record<string, string>): Record<string, string> {
  const kept = { ...values };
  delete kept.password;
  return kept;
}
