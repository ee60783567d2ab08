/** A tier as the suggestion needs it: its rank order, quota and leader-only flag for the year. */
export interface SuggestTier {
  readonly code: string;
  readonly rank: number;
  readonly perBlocQuota: number | null;
  readonly leaderOnly: boolean;
}

export interface Suggestion {
  readonly unitId: number;
  readonly tierCode: string;
  /** Vietnamese reason, e.g. "Xếp thứ 2; Cờ thi đua của UBND tỉnh: còn 1/1 suất". */
  readonly reason: string;
}

/**
 * Suggests nominations from a complete ranking: the tiers are filled from the highest down, each
 * with up to its per-bloc quota, taking units in ranking order; a unit gets at most one tier (R2)
 * and a leader-only tier only the leader (R3). Staff may change the suggestion.
 */
export function suggestNominations(
  orderedUnitIds: readonly number[],
  leaderUnitId: number | null,
  tiers: readonly SuggestTier[],
  existing: readonly { unitId: number; tierCode: string }[] = [],
): Suggestion[] {
  const taken = new Set(existing.map((e) => e.unitId));
  const out: Suggestion[] = [];
  for (const tier of [...tiers].sort((a, b) => a.rank - b.rank)) {
    const already = existing.filter((e) => e.tierCode === tier.code).length;
    let room = (tier.perBlocQuota ?? 0) - already;
    for (const [i, unitId] of orderedUnitIds.entries()) {
      if (room <= 0) break;
      if (taken.has(unitId)) continue;
      if (tier.leaderOnly && unitId !== leaderUnitId) continue;
      taken.add(unitId);
      out.push({
        unitId,
        tierCode: tier.code,
        reason: `Xếp thứ ${i + 1} trong khối${tier.leaderOnly ? ' (đơn vị dẫn đầu)' : ''}`,
      });
      room -= 1;
    }
  }
  return out;
}
