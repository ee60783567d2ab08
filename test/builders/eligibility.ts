/**
 * Builders for the eligibility specs (src/domain/eligibility/*.spec.ts). Defaults: the Hải Dương district bloc of 2023, GOV_FLAG for its leader.
 */
import type {
  AwardRecord,
  BlocTermFacts,
  ClassificationFacts,
  EligibilityContext,
  NominationFacts,
  PeerNomination,
  ProvinceFacts,
  RankingFacts,
  TierRuleFacts,
  UnitFacts,
} from '../../src/domain/eligibility/context';

/** The 12 units in the brief's synthetic 2023 ranking order (§6.4); ids are test ids. */
export const HD_UNITS: readonly UnitFacts[] = [
  'thành phố Hải Dương',
  'huyện Cẩm Giàng',
  'huyện Gia Lộc',
  'huyện Kim Thành',
  'thành phố Chí Linh',
  'thị xã Kinh Môn',
  'huyện Nam Sách',
  'huyện Bình Giang',
  'huyện Tứ Kỳ',
  'huyện Thanh Hà',
  'huyện Ninh Giang',
  'huyện Thanh Miện',
].map((name, i) => ({ id: i + 1, name, validFrom: '2023-01-01', validTo: '2025-06-30' }));

export const HD = {
  TP_HAI_DUONG: 1,
  CAM_GIANG: 2,
  GIA_LOC: 3,
  KIM_THANH: 4,
  CHI_LINH: 5,
  BLOC_TERM_2023: 2023,
} as const;

export const TIER_NAMES: ReadonlyMap<string, string> = new Map([
  ['GOV_FLAG', 'Cờ thi đua của Chính phủ'],
  ['PROV_FLAG', 'Cờ thi đua của Ủy ban nhân dân tỉnh'],
  ['PROV_MERIT', 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh'],
]);

/** A Hải Dương unit by test id, or a unit outside the bloc for any other id. */
export function hdUnit(id: number): UnitFacts {
  return (
    HD_UNITS.find((u) => u.id === id) ?? {
      id,
      name: `xã Thử Nghiệm ${id}`,
      validFrom: '2023-01-01',
      validTo: null,
    }
  );
}

export interface ContextOverrides {
  nomination?: Partial<NominationFacts>;
  unit?: Partial<UnitFacts>;
  blocTerm?: Partial<BlocTermFacts>;
  ranking?: Partial<RankingFacts>;
  province?: Partial<ProvinceFacts>;
  otherNominations?: readonly PeerNomination[];
  awardHistory?: readonly AwardRecord[];
  unitNames?: ReadonlyMap<number, string>;
  tierNames?: ReadonlyMap<string, string>;
  classification?: ClassificationFacts;
}

/** A context that passes every rule for a GOV_FLAG tier unless overridden. */
export function buildContext(o: ContextOverrides = {}): EligibilityContext {
  const unit: UnitFacts = {
    ...hdUnit(o.nomination?.unitId ?? o.unit?.id ?? HD.TP_HAI_DUONG),
    ...o.unit,
  };
  const ids = HD_UNITS.map((u) => u.id);
  return {
    nomination: {
      id: 100,
      unitId: unit.id,
      tierCode: 'GOV_FLAG',
      blocTermId: HD.BLOC_TERM_2023,
      year: 2023,
      referenceDate: '2024-03-28',
      leaderExceptionBasis: null,
      ...o.nomination,
    },
    unit,
    blocTerm: { id: HD.BLOC_TERM_2023, year: 2023, memberUnitIds: ids, ...o.blocTerm },
    ranking: { complete: true, leaderUnitId: HD.TP_HAI_DUONG, orderedUnitIds: ids, ...o.ranking },
    otherNominations: o.otherNominations ?? [],
    province: { blocLeaderCount: 5, sameTierNominationCount: 0, ...o.province },
    awardHistory: o.awardHistory ?? [],
    unitNames: o.unitNames ?? new Map(HD_UNITS.map((u) => [u.id, u.name])),
    tierNames: o.tierNames ?? TIER_NAMES,
    ...(o.classification ? { classification: o.classification } : {}),
  };
}

export function buildTierRule(o: Partial<TierRuleFacts> = {}): TierRuleFacts {
  return {
    perBlocQuota: null,
    leaderOnly: false,
    provinceCap: null,
    requiresPriorTier: null,
    allowLeaderException: false,
    ...o,
  };
}

let nextPeerId = 1;
export function peer(unitId: number, tierCode: string, status = 'BLOC_APPROVED'): PeerNomination {
  return { id: nextPeerId++, unitId, tierCode, status };
}

/** Codes of the findings, for compact assertions. */
export function codes(findings: readonly { code: string }[]): string[] {
  return findings.map((f) => f.code);
}
