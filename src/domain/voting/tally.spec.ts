import type { Comparator } from '../common/fraction';
import type { BallotCounts } from './counts';
import { tallyBallot, TALLY_FINDING_CODES, type Tally, type TallyInput } from './tally';
import {
  buildCounts,
  buildInput,
  factsFor,
  HD_FLAG_RULE,
  line,
} from '../../../test/builders/voting';
import type { VotingRule } from './voting-rule';

function tallied(input: TallyInput): Tally {
  const result = tallyBallot(input);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

function refusal(input: TallyInput): string[] {
  const result = tallyBallot(input);
  if (result.ok) throw new Error('expected the tally to be refused');
  return result.error.map((f) => f.code);
}

const ruleWith = (overrides: Partial<VotingRule>): VotingRule => ({
  ...HD_FLAG_RULE,
  ...overrides,
});
const share = (numerator: number, denominator: number, thresholdComparator: Comparator) =>
  ruleWith({ threshold: { numerator, denominator }, thresholdComparator });

/** One nominee "A" with `agree` of `valid` valid ballots (12 members, all present). */
function single(agree: number, valid = 12, overrides: Partial<BallotCounts> = {}): BallotCounts {
  return buildCounts({
    valid,
    invalid: 12 - valid,
    nominees: [line('A', agree, valid - agree)],
    ...overrides,
  });
}

describe('tallyBallot thresholds at every edge (RELIABILITY A2)', () => {
  it.each<[string, VotingRule, BallotCounts, boolean, string]>([
    [
      '> 50 %: exactly half fails',
      share(1, 2, 'GT'),
      single(6),
      false,
      '6/12 = 50,0 % ≤ 50 % — không đạt',
    ],
    ['> 50 %: half + 1 passes', share(1, 2, 'GT'), single(7), true, '7/12 = 58,3 % > 50 % — đạt'],
    [
      '≥ 50 %: exactly half passes',
      share(1, 2, 'GTE'),
      single(6),
      true,
      '6/12 = 50,0 % ≥ 50 % — đạt',
    ],
    [
      '≥ 2/3: exactly 8/12 passes',
      share(2, 3, 'GTE'),
      single(8),
      true,
      '8/12 = 66,7 % ≥ 2/3 — đạt',
    ],
    ['≥ 2/3: 7/12 fails', share(2, 3, 'GTE'), single(7), false, '7/12 = 58,3 % < 2/3 — không đạt'],
    [
      '≥ 2/3 of 10 valid ballots (not divisible by 3): 7 passes',
      { ...share(2, 3, 'GTE'), denominator: 'VALID_BALLOTS' },
      single(7, 10),
      true,
      '7/10 = 70,0 % ≥ 2/3 — đạt',
    ],
    [
      '≥ 2/3 of 10 valid ballots: 6 fails',
      { ...share(2, 3, 'GTE'), denominator: 'VALID_BALLOTS' },
      single(6, 10),
      false,
      '6/10 = 60,0 % < 2/3 — không đạt',
    ],
    ['≥ 70 %: 9/12 = 75 % passes', HD_FLAG_RULE, single(9), true, '9/12 = 75,0 % ≥ 70 % — đạt'],
    ['≥ 70 %: 8/12 fails', HD_FLAG_RULE, single(8), false, '8/12 = 66,7 % < 70 % — không đạt'],
    [
      '≥ 70 %: exactly 7/10 passes',
      { ...HD_FLAG_RULE, denominator: 'VALID_BALLOTS' },
      single(7, 10),
      true,
      '7/10 = 70,0 % ≥ 70 % — đạt',
    ],
    ['≥ 90 %: 11/12 passes', share(9, 10, 'GTE'), single(11), true, '11/12 = 91,7 % ≥ 90 % — đạt'],
    [
      '≥ 90 %: 10/12 fails',
      share(9, 10, 'GTE'),
      single(10),
      false,
      '10/12 = 83,3 % < 90 % — không đạt',
    ],
    [
      'a nominee with 0 votes fails',
      HD_FLAG_RULE,
      single(0),
      false,
      '0/12 = 0,0 % < 70 % — không đạt',
    ],
    [
      'no valid ballot: nothing to divide by',
      { ...HD_FLAG_RULE, denominator: 'VALID_BALLOTS' },
      single(0, 0),
      false,
      '0/0: không có cơ sở tính tỷ lệ — không đạt',
    ],
    [
      'a one-member bloc',
      HD_FLAG_RULE,
      buildCounts({
        membersEntitled: 1,
        ballotsIssued: 1,
        ballotsReturned: 1,
        valid: 1,
        nominees: [line('A', 1, 0)],
      }),
      true,
      '1/1 = 100 % ≥ 70 % — đạt',
    ],
    [
      'a rounded figure that would mislead gets the needed count',
      share(667, 1000, 'GTE'),
      single(8),
      false,
      '8/12 = 66,7 % < 66,7 % (cần tối thiểu 9/12) — không đạt',
    ],
  ])('%s', (_name, rule, counts, passed, explanation) => {
    const present = counts.membersEntitled;
    const t = tallied(buildInput(counts, { rule, present }));
    expect(t.lines[0]?.passed).toBe(passed);
    expect(t.lines[0]?.explanation).toBe(explanation);
    expect(t.winners).toEqual(passed ? ['A'] : []);
  });

  it('shows no percentage and needs at least one vote when the denominator is 0', () => {
    const t = tallied(
      buildInput(single(0, 0), { rule: { ...HD_FLAG_RULE, denominator: 'VALID_BALLOTS' } }),
    );
    expect(t.lines[0]).toMatchObject({
      denominator: 0,
      required: 1,
      percentage: null,
      percentageText: '—',
    });
    expect(t.minutes).toContain(
      'Không có đơn vị nào đạt số phiếu tán thành ≥ 70 % số phiếu hợp lệ.',
    );
  });
});

describe('tallyBallot denominators, written ballots and self-votes (R8, R10)', () => {
  // 12 members, 10 present; 10 room ballots; 2 written ballots from the absent members.
  const withWritten = buildCounts({
    ballotsIssued: 10,
    ballotsReturned: 10,
    valid: 10,
    nominees: [line('A', 7, 3)],
    written: { received: 2, valid: 1, invalid: 1, nominees: [line('A', 1, 0)] },
  });
  const written = (overrides: Partial<VotingRule>): TallyInput =>
    buildInput(withWritten, {
      rule: ruleWith({ allowWrittenAbsentee: true, ...overrides }),
      present: 10,
    });

  it.each<[string, TallyInput, number, number, boolean]>([
    ['ALL_MEMBERS counts every member, written agree votes included', written({}), 8, 12, false],
    [
      'PRESENT counts members present plus written ballots received',
      written({ denominator: 'PRESENT' }),
      8,
      12,
      false,
    ],
    [
      'VALID_BALLOTS counts room and written valid ballots',
      written({ denominator: 'VALID_BALLOTS' }),
      8,
      11,
      true,
    ],
    [
      'PRESENT without written ballots is the members present',
      buildInput(
        buildCounts({
          ballotsIssued: 10,
          ballotsReturned: 10,
          valid: 10,
          nominees: [line('A', 7, 3)],
        }),
        {
          rule: ruleWith({ denominator: 'PRESENT' }),
          present: 10,
        },
      ),
      7,
      10,
      true,
    ],
  ])('%s', (_name, input, agree, denominator, passed) => {
    const [l] = tallied(input).lines;
    expect([l?.agree, l?.denominator, l?.passed]).toEqual([agree, denominator, passed]);
  });

  it('keeps written agree votes apart and says they were counted', () => {
    const t = tallied(written({}));
    expect(t.lines[0]?.agreeWritten).toBe(1);
    expect(t.minutes).toContain('(có tính phiếu gửi bằng văn bản của thành viên vắng mặt)');
  });

  // Self-vote EXCLUDED: A's own ballot is not counted on A's line.
  const excludedRule = (denominator: VotingRule['denominator']): VotingRule =>
    ruleWith({ selfVote: 'EXCLUDED', denominator, allowWrittenAbsentee: true });
  const ownLeftOut = buildCounts({ valid: 12, nominees: [line('A', 10, 1)] });
  it.each<
    [
      string,
      VotingRule,
      BallotCounts,
      'PRESENT' | 'WRITTEN' | 'ABSENT' | 'NOT_MEMBER',
      number,
      boolean,
    ]
  >([
    [
      'ALL_MEMBERS: a member nominee leaves 11 of 12',
      excludedRule('ALL_MEMBERS'),
      ownLeftOut,
      'PRESENT',
      11,
      true,
    ],
    [
      'ALL_MEMBERS: an absent member too',
      excludedRule('ALL_MEMBERS'),
      single(10, 12),
      'ABSENT',
      11,
      true,
    ],
    [
      'ALL_MEMBERS: a non-member keeps 12',
      excludedRule('ALL_MEMBERS'),
      single(10, 12),
      'NOT_MEMBER',
      12,
      false,
    ],
    [
      'PRESENT: a present nominee leaves present − 1',
      excludedRule('PRESENT'),
      ownLeftOut,
      'PRESENT',
      11,
      true,
    ],
    [
      'PRESENT: an absent nominee does not shrink it',
      excludedRule('PRESENT'),
      single(10, 12),
      'ABSENT',
      12,
      false,
    ],
    [
      'PRESENT: a nominee that voted in writing leaves present + written − 1',
      excludedRule('PRESENT'),
      buildCounts({
        ballotsIssued: 11,
        ballotsReturned: 11,
        valid: 11,
        nominees: [line('A', 9, 2)],
        written: { received: 1, valid: 1, invalid: 0, nominees: [line('A', 0, 0)] },
      }),
      'WRITTEN',
      11,
      true,
    ],
    [
      'VALID_BALLOTS: the line sum, 11 of 12 valid',
      excludedRule('VALID_BALLOTS'),
      ownLeftOut,
      'PRESENT',
      11,
      true,
    ],
    [
      'VALID_BALLOTS: all 12 when the own line was counted as blank',
      excludedRule('VALID_BALLOTS'),
      single(10, 12),
      'PRESENT',
      12,
      false,
    ],
  ])(
    'self-vote excluded, %s',
    (_name, rule, counts, participation, denominator, ownBallotExcluded) => {
      const present = participation === 'WRITTEN' ? 11 : 12;
      const input = buildInput(counts, {
        rule,
        present,
        nominees: factsFor(counts, {}, { A: participation }),
      });
      const [l] = tallied(input).lines;
      expect([l?.denominator, l?.ownBallotExcluded]).toEqual([denominator, ownBallotExcluded]);
    },
  );

  it('says in the minutes that nominees do not vote for themselves', () => {
    const t = tallied(buildInput(ownLeftOut, { rule: excludedRule('ALL_MEMBERS') }));
    expect(t.lines[0]?.explanation).toBe('10/11 = 90,9 % ≥ 70 % — đạt');
    expect(t.minutes).toContain('; đơn vị được đề nghị không biểu quyết cho chính mình;');
  });

  it('refuses an agree count above the denominator (the nominee counted its own ballot)', () => {
    const counts = buildCounts({ nominees: [line('A', 12, 0)] });
    expect(refusal(buildInput(counts, { rule: excludedRule('ALL_MEMBERS') }))).toEqual([
      'TALLY_AGREE_GT_DENOMINATOR',
    ]);
    const result = tallyBallot(buildInput(counts, { rule: excludedRule('PRESENT') }));
    expect(!result.ok && result.error[0]?.message).toBe(
      'Đơn vị A: số phiếu tán thành (12) lớn hơn mẫu số (11); phiếu của chính đơn vị không được tính.',
    );
  });
});

describe('tallyBallot quorum and seats (R8)', () => {
  it('decides nothing without a quorum', () => {
    const counts = buildCounts({
      ballotsIssued: 7,
      ballotsReturned: 7,
      valid: 7,
      nominees: [line('A', 7, 0)],
    });
    const t = tallied(
      buildInput(counts, { present: 7, rule: ruleWith({ denominator: 'PRESENT' }) }),
    );
    expect(t.status).toBe('NO_QUORUM');
    expect(t.quorum.reached).toBe(false);
    expect(t.winners).toEqual([]);
    expect(t.lines[0]).toMatchObject({
      reachesThreshold: true,
      passed: false,
      outcome: 'NOT_PASSED',
    });
    expect(t.lines[0]?.explanation).toBe(
      '7/7 = 100 % ≥ 70 % — không có giá trị (hội nghị không đủ số thành viên tham dự)',
    );
    expect(t.minutes).toContain(
      'Hội nghị không đủ số thành viên tham dự theo quy định (có mặt 7/12, cần tối thiểu 8); kết quả biểu quyết không có giá trị.',
    );
  });

  it('fills the seats by agree count and names who passed without a seat', () => {
    const counts = buildCounts({
      seats: 2,
      nominees: [line('C', 7, 5), line('A', 9, 3), line('B', 8, 4), line('D', 0, 12)],
    });
    const t = tallied(buildInput(counts, { rule: share(1, 2, 'GT') }));
    expect(t.status).toBe('DECIDED');
    expect(t.winners).toEqual(['A', 'B']);
    expect(t.lines.map((l) => [l.nomineeId, l.outcome])).toEqual([
      ['A', 'ELECTED'],
      ['B', 'ELECTED'],
      ['C', 'NOT_ELECTED'],
      ['D', 'NOT_PASSED'],
    ]);
    expect(t.minutes).toContain(
      'Đơn vị được lựa chọn: đơn vị A và đơn vị B. Đơn vị C đạt tỷ lệ phiếu tán thành',
    );
  });

  it('leaves seats empty when fewer nominees pass', () => {
    const counts = buildCounts({ seats: 3, nominees: [line('A', 11, 1), line('B', 5, 7)] });
    expect(tallied(buildInput(counts)).winners).toEqual(['A']);
  });

  it('words a show of hands', () => {
    const t = tallied(buildInput(single(12), { rule: ruleWith({ secretBallot: false }) }));
    expect(t.minutes.startsWith('Hình thức biểu quyết: biểu quyết công khai;')).toBe(true);
  });
});

describe('tallyBallot ties at the last seat (R9)', () => {
  // > 50 % of 12, 2 seats: A 10 is elected, B 7 and C 7 tie for the second seat (10 + 7 + 7 = 12 × 2).
  const TIED = buildCounts({
    seats: 2,
    nominees: [line('C', 7, 5), line('A', 10, 2), line('B', 7, 5)],
  });
  const protocol = (tieBreak: VotingRule['tieBreak']): VotingRule => ({
    ...share(1, 2, 'GT'),
    tieBreak,
  });

  it('REVOTE: detects the tie and asks for a new round among the tied nominees', () => {
    const t = tallied(buildInput(TIED, { rule: protocol('REVOTE') }));
    expect(t.status).toBe('TIE_PENDING');
    expect(t.winners).toEqual(['A']);
    expect(t.revoteCandidates).toEqual(['B', 'C']);
    expect(t.revoteSeats).toBe(1);
    expect(t.tie).toEqual({
      protocol: 'REVOTE',
      tiedNomineeIds: ['B', 'C'],
      agree: 7,
      seatsAtStake: 1,
      resolution: 'PENDING',
      chosenNomineeIds: [],
      remainingNomineeIds: ['B', 'C'],
      remainingSeats: 1,
      sentence:
        'Hòa phiếu: đơn vị B và đơn vị C cùng có 7 phiếu tán thành trong khi chỉ còn 1 suất. ' +
        'Xử lý theo nguyên tắc: bỏ phiếu lại giữa các đơn vị bằng phiếu. ' +
        'Hội nghị bỏ phiếu lại giữa đơn vị B và đơn vị C để chọn 1 đơn vị.',
    });
    expect(t.lines.map((l) => l.outcome)).toEqual(['ELECTED', 'TIED', 'TIED']);
    expect(t.minutes).toContain(t.tie?.sentence);
  });

  it('sees no tie when the equal group fits in the seats, or when the tied nominees failed', () => {
    const fits = buildCounts({ seats: 2, nominees: [line('A', 9, 3), line('B', 9, 3)] });
    expect(tallied(buildInput(fits))).toMatchObject({
      status: 'DECIDED',
      winners: ['A', 'B'],
      tie: null,
    });
    const failed = buildCounts({ seats: 1, nominees: [line('A', 6, 6), line('B', 6, 6)] });
    expect(tallied(buildInput(failed))).toMatchObject({
      status: 'DECIDED',
      winners: [],
      tie: null,
    });
  });

  it.each<[string, Record<string, number>, string, string[], string[], string]>([
    [
      'the higher agreed score wins',
      { A: 96000, B: 93600, C: 93000 },
      'DECIDED',
      ['A', 'B'],
      [],
      'Căn cứ tổng điểm thi đua đã thống nhất (đơn vị B: 936 điểm; đơn vị C: 930 điểm), lựa chọn đơn vị B.',
    ],
    [
      'equal scores leave the tie unresolved',
      { A: 96000, B: 93050, C: 93050 },
      'TIE_UNRESOLVED',
      ['A'],
      ['B', 'C'],
      'Căn cứ tổng điểm thi đua đã thống nhất (đơn vị B: 930,5 điểm; đơn vị C: 930,5 điểm); đơn vị B và đơn vị C bằng điểm nhau (930,5 điểm), chưa phân định được 1 suất còn lại.',
    ],
    [
      'a missing score leaves it unresolved',
      { A: 96000, B: 93000 },
      'TIE_UNRESOLVED',
      ['A'],
      ['B', 'C'],
      'Chưa có tổng điểm thi đua của đơn vị C; chưa phân định được.',
    ],
  ])('HIGHER_SCORE: %s', (_name, scores, status, winners, remaining, handling) => {
    const t = tallied(
      buildInput(TIED, { rule: protocol('HIGHER_SCORE'), nominees: factsFor(TIED, scores) }),
    );
    expect(t.status).toBe(status);
    expect(t.winners).toEqual(winners);
    expect(t.tie?.remainingNomineeIds).toEqual(remaining);
    expect(t.revoteCandidates).toEqual([]);
    expect(t.tie?.sentence.endsWith(handling)).toBe(true);
  });

  it('HIGHER_SCORE: settles part of a wider tie and keeps the rest pending', () => {
    // ≥ 50 %, 2 seats, four nominees on 6 votes; scores 900, 950, 930, 930: B is chosen, C and D stay tied.
    const counts = buildCounts({
      seats: 2,
      nominees: [line('A', 6, 6), line('B', 6, 6), line('C', 6, 6), line('D', 6, 6)],
    });
    const scores = { A: 90000, B: 95000, C: 93000, D: 93000 };
    const rule = { ...share(1, 2, 'GTE'), tieBreak: 'HIGHER_SCORE' as const };
    const t = tallied(buildInput(counts, { rule, nominees: factsFor(counts, scores) }));
    expect(t.status).toBe('TIE_UNRESOLVED');
    expect(t.winners).toEqual(['B']);
    expect(t.tie).toMatchObject({
      seatsAtStake: 2,
      chosenNomineeIds: ['B'],
      remainingNomineeIds: ['C', 'D'],
      remainingSeats: 1,
    });
    expect(t.tie?.sentence).toContain(
      ', lựa chọn đơn vị B; đơn vị C và đơn vị D bằng điểm nhau (930 điểm)',
    );
    expect(t.lines.map((l) => [l.nomineeId, l.outcome])).toEqual([
      ['A', 'NOT_ELECTED'],
      ['B', 'ELECTED'],
      ['C', 'TIED'],
      ['D', 'TIED'],
    ]);
  });

  it('HIGHER_SCORE: equal scores below the last seat do not matter', () => {
    // ≥ 1/3, 1 seat, three nominees on 4 votes.
    const counts = buildCounts({
      seats: 1,
      nominees: [line('A', 4, 8), line('B', 4, 8), line('C', 4, 8)],
    });
    const nominees = factsFor(counts, { A: 93000, B: 95000, C: 93000 });
    const rule = { ...share(1, 3, 'GTE'), tieBreak: 'HIGHER_SCORE' as const };
    expect(tallied(buildInput(counts, { rule, nominees }))).toMatchObject({
      status: 'DECIDED',
      winners: ['B'],
    });
  });

  it('CHAIR_DECIDES: waits for the chair, then records the choice', () => {
    const rule = protocol('CHAIR_DECIDES');
    const pending = tallied(buildInput(TIED, { rule }));
    expect(pending.status).toBe('TIE_PENDING');
    expect(pending.revoteCandidates).toEqual([]);
    expect(pending.tie?.sentence.endsWith('Chờ chủ trì hội nghị quyết định.')).toBe(true);
    const decided = tallied(buildInput(TIED, { rule, chairDecision: { chosenNomineeIds: ['C'] } }));
    expect(decided.status).toBe('DECIDED');
    expect(decided.winners).toEqual(['A', 'C']);
    expect(decided.tie?.resolution).toBe('RESOLVED');
    expect(decided.tie?.sentence.endsWith('Chủ trì hội nghị quyết định lựa chọn đơn vị C.')).toBe(
      true,
    );
    expect(decided.lines.map((l) => [l.nomineeId, l.outcome])).toEqual([
      ['A', 'ELECTED'],
      ['B', 'NOT_ELECTED'],
      ['C', 'ELECTED'],
    ]);
  });

  it.each([
    ['too many', ['B', 'C']],
    ['a nominee outside the tie', ['A']],
    ['the same nominee twice', ['B', 'B']],
    ['none', []],
  ])('CHAIR_DECIDES: refuses a decision choosing %s', (_name, chosenNomineeIds) => {
    const input = buildInput(TIED, {
      rule: protocol('CHAIR_DECIDES'),
      chairDecision: { chosenNomineeIds },
    });
    expect(refusal(input)).toEqual(['TALLY_CHAIR_DECISION_INVALID']);
  });

  it('refuses a chair decision when there is no tie for the chair to settle', () => {
    const chairDecision = { chosenNomineeIds: ['B'] };
    expect(refusal(buildInput(TIED, { rule: protocol('REVOTE'), chairDecision }))).toEqual([
      'TALLY_CHAIR_DECISION_UNUSED',
    ]);
    const noTie = buildCounts({ nominees: [line('A', 10, 2)] });
    expect(refusal(buildInput(noTie, { rule: protocol('CHAIR_DECIDES'), chairDecision }))).toEqual([
      'TALLY_CHAIR_DECISION_UNUSED',
    ]);
  });
});

describe('tallyBallot refusals', () => {
  it('refuses an invalid rule and inconsistent counts together', () => {
    const counts = buildCounts({ valid: 11, nominees: [line('A', 11, 0)] });
    expect(refusal(buildInput(counts, { rule: share(0, 1, 'GT') }))).toEqual([
      'VOTING_RULE_BAD_THRESHOLD',
      'COUNT_VALID_INVALID_NE_RETURNED',
    ]);
  });

  it('refuses facts that do not match the ballot, and fractional scores', () => {
    const counts = buildCounts({ nominees: [line('A', 11, 1)] });
    expect(refusal(buildInput(counts, { nominees: [] }))).toEqual(['TALLY_NOMINEE_FACTS_MISMATCH']);
    const nominees = [{ nomineeId: 'A', participation: 'PRESENT' as const, score: 93000.5 }];
    expect(refusal(buildInput(counts, { nominees }))).toEqual(['TALLY_SCORE_INVALID']);
  });

  it('passes the count warnings on', () => {
    const counts = buildCounts({ valid: 10, invalid: 2, nominees: [line('A', 10, 0)] });
    expect(tallied(buildInput(counts)).warnings.map((w) => w.code)).toEqual([
      'COUNT_INVALID_SHARE_HIGH',
    ]);
  });

  it('lists distinct finding codes', () => {
    expect(new Set(TALLY_FINDING_CODES).size).toBe(TALLY_FINDING_CODES.length);
  });
});
