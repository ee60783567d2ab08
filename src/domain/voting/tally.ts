import { minimumCount, reaches } from '../common/fraction';

import { err, ok, type Finding, type Result } from '../common/result';

import { TIE_BREAK_LABELS, VOTE_DENOMINATOR_LABELS } from '../registry/tiers';

import { checkCounts, type BallotCounts, type NomineeCount } from './counts';

import {
  compareIds,
  formatPercentTenths,
  formatShare,
  formatThreshold,
  missSymbol,
  nomineeName,
  percentTenths,
} from './format';
import { checkQuorum, type QuorumCheck } from './quorum';

import { settleTie, type ChairDecision, type TieReport } from './tie-break';

import {
  checkVotingRule,
  type NomineeId,
  type NomineeNames,
  type Participation,
  type TieBreak,
  type VoteDenominator,
  type VotingRule,
} from './voting-rule';
import { capitalize, joinVi } from '../common/text';

/** R9/R10: what the tally needs to know about each nominee besides its counts. */
export interface NomineeFacts {
  readonly nomineeId: NomineeId;
  /** R10: decides whether its own ballot leaves its denominator (selfVote EXCLUDED). */
  readonly participation: Participation;
  /** Agreed criteria total in centipoints (scoring module), null when not scored; used by HIGHER_SCORE. */
  readonly score: number | null;
}

/** R8–R10: one ballot item of the meeting, with its rule, entered counts and attendance. */
export interface TallyInput {
  readonly rule: VotingRule;
  readonly counts: BallotCounts;
  /** Members present (attendance roll); also the quorum base. */
  readonly present: number;
  /** One entry per nominee of `counts` (any order). */
  readonly nominees: readonly NomineeFacts[];
  /** Only with tieBreak CHAIR_DECIDES and a tie at the last seat; anything else is refused. */
  readonly chairDecision?: ChairDecision | null;
  readonly names?: NomineeNames;
}

/** R8/R9 per nominee. ELECTED: takes a seat; TIED: in a tie still to settle; NOT_ELECTED: passed, no seat; NOT_PASSED. */
export type LineOutcome = 'ELECTED' | 'TIED' | 'NOT_ELECTED' | 'NOT_PASSED';

/** R8 (brief §4.4 item 3, product lessons (d)1): one nominee's result with the arithmetic shown. */
export interface TallyLine {
  readonly nomineeId: NomineeId;
  /** Agree votes counted: room ballots plus written absentee ballots when the rule allows them. */
  readonly agree: number;
  readonly agreeWritten: number;
  readonly denominatorBasis: VoteDenominator;
  /** The value the share is taken of (see `tallyBallot` for the exact definition). */
  readonly denominator: number;
  /** R10: the denominator is one less than under ALLOWED because the nominee's own ballot is left out. */
  readonly ownBallotExcluded: boolean;
  /** Least agree count that passes (1 when the denominator is 0: nothing can pass). */
  readonly required: number;
  /** For display only, rounded half up to 0,1 %; null when the denominator is 0. */
  readonly percentage: number | null;
  readonly percentageText: string;
  readonly thresholdText: string;
  /** Decided on integers: agree × d (≥ or >) n × denominator. */
  readonly reachesThreshold: boolean;
  /** Reaches the threshold and the meeting had its quorum. */
  readonly passed: boolean;
  readonly outcome: LineOutcome;
  /** "11/12 = 91,7 % ≥ 70 % — đạt". */
  readonly explanation: string;
}

/** R8/R9: the state of one ballot item after the tally. */
export type TallyStatus = 'DECIDED' | 'TIE_PENDING' | 'TIE_UNRESOLVED' | 'NO_QUORUM';

/** R8–R10: the result of one ballot item, with the Vietnamese text for the biên bản (brief §4.4). */
export interface Tally {
  /** DECIDED; TIE_PENDING (revote or chair decision awaited); TIE_UNRESOLVED (scores equal or missing); NO_QUORUM. */
  readonly status: TallyStatus;
  readonly quorum: QuorumCheck;
  readonly seats: number;
  /** The rule's tie-break protocol, always stated in the minutes. */
  readonly protocol: TieBreak;
  /** Agree descending, then nominee id. */
  readonly lines: readonly TallyLine[];
  /** In seat order: by agree descending, then tie-break order. */
  readonly winners: readonly NomineeId[];
  readonly tie: TieReport | null;
  /** REVOTE: the tied nominees for a new round with `revoteSeats` seats; empty otherwise. */
  readonly revoteCandidates: readonly NomineeId[];
  readonly revoteSeats: number;
  /** Non-blocking findings of `checkCounts` (to acknowledge with a reason). */
  readonly warnings: readonly Finding[];
  /** Vietnamese sentences for the biên bản: method, result, tie and its handling. */
  readonly minutes: string;
}

