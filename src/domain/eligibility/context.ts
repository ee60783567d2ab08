import type { Fraction } from '../common/fraction';

/**
 * The plain data a nomination (đề nghị khen thưởng) is checked against. The service loads it
 * through repositories; the rules only read it. Dates are ISO `YYYY-MM-DD` strings.
 */
export interface EligibilityContext {
  readonly nomination: NominationFacts;
  readonly unit: UnitFacts;
  readonly blocTerm: BlocTermFacts;
  readonly ranking: RankingFacts;
  /** Every other nomination of the same bloc term, whatever its status (inactive ones are skipped by the rules). */
  readonly otherNominations: readonly PeerNomination[];
  readonly province: ProvinceFacts;
  /** Awards already decided for this unit (any bloc, any route) and for the units it continues. */
  readonly awardHistory: readonly AwardRecord[];
  /** Display names of other units for messages; a missing one shows as "đơn vị #id". */
  readonly unitNames?: ReadonlyMap<number, string>;
  /** Display names of tiers ("Cờ thi đua của Chính phủ"); a missing one shows as its code. */
  readonly tierNames?: ReadonlyMap<string, string>;
  /** The unit's yearly classification (xếp loại thi đua) and the term's scale; absent = none recorded. */
  readonly classification?: ClassificationFacts;
}

/** The unit's classification for the year and the labels of the term's scale, best first. */
export interface ClassificationFacts {
  /** Null when no classification is recorded for the unit. */
  readonly level: { readonly rank: number; readonly label: string } | null;
  /** The term's levels, rank 1 first; empty when the bloc has configured none. */
  readonly scaleLabels: readonly string[];
}

export interface NominationFacts {
  /** Null for a nomination not saved yet. Used to skip the nomination itself in peer lists and history. */
  readonly id: number | null;
  readonly unitId: number;
  readonly tierCode: string;
  readonly blocTermId: number;
  /** The bloc year whose results are commended (the 2023 results are reviewed in 2024). */
  readonly year: number;
  /** Decision date when known, else the review (reference) date: the unit must still exist on it (R13). */
  readonly referenceDate: string;
  /**
   * The ground claimed for proposing a non-leader to a leader-only tier, e.g. Law 06/2022 art. 25.3
   * (leading a movement launched by the Prime Minister for ≥ 5 years); null when none is claimed.
   */
  readonly leaderExceptionBasis: string | null;
}

export interface UnitFacts {
  readonly id: number;
  /** As written in documents, e.g. "huyện Cẩm Giàng". */
  readonly name: string;
  readonly validFrom: string;
  /** Last day of existence, inclusive; null while the unit exists. */
  readonly validTo: string | null;
}

export interface BlocTermFacts {
  readonly id: number;
  readonly year: number;
  readonly memberUnitIds: readonly number[];
}

export interface RankingFacts {
  /** True once the agreed scores are final and the ranking is locked (R12). */
  readonly complete: boolean;
  /** The bloc leader (rank 1 or "suy tôn dẫn đầu"); null while not determined. */
  readonly leaderUnitId: number | null;
  /** Units from rank 1 down. */
  readonly orderedUnitIds: readonly number[];
}

export interface PeerNomination {
  readonly id: number;
  readonly unitId: number;
  readonly tierCode: string;
  readonly status: string;
}

export interface ProvinceFacts {
  /** Collectives leading a cụm/khối in the province that year (the base of the province cap, R4). */
  readonly blocLeaderCount: number;
  /** Active nominations of the nominated tier already proposed province-wide, this one excluded. */
  readonly sameTierNominationCount: number;
}

export interface AwardRecord {
  readonly year: number;
  readonly tierCode: string;
  /** The nomination the award came from, if any; an award of this very nomination is not a conflict. */
  readonly nominationId?: number | null;
  /**
   * Set when the award went to a unit this one continues (R13 lineage: merged, split or renamed
   * units keep their history); the rules that look back in time count it, the same-year rule not.
   */
  readonly viaPredecessorId?: number | null;
}

/** The tier's rule resolved for the year (R1): data rows, with their legal basis kept by the registry. */
export interface TierRuleFacts {
  /** Maximum nominations of this tier per bloc term; null = no quota (R5). */
  readonly perBlocQuota: number | null;
  /** Only the bloc leader may be nominated (R3, R6). */
  readonly leaderOnly: boolean;
  /** Province-wide cap as a share of the bloc leaders, rounded down; null = no cap (R4). */
  readonly provinceCap: Fraction | null;
  /** Old-regime prerequisite (ND 42/2010): a given tier received within the last N years (R7). */
  readonly requiresPriorTier: PriorTierRequirement | null;
  /** Whether a leader-only tier accepts a non-leader with a stated legal ground (Law 06/2022 art. 25.3). */
  readonly allowLeaderException: boolean;
  /** The unit's yearly classification must be at this rank or better (1 = the best level); null/absent = no requirement. */
  readonly requiredClassificationRank?: number | null;
}

export interface PriorTierRequirement {
  readonly tierCode: string;
  /** The award must fall in the years [year − withinYears, year − 1]. */
  readonly withinYears: number;
}

/** Statuses of a nomination that no longer competes for a quota or a tier (withdrawn, rejected, cut by the council). */
export const INACTIVE_NOMINATION_STATUSES: readonly string[] = ['WITHDRAWN', 'REJECTED', 'CUT'];

/** The other nominations of the bloc term that still count: active, and not this nomination itself. */
export function activePeers(context: EligibilityContext): PeerNomination[] {
  return context.otherNominations.filter(
    (n) => !INACTIVE_NOMINATION_STATUSES.includes(n.status) && n.id !== context.nomination.id,
  );
}
