import { AppError, CommonErrors } from '../../common/errors/app-error';
import { FieldCodes } from '../../common/errors/field-errors';
import { field } from '../core/forms';

/** The codes ticked in a checkbox group, as submitted (`a,b`). */
const codes = (v: string | undefined): string[] =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** The new organization form's fields as `CreateOrganizingBodyDto`'s plain object. */
export function createOrganizationPlain(values: Record<string, string>) {
  return {
    code: field.text(values.code),
    name: field.text(values.name),
    headerLine: field.text(values.headerLine),
    place: field.text(values.place),
    locality: field.text(values.locality),
    addressee: field.text(values.addressee),
    office: field.text(values.office),
    authorityCodes: codes(values.authorityCodes),
    correctionNeedsApproval: field.bool(values.correctionNeedsApproval),
  };
}

/** The first administrator form's fields as `CreateOrganizationAdministratorDto`'s plain object. */
export function administratorPlain(values: Record<string, string>) {
  return {
    username: field.text(values.username),
    displayName: field.text(values.displayName),
    password: values.password ?? '',
  };
}

/**
 * The organization chosen in the first administrator form; refused next to its field when none is
 * chosen or the value is not an organization's id (before any read: an id out of range never
 * reaches the database).
 */
export function chosenOrganization(values: Record<string, string>): number {
  const id = field.int(values.organizationId);
  if (typeof id === 'number' && Number.isInteger(id) && id >= 1 && id <= 2_147_483_647) return id;
  throw new AppError(CommonErrors.VALIDATION_FAILED, {
    details: [
      { field: 'organizationId', code: FieldCodes.REQUIRED, message: 'Vui lòng chọn tổ chức.' },
    ],
  });
}
