import { idList } from '../core/access';
import { field } from '../core/forms';

/** The new unit form's fields as `CreateUnitDto`'s plain object. */
export function createUnitPlain(v: Record<string, string>): Record<string, unknown> {
  return {
    code: field.text(v.code),
    shortName: field.text(v.shortName),
    type: field.text(v.type),
    fullName: field.text(v.fullName),
    collectiveName: field.text(v.collectiveName),
    provinceId: field.int(v.provinceId),
    validFrom: field.date(v.validFrom),
    ...(field.text(v.validTo) ? { validTo: field.date(v.validTo) } : {}),
  };
}

/** The unit edit form's fields as `UpdateUnitDto`'s plain object (an emptied end date clears it). */
export function updateUnitPlain(v: Record<string, string>): Record<string, unknown> {
  return {
    version: field.int(v.version),
    shortName: field.text(v.shortName) ?? '',
    type: field.text(v.type),
    fullName: field.text(v.fullName) ?? '',
    collectiveName: field.text(v.collectiveName) ?? '',
    validFrom: field.date(v.validFrom) ?? '',
    validTo: field.date(v.validTo) ?? null,
  };
}

/** The term form's fields as the API's body: member ids from the ticked boxes, officers, names. */
export function termBody(v: Record<string, string>): Record<string, unknown> {
  return {
    memberUnitIds: idList(v.memberUnitIds),
    headUnitId: field.int(v.headUnitId) ?? null,
    deputyUnitId: field.int(v.deputyUnitId) ?? null,
    secretaryName: field.text(v.secretaryName) ?? null,
    note: field.text(v.note) ?? null,
  };
}
