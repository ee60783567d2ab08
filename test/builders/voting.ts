/**
 * Builders for the voting specs (src/domain/voting/*.spec.ts). Defaults: the Hải Dương district bloc of 2023 (brief §6.4), 12 members, all present.
 */
import type { BallotCounts, NomineeCount } from '../../src/domain/voting/counts';
import type { NomineeFacts, TallyInput } from '../../src/domain/voting/tally';
import type { NomineeId, Participation, VotingRule } from '../../src/domain/voting/voting-rule';

/** ⚠ Synthetic rule of brief §6.4 for flags: secret ballot, ≥ 70 % of all members, quorum ≥ 2/3. */
export const HD_FLAG_RULE: VotingRule = {
  threshold: { numerator: 70, denominator: 100 },
  thresholdComparator: 'GTE',
  denominator: 'ALL_MEMBERS',
  quorum: { numerator: 2, denominator: 3 },
  quorumComparator: 'GTE',
  allowWrittenAbsentee: false,
  selfVote: 'ALLOWED',
  tieBreak: 'REVOTE',
  secretBallot: true,
};

/** ⚠ Synthetic rule of brief §6.4 for Bằng khen: > 50 % of all members. */
export const HD_MERIT_RULE: VotingRule = {
  ...HD_FLAG_RULE,
  threshold: { numerator: 1, denominator: 2 },
  thresholdComparator: 'GT',
};

/** Unit codes and names of the Hải Dương scoring fixture, rank order. */
export const HD_NAMES: ReadonlyMap<NomineeId, string> = new Map([
  ['HD', 'thành phố Hải Dương'],
  ['CG', 'huyện Cẩm Giàng'],
  ['GL', 'huyện Gia Lộc'],
  ['KT', 'huyện Kim Thành'],
  ['CL', 'thành phố Chí Linh'],
  ['KM', 'thị xã Kinh Môn'],
  ['NS', 'huyện Nam Sách'],
  ['BG', 'huyện Bình Giang'],
  ['TK', 'huyện Tứ Kỳ'],
  ['TH', 'huyện Thanh Hà'],
  ['NG', 'huyện Ninh Giang'],
  ['TM', 'huyện Thanh Miện'],
]);

/** A nominee line; `noOpinion` defaults to 0. */
export function line(
  nomineeId: NomineeId,
  agree: number,
  disagree: number,
  noOpinion = 0,
): NomineeCount {
  return { nomineeId, agree, disagree, noOpinion };
}

/** 12 entitled, 12 issued, 12 returned, 12 valid, 0 invalid, 1 seat, no nominees unless given. */
export function buildCounts(overrides: Partial<BallotCounts>): BallotCounts {
  return {
    membersEntitled: 12,
    ballotsIssued: 12,
    ballotsReturned: 12,
    valid: 12,
    invalid: 0,
    seats: 1,
    nominees: [],
    ...overrides,
  };
}

/** Facts for each nominee line of `counts`: present, unscored unless `scores` says otherwise. */
export function factsFor(
  counts: BallotCounts,
  scores: Readonly<Record<NomineeId, number>> = {},
  participation: Readonly<Record<NomineeId, Participation>> = {},
): NomineeFacts[] {
  return counts.nominees.map((l) => ({
    nomineeId: l.nomineeId,
    participation: participation[l.nomineeId] ?? 'PRESENT',
    score: scores[l.nomineeId] ?? null,
  }));
}

/** A tally input on the flag rule with 12 present; facts derived from the counts. */
export function buildInput(counts: BallotCounts, overrides: Partial<TallyInput> = {}): TallyInput {
  return {
    rule: HD_FLAG_RULE,
    counts,
    present: 12,
    nominees: factsFor(counts),
    names: HD_NAMES,
    ...overrides,
  };
}