/** R8–R10 codes `tallyBallot` may emit besides those of `checkVotingRule` and `checkCounts`. */
export const TALLY_FINDING_CODES = [
  'TALLY_NOMINEE_FACTS_MISMATCH',
  'TALLY_SCORE_INVALID',
  'TALLY_AGREE_GT_DENOMINATOR',
  'TALLY_CHAIR_DECISION_INVALID',
  'TALLY_CHAIR_DECISION_UNUSED',
] as const;
/** R8–R10: one tally refusal code. */
export type TallyFindingCode = (typeof TALLY_FINDING_CODES)[number];

function error(code: TallyFindingCode, message: string, field: string): Finding {
  return { code, severity: 'error', message: capitalize(message), field };
}

function lineSum(line: NomineeCount | undefined): number {
  return line ? line.agree + line.disagree + line.noOpinion : 0;
}

/**
 * R8–R10: tallies one ballot item of the bloc meeting (brief §2, §4.4, §6.1). Per nominee the share
 * agree/denominator is checked against the rule's threshold on integers; the denominator is
 * - ALL_MEMBERS: `membersEntitled`, minus 1 under selfVote EXCLUDED for a nominee that is a member;
 * - PRESENT: members present + written absentee ballots received (when allowed), minus 1 under
 *   EXCLUDED for a nominee that voted in either way;
 * - VALID_BALLOTS: the valid ballots bearing on its line (agree + disagree + no opinion, room plus
 *   allowed written); equals all valid ballots unless EXCLUDED left out the nominee's own.
 * Seats go by agree count among passed nominees; a tie straddling the last seat is settled by the
 * rule's protocol (R9). Refuses (err) inconsistent counts, invalid rules and unusable chair decisions.
 * Deterministic: the order of nominees in the input does not matter.
 */
