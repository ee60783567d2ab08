import type { Fraction } from '../common/fraction';
import type { Finding } from '../common/result';
import { compareIds, formatPercentTenths, formatShare, nomineeName, percentTenths } from './format';
import type { NomineeId, NomineeNames, Participation, VotingRule } from './voting-rule';
import { capitalize, joinVi } from '../common/text';

/** R8 (brief §4.4 item 3): one nominee's line as counted: tán thành / không tán thành / không có ý kiến. */
export interface NomineeCount {
  readonly nomineeId: NomineeId;
  readonly agree: number;
  readonly disagree: number;
  readonly noOpinion: number;
}

/** R8: written ballots of absent members (brief §4.4 item 4: listed separately in the biên bản kiểm phiếu). */
export interface WrittenCounts {
  /** Written ballots received from absent members. */
  readonly received: number;
  readonly valid: number;
  readonly invalid: number;
  readonly nominees: readonly NomineeCount[];
}

/** R8 (brief §4.4, biên bản kiểm phiếu): the aggregate counts of one ballot item as the secretary enters them. */
export interface BallotCounts {
  readonly membersEntitled: number;
  readonly ballotsIssued: number;
  readonly ballotsReturned: number;
  readonly valid: number;
  readonly invalid: number;
  /** How many nominees each ballot may approve (choose-k). */
  readonly seats: number;
  readonly nominees: readonly NomineeCount[];
  /** Absent members' written ballots; null or missing when there are none. */
  readonly written?: WrittenCounts | null;
}

/** R8/R10: what `checkCounts` needs besides the counts (attendance, rule, optional score ranking). */
export interface CountsContext {
  /** Members present at the meeting (from the attendance roll). */
  readonly present: number;
  readonly rule: Pick<VotingRule, 'selfVote' | 'allowWrittenAbsentee'>;
  /**
   * R10: how each nominee took part. Under selfVote EXCLUDED a line may sum to valid − 1 only for a
   * nominee that voted in that channel (PRESENT in the room, WRITTEN in writing); unknown ids are
   * given that benefit of the doubt.
   */
  readonly participation?: ReadonlyMap<NomineeId, Participation>;
  /** Agreed-score ranking (best first); enables the "vote winner is not the score leader" warning. */
  readonly scoreRanking?: readonly NomineeId[];
  /** Warn when invalid / returned is strictly above this share; default 1/10. */
  readonly invalidShareLimit?: Fraction;
  /** The source of that share, quoted in the warning. */
  readonly invalidShareBasis?: string;
  readonly names?: NomineeNames;
}

/** R8 consistency codes `checkCounts` may emit (errors first, then warnings), for the one-page catalogue (Abacus #2738). */
export const COUNT_FINDING_CODES = [
  'COUNT_NOT_NON_NEGATIVE_INTEGER',
  'COUNT_SEATS_LT_ONE',
  'COUNT_NO_NOMINEES',
  'COUNT_NOMINEE_DUPLICATE',
  'COUNT_PRESENT_GT_ENTITLED',
  'COUNT_ISSUED_GT_ENTITLED',
  'COUNT_ISSUED_GT_PRESENT',
  'COUNT_RETURNED_GT_ISSUED',
  'COUNT_VALID_INVALID_NE_RETURNED',
  'COUNT_NOMINEE_SUM_NE_VALID',
  'COUNT_AGREE_GT_VALID',
  'COUNT_AGREE_TOTAL_GT_SEATS',
  'COUNT_WRITTEN_NOT_ALLOWED',
  'COUNT_WRITTEN_GT_ABSENT',
  'COUNT_WRITTEN_NOMINEES_MISMATCH',
  'COUNT_ISSUED_LT_PRESENT',
  'COUNT_INVALID_SHARE_HIGH',
  'COUNT_WINNER_NOT_SCORE_LEADER',
] as const;
/** R8: one consistency code. */
export type CountFindingCode = (typeof COUNT_FINDING_CODES)[number];

/** R8 warning default (no legal source; brief §2.3 [NF]): warn above 10 % invalid among returned ballots. */
export const DEFAULT_INVALID_SHARE_LIMIT: Fraction = { numerator: 1, denominator: 10 };

/** Where the default invalid-ballot share comes from: the software, not a legal text. */
export const DEFAULT_INVALID_SHARE_BASIS = 'mức mặc định của phần mềm, chưa có căn cứ pháp lý';

type Params = Readonly<Record<string, string | number | boolean | null>>;

