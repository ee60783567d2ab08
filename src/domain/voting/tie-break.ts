import { err, ok, type Finding, type Result } from '../common/result';

import { TIE_BREAK_LABELS } from '../registry/tiers';

import { compareIds, formatScore } from './format';
import type { NomineeId, TieBreak } from './voting-rule';
import { joinVi } from '../common/text';

/** R9: the chair's recorded choice among tied nominees (CHAIR_DECIDES). */
export interface ChairDecision {
  readonly chosenNomineeIds: readonly NomineeId[];
}

/** R9: RESOLVED by the protocol; PENDING a revote or the chair; UNRESOLVED (HIGHER_SCORE with equal or missing scores). */
export type TieResolution = 'RESOLVED' | 'PENDING' | 'UNRESOLVED';

/** R9: a tie at the last seat(s) among nominees that passed, and what the protocol made of it. */
export interface TieReport {
  readonly protocol: TieBreak;
  /** Every passed nominee sharing the boundary agree count, sorted by id. */
  readonly tiedNomineeIds: readonly NomineeId[];
  readonly agree: number;
  /** Seats left for the tied group (fewer than its size). */
  readonly seatsAtStake: number;
  readonly resolution: TieResolution;
  /** Tied nominees the protocol gave a seat to. */
  readonly chosenNomineeIds: readonly NomineeId[];
  /** Tied nominees still waiting (PENDING: all of them; UNRESOLVED: those still equal). */
  readonly remainingNomineeIds: readonly NomineeId[];
  readonly remainingSeats: number;
  /** Vietnamese sentence for the biên bản, e.g. "Hòa phiếu: …". */
  readonly sentence: string;
}

/**
 * R9 (brief §6.1; no official rule found, [NF] → [I]): settles a tie at the last seat(s) by the
 * rule's protocol and words it for the biên bản (product lessons (c)4, (d)5). `tied` holds every
 * passed nominee sharing the boundary agree count (any order); `seatsAtStake` is fewer than their number.
 */
export function settleTie(
  protocol: TieBreak,
  tiedIds: readonly NomineeId[],
  seatsAtStake: number,
  agree: number,
  scores: ReadonlyMap<NomineeId, number | null>,
  chairDecision: ChairDecision | null | undefined,
  name: (id: NomineeId) => string,
): Result<TieReport, Finding[]> {
  const tied = [...tiedIds].sort(compareIds);
  const names = (ids: readonly NomineeId[]): string => joinVi(ids.map(name));
  const opening = `Hòa phiếu: ${names(tied)} cùng có ${agree} phiếu tán thành trong khi chỉ còn ${seatsAtStake} suất. Xử lý theo nguyên tắc: ${TIE_BREAK_LABELS[protocol]}.`;
  const report = (
    resolution: TieResolution,
    chosen: NomineeId[],
    remaining: NomineeId[],
    remainingSeats: number,
    handling: string,
  ): Result<TieReport, Finding[]> =>
    ok({
      protocol,
      tiedNomineeIds: tied,
      agree,
      seatsAtStake,
      resolution,
      chosenNomineeIds: chosen,
      remainingNomineeIds: remaining,
      remainingSeats,
      sentence: `${opening} ${handling}`,
    });

  switch (protocol) {
    case 'REVOTE':
      return report(
        'PENDING',
        [],
        tied,
        seatsAtStake,
        `Hội nghị bỏ phiếu lại giữa ${names(tied)} để chọn ${seatsAtStake} đơn vị.`,
      );
    case 'CHAIR_DECIDES': {
      if (!chairDecision)
        return report('PENDING', [], tied, seatsAtStake, 'Chờ chủ trì hội nghị quyết định.');
      const chosen = [...new Set(chairDecision.chosenNomineeIds)].sort(compareIds);
      if (
        chosen.length !== chairDecision.chosenNomineeIds.length ||
        chosen.length !== seatsAtStake ||
        !chosen.every((id) => tied.includes(id))
      ) {
        return err([
          {
            code: 'TALLY_CHAIR_DECISION_INVALID',
            severity: 'error',
            message: `Chủ trì phải chọn đúng ${seatsAtStake} đơn vị khác nhau trong số các đơn vị bằng phiếu (${names(tied)}).`,
            field: 'chairDecision',
          },
        ]);
      }
      return report(
        'RESOLVED',
        chosen,
        [],
        0,
        `Chủ trì hội nghị quyết định lựa chọn ${names(chosen)}.`,
      );
    }
    case 'HIGHER_SCORE': {
      const ranked = tied
        .map((id) => ({ id, score: scores.get(id) }))
        .filter((r): r is { id: NomineeId; score: number } => typeof r.score === 'number')
        .sort((a, b) => b.score - a.score || compareIds(a.id, b.id));
      if (ranked.length < tied.length) {
        const unscored = tied.filter((id) => !ranked.some((r) => r.id === id));
        return report(
          'UNRESOLVED',
          [],
          tied,
          seatsAtStake,
          `Chưa có tổng điểm thi đua của ${names(unscored)}; chưa phân định được.`,
        );
      }
      const basis = `Căn cứ tổng điểm thi đua đã thống nhất (${ranked.map((r) => `${name(r.id)}: ${formatScore(r.score)} điểm`).join('; ')})`;
      // The score of the last seat; nominees sharing it beyond the seats stay tied.
      const cut = Math.min(...ranked.slice(0, seatsAtStake).map((r) => r.score));
      const higher = ranked.filter((r) => r.score > cut).map((r) => r.id);
      const equal = ranked.filter((r) => r.score === cut).map((r) => r.id);
      if (higher.length + equal.length <= seatsAtStake) {
        const chosen = ranked.slice(0, seatsAtStake).map((r) => r.id);
        return report('RESOLVED', chosen, [], 0, `${basis}, lựa chọn ${names(chosen)}.`);
      }
      const left = seatsAtStake - higher.length;
      const chosenPart = higher.length > 0 ? `, lựa chọn ${names(higher)}` : '';
      return report(
        'UNRESOLVED',
        higher,
        equal.sort(compareIds),
        left,
        `${basis}${chosenPart}; ${names(equal)} bằng điểm nhau (${formatScore(cut)} điểm), chưa phân định được ${left} suất còn lại.`,
      );
    }
  }
}