export function tallyBallot(input: TallyInput): Result<Tally, Finding[]> {
  const { rule, counts, present, names } = input;
  const name = (id: NomineeId): string => nomineeName(names, id);
  const written = rule.allowWrittenAbsentee ? (counts.written ?? null) : null;
  const participation = new Map(input.nominees.map((f) => [f.nomineeId, f.participation]));
  const scores = new Map(input.nominees.map((f) => [f.nomineeId, f.score]));

  const countFindings = checkCounts(counts, { present, rule, participation, names });
  const errors = [...checkVotingRule(rule), ...countFindings.filter((f) => f.severity === 'error')];
  const countIds = counts.nominees.map((l) => l.nomineeId).sort(compareIds);
  const factIds = input.nominees.map((f) => f.nomineeId).sort(compareIds);
  if (countIds.join('\u0000') !== factIds.join('\u0000')) {
    errors.push(
      error(
        'TALLY_NOMINEE_FACTS_MISMATCH',
        'Danh sách đơn vị được đề nghị kèm thông tin tham dự và điểm khác danh sách trên phiếu.',
        'nominees',
      ),
    );
  }
  for (const id of factIds) {
    const score = scores.get(id);
    if (score !== null && score !== undefined && !Number.isSafeInteger(score)) {
      errors.push(
        error(
          'TALLY_SCORE_INVALID',
          `Điểm thi đua của ${name(id)} phải là số nguyên (phần trăm điểm).`,
          `nominees[${id}].score`,
        ),
      );
    }
  }
  if (errors.length > 0) return err(errors);

  const quorum = checkQuorum(counts.membersEntitled, present, rule);
  const writtenById = new Map((written?.nominees ?? []).map((l) => [l.nomineeId, l]));
  const excluded = rule.selfVote === 'EXCLUDED';
  const writtenReceived = written?.received ?? 0;
  const totalValid = counts.valid + (written?.valid ?? 0);

  const lines = [...counts.nominees]
    .sort((a, b) => compareIds(a.nomineeId, b.nomineeId))
    .map((room) => {
      const id = room.nomineeId;
      const w = writtenById.get(id);
      const agreeWritten = w?.agree ?? 0;
      const agree = room.agree + agreeWritten;
      const p = participation.get(id);
      let denominator: number;
      let ownBallotExcluded: boolean;
      switch (rule.denominator) {
        case 'ALL_MEMBERS':
          ownBallotExcluded = excluded && p !== 'NOT_MEMBER';
          denominator = counts.membersEntitled - (ownBallotExcluded ? 1 : 0);
          break;
        case 'PRESENT':
          ownBallotExcluded =
            excluded && (p === 'PRESENT' || (p === 'WRITTEN' && written !== null));
          denominator = present + writtenReceived - (ownBallotExcluded ? 1 : 0);
          break;
        case 'VALID_BALLOTS':
          denominator = lineSum(room) + lineSum(w);
          ownBallotExcluded = denominator < totalValid;
          break;
      }
      return { id, agree, agreeWritten, denominator, ownBallotExcluded };
    });

  for (const l of lines) {
    if (l.agree > l.denominator) {
      errors.push(
        error(
          'TALLY_AGREE_GT_DENOMINATOR',
          // Consistent counts bound agree by every denominator, so only a counted self-vote gets here.
          `${name(l.id)}: số phiếu tán thành (${l.agree}) lớn hơn mẫu số (${l.denominator}); phiếu của chính đơn vị không được tính.`,
          `nominees[${l.id}].agree`,
        ),
      );
    }
  }
  if (errors.length > 0) return err(errors);

  const { threshold, thresholdComparator: cmp } = rule;
  const evaluated = lines.map((l) => {
    const reachesThreshold = reaches(l.agree, l.denominator, threshold, cmp);
    return { ...l, reachesThreshold, passed: reachesThreshold && quorum.reached };
  });

  // Seats: passed nominees by agree count; a tie exists when the group sharing the agree count of
  // the last seat does not fit in the seats left after the nominees above it.
  const seats = counts.seats;
  const passed = evaluated
    .filter((l) => l.passed)
    .sort((a, b) => b.agree - a.agree || compareIds(a.id, b.id));
  const boundary = passed[seats - 1];
  const firstLeftOut = passed[seats];
  let winners: NomineeId[];
  let tie: TieReport | null = null;
  if (boundary === undefined || firstLeftOut === undefined || firstLeftOut.agree < boundary.agree) {
    winners = passed.slice(0, seats).map((l) => l.id);
  } else {
    const above = passed.filter((l) => l.agree > boundary.agree).map((l) => l.id);
    const tied = passed.filter((l) => l.agree === boundary.agree).map((l) => l.id);
    const settled = settleTie(
      rule.tieBreak,
      tied,
      seats - above.length,
      boundary.agree,
      scores,
      input.chairDecision,
      name,
    );
    if (!settled.ok) return settled;
    tie = settled.value;
    winners = [...above, ...tie.chosenNomineeIds];
  }
  if (input.chairDecision && (tie === null || rule.tieBreak !== 'CHAIR_DECIDES')) {
    return err([
      error(
        'TALLY_CHAIR_DECISION_UNUSED',
        'Đã ghi nhận quyết định của chủ trì nhưng không có trường hợp hòa phiếu nào cần chủ trì quyết định.',
        'chairDecision',
      ),
    ]);
  }

  const elected = new Set(winners);
  const waiting = new Set(tie?.remainingNomineeIds ?? []);
  const tallyLines: TallyLine[] = evaluated
    .map((l): TallyLine => {
      const required = l.denominator === 0 ? 1 : minimumCount(l.denominator, threshold, cmp);
      const tenths = l.denominator === 0 ? null : percentTenths(l.agree, l.denominator);
      return {
        nomineeId: l.id,
        agree: l.agree,
        agreeWritten: l.agreeWritten,
        denominatorBasis: rule.denominator,
        denominator: l.denominator,
        ownBallotExcluded: l.ownBallotExcluded,
        required,
        percentage: tenths === null ? null : tenths / 10,
        percentageText: tenths === null ? '—' : formatPercentTenths(tenths),
        thresholdText: formatThreshold(threshold, cmp),
        reachesThreshold: l.reachesThreshold,
        passed: l.passed,
        outcome: elected.has(l.id)
          ? 'ELECTED'
          : waiting.has(l.id)
            ? 'TIED'
            : l.passed
              ? 'NOT_ELECTED'
              : 'NOT_PASSED',
        explanation: explain(
          l.agree,
          l.denominator,
          tenths,
          required,
          l.reachesThreshold,
          quorum.reached,
          rule,
        ),
      };
    })
    .sort((a, b) => b.agree - a.agree || compareIds(a.nomineeId, b.nomineeId));

  const status: TallyStatus = !quorum.reached
    ? 'NO_QUORUM'
    : tie?.resolution === 'PENDING'
      ? 'TIE_PENDING'
      : tie?.resolution === 'UNRESOLVED'
        ? 'TIE_UNRESOLVED'
        : 'DECIDED';
  const revote = rule.tieBreak === 'REVOTE' ? tie : null;
  return ok({
    status,
    quorum,
    seats,
    protocol: rule.tieBreak,
    lines: tallyLines,
    winners,
    tie,
    revoteCandidates: revote?.tiedNomineeIds ?? [],
    revoteSeats: revote?.seatsAtStake ?? 0,
    warnings: countFindings.filter((f) => f.severity === 'warning'),
    minutes: minutesText(
      rule,
      status,
      quorum,
      seats,
      tallyLines,
      winners,
      tie,
      written !== null,
      name,
    ),
  });
}