const FIELD_LABELS = {
  present: 'Số thành viên có mặt',
  membersEntitled: 'Số thành viên có quyền biểu quyết',
  ballotsIssued: 'Số phiếu phát ra',
  ballotsReturned: 'Số phiếu thu về',
  valid: 'Số phiếu hợp lệ',
  invalid: 'Số phiếu không hợp lệ',
  seats: 'Số lượng được chọn',
  received: 'Số phiếu gửi bằng văn bản',
  agree: 'Số phiếu tán thành',
  disagree: 'Số phiếu không tán thành',
  noOpinion: 'Số phiếu không có ý kiến',
} as const;
type FieldKey = keyof typeof FIELD_LABELS;

function isCount(v: number): boolean {
  return Number.isSafeInteger(v) && v >= 0;
}

function sortedLines(lines: readonly NomineeCount[]): NomineeCount[] {
  return [...lines].sort((a, b) => compareIds(a.nomineeId, b.nomineeId));
}

/**
 * R8 consistency gate (RELIABILITY G2/A3; Abacus F/W codes, VxAdmin formula): errors block saving
 * the counts as final, warnings need an acknowledgement with a reason. Findings come in a stable order.
 */
export function checkCounts(counts: BallotCounts, context: CountsContext): Finding[] {
  const findings: Finding[] = [];
  const add = (
    code: CountFindingCode,
    severity: Finding['severity'],
    message: string,
    field: string,
    params: Params,
  ): void => {
    findings.push({ code, severity, message: capitalize(message), field, params });
  };
  const name = (id: NomineeId): string => nomineeName(context.names, id);
  const written = counts.written ?? null;

  // 1. Shape: every entered number is a non-negative integer; arithmetic on anything else is noise.
  const numbers: [string, FieldKey, number][] = [
    ['present', 'present', context.present],
    ...(
      ['membersEntitled', 'ballotsIssued', 'ballotsReturned', 'valid', 'invalid', 'seats'] as const
    ).map((k): [string, FieldKey, number] => [k, k, counts[k]]),
    ...lineNumbers(counts.nominees, 'nominees'),
  ];
  if (written) {
    numbers.push(
      ...(['received', 'valid', 'invalid'] as const).map((k): [string, FieldKey, number] => [
        `written.${k}`,
        k,
        written[k],
      ]),
      ...lineNumbers(written.nominees, 'written.nominees'),
    );
  }
  for (const [field, key, value] of numbers) {
    if (!isCount(value)) {
      add(
        'COUNT_NOT_NON_NEGATIVE_INTEGER',
        'error',
        `${FIELD_LABELS[key]} (${field}) phải là số nguyên không âm; đã nhập ${String(value).replace('.', ',')}.`,
        field,
        { value },
      );
    }
  }
  if (findings.length > 0) return findings;

  // 2. The ballot paper itself.
  if (counts.seats < 1) {
    add(
      'COUNT_SEATS_LT_ONE',
      'error',
      'Số lượng được chọn trên phiếu phải ít nhất là 1; đã nhập 0.',
      'seats',
      {
        seats: counts.seats,
      },
    );
  }
  if (counts.nominees.length === 0) {
    add('COUNT_NO_NOMINEES', 'error', 'Phiếu bầu chưa có đơn vị được đề nghị nào.', 'nominees', {});
  }
  const seen = new Map<NomineeId, number>();
  for (const line of counts.nominees) seen.set(line.nomineeId, (seen.get(line.nomineeId) ?? 0) + 1);
  for (const [id, times] of [...seen].sort((a, b) => compareIds(a[0], b[0]))) {
    if (times > 1) {
      add(
        'COUNT_NOMINEE_DUPLICATE',
        'error',
        `${name(id)} xuất hiện ${times} lần trong danh sách đề nghị.`,
        `nominees[${id}]`,
        { nomineeId: id, times },
      );
    }
  }

  // 3. Ballots: returned ≤ issued ≤ present ≤ members; valid + invalid = returned.
  const { membersEntitled: entitled, ballotsIssued: issued, ballotsReturned: returned } = counts;
  const { present } = context;
  if (present > entitled) {
    add(
      'COUNT_PRESENT_GT_ENTITLED',
      'error',
      `Số thành viên có mặt (${present}) lớn hơn số thành viên có quyền biểu quyết (${entitled}).`,
      'present',
      { present, membersEntitled: entitled },
    );
  }
  if (issued > entitled) {
    add(
      'COUNT_ISSUED_GT_ENTITLED',
      'error',
      `Số phiếu phát ra (${issued}) lớn hơn số thành viên có quyền biểu quyết (${entitled}).`,
      'ballotsIssued',
      { ballotsIssued: issued, membersEntitled: entitled },
    );
  } else if (issued > present) {
    add(
      'COUNT_ISSUED_GT_PRESENT',
      'error',
      `Số phiếu phát ra (${issued}) lớn hơn số thành viên có mặt (${present}).`,
      'ballotsIssued',
      { ballotsIssued: issued, present },
    );
  }
  if (returned > issued) {
    add(
      'COUNT_RETURNED_GT_ISSUED',
      'error',
      `Số phiếu thu về (${returned}) lớn hơn số phiếu phát ra (${issued}).`,
      'ballotsReturned',
      { ballotsReturned: returned, ballotsIssued: issued },
    );
  }
  if (counts.valid + counts.invalid !== returned) {
    add(
      'COUNT_VALID_INVALID_NE_RETURNED',
      'error',
      `Số phiếu hợp lệ (${counts.valid}) + không hợp lệ (${counts.invalid}) = ${counts.valid + counts.invalid}, khác số phiếu thu về (${returned}).`,
      'valid',
      { valid: counts.valid, invalid: counts.invalid, ballotsReturned: returned },
    );
  }

  // 4. Lines of the room ballots.
  const selfExcluded = context.rule.selfVote === 'EXCLUDED';
  const mayOmitOwn = (id: NomineeId, channel: Participation): boolean => {
    if (!selfExcluded) return false;
    const p = context.participation?.get(id);
    return p === undefined || p === channel;
  };
  checkLines(counts.nominees, counts.valid, counts.seats, 'nominees', '', (id) =>
    mayOmitOwn(id, 'PRESENT'),
  );

  // 5. Written ballots of absent members.
  if (written) {
    if (!context.rule.allowWrittenAbsentee) {
      add(
        'COUNT_WRITTEN_NOT_ALLOWED',
        'error',
        `Quy tắc bỏ phiếu không cho phép tính phiếu gửi bằng văn bản của thành viên vắng mặt, nhưng đã nhập ${written.received} phiếu.`,
        'written',
        { received: written.received },
      );
    } else {
      const absent = Math.max(entitled - present, 0);
      if (written.received > absent) {
        add(
          'COUNT_WRITTEN_GT_ABSENT',
          'error',
          `Số phiếu gửi bằng văn bản (${written.received}) lớn hơn số thành viên vắng mặt (${entitled} − ${present} = ${absent}).`,
          'written.received',
          { received: written.received, absent },
        );
      }
      if (written.valid + written.invalid !== written.received) {
        add(
          'COUNT_VALID_INVALID_NE_RETURNED',
          'error',
          `Phiếu gửi bằng văn bản: số phiếu hợp lệ (${written.valid}) + không hợp lệ (${written.invalid}) = ${written.valid + written.invalid}, khác số phiếu nhận được (${written.received}).`,
          'written.valid',
          { valid: written.valid, invalid: written.invalid, received: written.received },
        );
      }
      const roomIds = new Set(counts.nominees.map((l) => l.nomineeId));
      const writtenIds = new Set(written.nominees.map((l) => l.nomineeId));
      const missing = [...roomIds].filter((id) => !writtenIds.has(id)).sort(compareIds);
      const extra = [...writtenIds].filter((id) => !roomIds.has(id)).sort(compareIds);
      if (missing.length > 0 || extra.length > 0) {
        const parts = [
          ...(missing.length > 0 ? [`thiếu: ${joinVi(missing.map(name))}`] : []),
          ...(extra.length > 0 ? [`thừa: ${joinVi(extra.map(name))}`] : []),
        ];
        add(
          'COUNT_WRITTEN_NOMINEES_MISMATCH',
          'error',
          `Danh sách đơn vị trên phiếu gửi bằng văn bản khác danh sách trên phiếu tại hội nghị (${parts.join('; ')}).`,
          'written.nominees',
          { missing: missing.join(','), extra: extra.join(',') },
        );
      }
      checkLines(
        written.nominees,
        written.valid,
        counts.seats,
        'written.nominees',
        'Phiếu gửi bằng văn bản — ',
        (id) => mayOmitOwn(id, 'WRITTEN'),
      );
    }
  }

  // 6. Warnings.
  if (issued < present) {
    add(
      'COUNT_ISSUED_LT_PRESENT',
      'warning',
      `Số phiếu phát ra (${issued}) ít hơn số thành viên có mặt (${present}).`,
      'ballotsIssued',
      { ballotsIssued: issued, present },
    );
  }
  const limit = context.invalidShareLimit ?? DEFAULT_INVALID_SHARE_LIMIT;
  if (returned > 0 && counts.invalid * limit.denominator > limit.numerator * returned) {
    add(
      'COUNT_INVALID_SHARE_HIGH',
      'warning',
      `Tỷ lệ phiếu không hợp lệ ${counts.invalid}/${returned} = ${formatPercentTenths(percentTenths(counts.invalid, returned))} vượt quá mức ${formatShare(limit)}${context.invalidShareBasis ? ` (căn cứ: ${context.invalidShareBasis})` : ''}.`,
      'invalid',
      { invalid: counts.invalid, ballotsReturned: returned },
    );
  }
  const leaderWarning = winnerNotScoreLeader(counts, context, name);
  if (leaderWarning) findings.push(leaderWarning);
  return findings;

  function checkLines(
    lines: readonly NomineeCount[],
    valid: number,
    seats: number,
    fieldPrefix: string,
    messagePrefix: string,
    mayOmitOwnBallot: (id: NomineeId) => boolean,
  ): void {
    let totalAgree = 0;
    for (const line of sortedLines(lines)) {
      const id = line.nomineeId;
      const sum = line.agree + line.disagree + line.noOpinion;
      const canOmit = mayOmitOwnBallot(id) && valid > 0;
      if (sum !== valid && !(canOmit && sum === valid - 1)) {
        const alt = canOmit ? ` và ${valid - 1} (không tính phiếu của chính đơn vị)` : '';
        add(
          'COUNT_NOMINEE_SUM_NE_VALID',
          'error',
          `${messagePrefix}${name(id)}: tán thành (${line.agree}) + không tán thành (${line.disagree}) + không có ý kiến (${line.noOpinion}) = ${sum}, khác số phiếu hợp lệ (${valid})${alt}.`,
          `${fieldPrefix}[${id}]`,
          { nomineeId: id, sum, valid },
        );
      }
      if (line.agree > valid) {
        add(
          'COUNT_AGREE_GT_VALID',
          'error',
          `${messagePrefix}${name(id)}: số phiếu tán thành (${line.agree}) lớn hơn số phiếu hợp lệ (${valid}).`,
          `${fieldPrefix}[${id}].agree`,
          { nomineeId: id, agree: line.agree, valid },
        );
      }
      totalAgree += line.agree;
    }
    if (seats >= 1 && totalAgree > valid * seats) {
      add(
        'COUNT_AGREE_TOTAL_GT_SEATS',
        'error',
        `${messagePrefix}Tổng số phiếu tán thành (${totalAgree}) lớn hơn số phiếu hợp lệ × số lượng được chọn (${valid} × ${seats} = ${valid * seats}): có phiếu chọn nhiều hơn số lượng được chọn.`,
        fieldPrefix,
        { totalAgree, valid, seats },
      );
    }
  }
}

