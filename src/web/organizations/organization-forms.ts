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

/**
 * The first administrator form's fields: the chosen organization, and the rest as
 * `CreateOrganizationAdministratorDto`'s plain object.
 */
export function administratorPlain(values: Record<string, string>) {
  return {
    organizationId: field.int(values.organizationId),
    username: field.text(values.username),
    displayName: field.text(values.displayName),
    password: values.password ?? '',
  };
}