/** "11/12 = 91,7 % ≥ 70 % — đạt"; the needed count is added where the rounded figure could mislead. */
function explain(
  agree: number,
  denominator: number,
  tenths: number | null,
  required: number,
  reached: boolean,
  quorumReached: boolean,
  rule: VotingRule,
): string {
  const { threshold, thresholdComparator: cmp } = rule;
  const verdict = !reached
    ? 'không đạt'
    : quorumReached
      ? 'đạt'
      : 'không có giá trị (hội nghị không đủ số thành viên tham dự)';
  if (tenths === null) return `${agree}/${denominator}: không có cơ sở tính tỷ lệ — ${verdict}`;
  const symbol = reached ? (cmp === 'GT' ? '>' : '≥') : missSymbol(cmp);
  // 69,96 % shows as "70,0 %": then say how many votes were needed.
  const misleading = reaches(tenths, 1000, threshold, cmp) !== reached;
  const hint = misleading ? ` (cần tối thiểu ${required}/${denominator})` : '';
  return `${agree}/${denominator} = ${formatPercentTenths(tenths)} ${symbol} ${formatShare(threshold)}${hint} — ${verdict}`;
}

function minutesText(
  rule: VotingRule,
  status: TallyStatus,
  quorum: QuorumCheck,
  seats: number,
  lines: readonly TallyLine[],
  winners: readonly NomineeId[],
  tie: TieReport | null,
  writtenCounted: boolean,
  name: (id: NomineeId) => string,
): string {
  const thr = formatThreshold(rule.threshold, rule.thresholdComparator);
  const base = VOTE_DENOMINATOR_LABELS[rule.denominator];
  const sentences = [
    `Hình thức biểu quyết: ${rule.secretBallot ? 'bỏ phiếu kín' : 'biểu quyết công khai'}; đạt khi số phiếu tán thành ${thr} ${base}` +
      `${writtenCounted ? ' (có tính phiếu gửi bằng văn bản của thành viên vắng mặt)' : ''}` +
      `${rule.selfVote === 'EXCLUDED' ? '; đơn vị được đề nghị không biểu quyết cho chính mình' : ''}` +
      `; số lượng được chọn: ${seats}; nguyên tắc xử lý hòa phiếu: ${TIE_BREAK_LABELS[rule.tieBreak]}.`,
  ];
  if (status === 'NO_QUORUM') {
    sentences.push(
      `Hội nghị không đủ số thành viên tham dự theo quy định (có mặt ${quorum.present}/${quorum.total}, cần tối thiểu ${quorum.required}); kết quả biểu quyết không có giá trị.`,
    );
    return sentences.join(' ');
  }
  if (winners.length > 0) {
    sentences.push(`Đơn vị được lựa chọn: ${joinVi(winners.map(name))}.`);
  }
  if (!lines.some((l) => l.passed)) {
    sentences.push(`Không có đơn vị nào đạt số phiếu tán thành ${thr} ${base}.`);
  }
  const leftOut = lines.filter((l) => l.outcome === 'NOT_ELECTED').map((l) => l.nomineeId);
  if (leftOut.length > 0) {
    sentences.push(
      `${capitalize(joinVi(leftOut.map(name)))} đạt tỷ lệ phiếu tán thành nhưng không được lựa chọn do đã đủ số lượng.`,
    );
  }
  if (tie) sentences.push(tie.sentence);
  return sentences.join(' ');
}