function lineNumbers(lines: readonly NomineeCount[], prefix: string): [string, FieldKey, number][] {
  return sortedLines(lines).flatMap((l) =>
    (['agree', 'disagree', 'noOpinion'] as const).map((k): [string, FieldKey, number] => [
      `${prefix}[${l.nomineeId}].${k}`,
      k,
      l[k],
    ]),
  );
}

/** Score-to-vote linkage (product lessons (c)5): the sole most-approved nominee should be the best-scored one. */
function winnerNotScoreLeader(
  counts: BallotCounts,
  context: CountsContext,
  name: (id: NomineeId) => string,
): Finding | null {
  if (!context.scoreRanking) return null;
  const agree = new Map<NomineeId, number>();
  const countWritten = context.rule.allowWrittenAbsentee;
  for (const line of [
    ...counts.nominees,
    ...(countWritten ? (counts.written?.nominees ?? []) : []),
  ]) {
    agree.set(line.nomineeId, (agree.get(line.nomineeId) ?? 0) + line.agree);
  }
  const max = Math.max(...agree.values());
  const [first, ...others] = [...agree].filter(([, a]) => a === max);
  const scoreLeader = context.scoreRanking.find((id) => agree.has(id));
  if (!first || others.length > 0 || max === 0 || scoreLeader === undefined) return null;
  const voteLeader = first[0];
  if (voteLeader === scoreLeader) return null;
  return {
    code: 'COUNT_WINNER_NOT_SCORE_LEADER',
    severity: 'warning',
    message: `${capitalize(name(voteLeader))} có nhiều phiếu tán thành nhất (${max}) nhưng không phải đơn vị có điểm thi đua cao nhất trong danh sách đề nghị (${name(scoreLeader)}).`,
    field: `nominees[${voteLeader}]`,
    params: { voteLeader, scoreLeader, agree: max },
  };
}
