import { UNIT_TYPE_LABELS } from '../../domain/registry/unit-types';
import type { LineageLinkDto, UnitDto } from './dto/unit.dto';
import type { UnitLineageEntity } from './unit-lineage.entity';
import type { UnitEntity } from './unit.entity';

export function toUnitDto(u: UnitEntity): UnitDto {
  return {
    id: u.id,
    code: u.code,
    shortName: u.shortName,
    type: u.type,
    typeLabel: UNIT_TYPE_LABELS[u.type],
    fullName: u.fullName,
    collectiveName: u.collectiveName,
    provinceId: u.provinceId,
    validFrom: u.validFrom,
    validTo: u.validTo,
    version: u.version,
  };
}

export function toLineageDto(l: UnitLineageEntity): LineageLinkDto {
  return {
    id: l.id,
    predecessorId: l.predecessorId,
    successorId: l.successorId,
    kind: l.kind,
    effectiveDate: l.effectiveDate,
    note: l.note,
  };
}
