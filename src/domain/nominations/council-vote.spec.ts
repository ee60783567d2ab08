import { judgeCouncilVote, type CouncilCounts } from './council-vote';

const rule = (
  over: Partial<Parameters<typeof judgeCouncilVote>[1]> = {},
): Parameters<typeof judgeCouncilVote>[1] => ({
  threshold: { numerator: 70, denominator: 100 },
  thresholdComparator: 'GTE',
  denominator: 'ALL_MEMBERS',
  quorum: { numerator: 2, denominator: 3 },
  quorumComparator: 'GTE',
  ...over,
});

const c = (members: number, present: number, valid: number, agree: number): CouncilCounts => ({
  members,
  present,
  valid,
  agree,
});

describe('judgeCouncilVote', () => {
  it.each<[string, CouncilCounts, Parameters<typeof judgeCouncilVote>[1], boolean, number]>([
    ['passes at exactly 70 % of all members', c(10, 10, 10, 7), rule(), true, 10],
    ['fails one vote below', c(10, 10, 10, 6), rule(), false, 10],
    ['counts absent members in the ALL_MEMBERS base', c(15, 14, 14, 10), rule(), false, 15],
    [
      'uses members present for PRESENT',
      c(15, 14, 14, 10),
      rule({ denominator: 'PRESENT' }),
      true,
      14,
    ],
    [
      'uses valid ballots for VALID_BALLOTS',
      c(15, 14, 12, 9),
      rule({ denominator: 'VALID_BALLOTS' }),
      true,
      12,
    ],
    [
      'needs strictly more than half under GT',
      c(10, 10, 10, 5),
      rule({ threshold: { numerator: 1, denominator: 2 }, thresholdComparator: 'GT' }),
      false,
      10,
    ],
  ])('%s', (_l, counts, r, passed, base) => {
    const res = judgeCouncilVote(counts, r, '2024-03-20');
    expect(res.ok && res.value).toMatchObject({ passed, base });
  });

  it('states the arithmetic and the note', () => {
    const res = judgeCouncilVote(c(15, 15, 15, 13), rule(), '2024-03-20', 'Phiên thường kỳ');
    expect(res.ok && res.value.reason).toBe(
      'Hội đồng TĐKT tỉnh ngày 20/03/2024: 13/15 phiếu đồng ý, ngưỡng ≥ 70 % — đạt. Phiên thường kỳ',
    );
  });

  it.each<[string, CouncilCounts, string]>([
    ['more agree than valid', c(15, 14, 9, 10), 'COUNCIL_COUNTS_INVALID'],
    ['more present than members', c(15, 16, 14, 10), 'COUNCIL_COUNTS_INVALID'],
    ['below the quorum (9 of 15 < 2/3)', c(15, 9, 9, 9), 'COUNCIL_NO_QUORUM'],
  ])('refuses %s', (_l, counts, code) => {
    const res = judgeCouncilVote(counts, rule(), '2024-03-20');
    expect(!res.ok && res.error.code).toBe(code);
  });

  it('accepts the quorum boundary (10 of 15 = 2/3)', () => {
    expect(judgeCouncilVote(c(15, 10, 10, 10), rule(), '2024-03-20').ok).toBe(true);
  });
});
