import type { Comparator } from '../common/fraction';
import { checkQuorum, meetingQuorum } from './quorum';

const rule = (numerator: number, denominator: number, quorumComparator: Comparator = 'GTE') => ({
  quorum: { numerator, denominator },
  quorumComparator,
});

describe('checkQuorum (R8, default ≥ 2/3 of all members)', () => {
  it.each([
    // total, present, quorum, reached, required
    [12, 12, rule(2, 3), true, 8],
    [12, 8, rule(2, 3), true, 8],
    [12, 7, rule(2, 3), false, 8],
    [10, 7, rule(2, 3), true, 7], // 2/3 of 10 is 6,67: 7 needed
    [10, 6, rule(2, 3), false, 7],
    [12, 6, rule(1, 2, 'GT'), false, 7],
    [12, 7, rule(1, 2, 'GT'), true, 7],
    [12, 11, rule(9, 10), true, 11], // ≥ 90 % attendance (QĐ 500 art. 10, Hero titles)
    [1, 1, rule(2, 3), true, 1],
    [12, 0, rule(0, 1), true, 0],
    [0, 0, rule(2, 3), false, 1],
  ])(
    '%i members, %i present, %j → reached %s, needs %i',
    (total, present, r, reached, required) => {
      const q = checkQuorum(total, present, r);
      expect([q.reached, q.required, q.present, q.total]).toEqual([
        reached,
        required,
        present,
        total,
      ]);
    },
  );

  it('explains the outcome in Vietnamese', () => {
    expect(checkQuorum(12, 12, rule(2, 3)).explanation).toBe(
      'Có mặt 12/12 đơn vị; cần tối thiểu 8 (≥ 2/3) — đủ điều kiện.',
    );
    expect(checkQuorum(12, 6, rule(1, 2, 'GT')).explanation).toBe(
      'Có mặt 6/12 đơn vị; cần tối thiểu 7 (> 50 %) — không đủ điều kiện.',
    );
  });

  it.each([
    [12, 13],
    [12, -1],
    [12, 7.5],
    [Number.NaN, 0],
  ])(
    'throws on impossible attendance %p/%p (a programming error: counts are checked first)',
    (total, present) => {
      expect(() => checkQuorum(total, present, rule(2, 3))).toThrow(RangeError);
    },
  );
});

describe('meetingQuorum', () => {
  const twoThirds = { quorum: { numerator: 2, denominator: 3 }, quorumComparator: 'GTE' as const };
  const threeQuarters = {
    quorum: { numerator: 3, denominator: 4 },
    quorumComparator: 'GTE' as const,
  };

  it('takes the strictest rule of the ballots, whatever their order', () => {
    expect(meetingQuorum(12, 8, [twoThirds, threeQuarters])).toMatchObject({
      required: 9,
      reached: false,
    });
    expect(meetingQuorum(12, 8, [threeQuarters, twoThirds])?.required).toBe(9);
  });

  it('knows no quorum without a rule', () => {
    expect(meetingQuorum(12, 8, [])).toBeNull();
  });
});
