import { checkCounts, COUNT_FINDING_CODES, type BallotCounts, type CountsContext } from './counts';
import { buildCounts, HD_FLAG_RULE, line } from '../../../test/builders/voting';
import type { Participation } from './voting-rule';

// Base: 12 members, 12 present, 12 ballots issued and returned, 11 valid + 1 invalid, choose 2.
const BASE = buildCounts({
  valid: 11,
  invalid: 1,
  seats: 2,
  nominees: [line('A', 8, 3), line('B', 7, 2, 2)],
});
const CTX: CountsContext = { present: 12, rule: HD_FLAG_RULE };
const WITH_WRITTEN: CountsContext = {
  present: 10,
  rule: { ...HD_FLAG_RULE, allowWrittenAbsentee: true },
};
const ROOM_10 = {
  ballotsIssued: 10,
  ballotsReturned: 10,
  valid: 10,
  invalid: 0,
  nominees: [line('A', 8, 2), line('B', 7, 3)],
};
const excluded = (participation?: Record<string, Participation>): CountsContext => ({
  present: 12,
  rule: { ...HD_FLAG_RULE, selfVote: 'EXCLUDED' },
  participation: participation && new Map(Object.entries(participation)),
});

function codes(counts: BallotCounts, ctx: CountsContext = CTX): string[] {
  return checkCounts(counts, ctx).map((f) => f.code);
}

describe('checkCounts errors (RELIABILITY A3: one case per invariant)', () => {
  it.each<[string, Partial<BallotCounts>, CountsContext, string[]]>([
    ['accepts consistent counts', {}, CTX, []],
    [
      'rejects more ballots returned than issued',
      { ballotsIssued: 11, ballotsReturned: 12 },
      { ...CTX, present: 11 },
      ['COUNT_RETURNED_GT_ISSUED'],
    ],
    [
      'rejects more ballots issued than members entitled (and says nothing more about present)',
      { ballotsIssued: 13 },
      CTX,
      ['COUNT_ISSUED_GT_ENTITLED'],
    ],
    [
      'rejects more ballots issued than members present',
      { ballotsIssued: 12 },
      { ...CTX, present: 11 },
      ['COUNT_ISSUED_GT_PRESENT'],
    ],
    [
      'rejects more members present than entitled',
      {},
      { ...CTX, present: 13 },
      ['COUNT_PRESENT_GT_ENTITLED', 'COUNT_ISSUED_LT_PRESENT'],
    ],
    [
      'rejects valid + invalid ≠ returned',
      { valid: 10, nominees: [line('A', 8, 2), line('B', 7, 3)] },
      CTX,
      ['COUNT_VALID_INVALID_NE_RETURNED'],
    ],
    [
      'rejects a nominee line that does not add up to the valid ballots',
      { nominees: [line('A', 8, 2), line('B', 7, 2, 2)] },
      CTX,
      ['COUNT_NOMINEE_SUM_NE_VALID'],
    ],
    [
      'rejects more agree votes than valid ballots',
      { nominees: [line('A', 12, 0), line('B', 0, 11)] },
      CTX,
      ['COUNT_NOMINEE_SUM_NE_VALID', 'COUNT_AGREE_GT_VALID'],
    ],
    [
      'rejects more approvals than seats allow (choose-k, OpenSlides #6818)',
      { seats: 1 },
      CTX,
      ['COUNT_AGREE_TOTAL_GT_SEATS'],
    ],
    ['rejects zero seats', { seats: 0 }, CTX, ['COUNT_SEATS_LT_ONE']],
    ['rejects a ballot without nominees', { nominees: [] }, CTX, ['COUNT_NO_NOMINEES']],
    [
      'rejects a nominee listed twice',
      { seats: 3, nominees: [line('A', 8, 3), line('B', 7, 2, 2), line('A', 8, 3)] },
      CTX,
      ['COUNT_NOMINEE_DUPLICATE'],
    ],
  ])('%s', (_name, overrides, ctx, expected) => {
    expect(codes({ ...BASE, ...overrides }, ctx)).toEqual(expected);
  });

  it.each<[string, Partial<BallotCounts>, CountsContext, string]>([
    ['a negative count', { invalid: -1 }, CTX, 'invalid'],
    [
      'a fractional agree count',
      { nominees: [line('A', 8, 3), line('B', 7.5, 2, 1.5)] },
      CTX,
      'nominees[B].agree',
    ],
    ['a fractional attendance', {}, { ...CTX, present: 11.5 }, 'present'],
    ['a missing number', { ballotsIssued: Number.NaN }, CTX, 'ballotsIssued'],
    [
      'a negative written count',
      { written: { received: 1, valid: 1, invalid: -1, nominees: [] } },
      CTX,
      'written.invalid',
    ],
  ])('rejects %s and stops there', (_name, overrides, ctx, field) => {
    const findings = checkCounts({ ...BASE, ...overrides }, ctx);
    expect(findings.map((f) => [f.code, f.field])).toEqual([
      ['COUNT_NOT_NON_NEGATIVE_INTEGER', field],
      ...(field === 'nominees[B].agree'
        ? [['COUNT_NOT_NON_NEGATIVE_INTEGER', 'nominees[B].noOpinion']]
        : []),
    ]);
  });

  it('explains each error with the arithmetic, in Vietnamese', () => {
    const message = (counts: Partial<BallotCounts>, ctx: CountsContext = CTX): string[] =>
      checkCounts({ ...BASE, ...counts }, { ...ctx, names: new Map([['A', 'huyện Gia Lộc']]) }).map(
        (f) => f.message,
      );
    expect(message({ valid: 10, nominees: [line('A', 8, 2), line('B', 7, 3)] })).toEqual([
      'Số phiếu hợp lệ (10) + không hợp lệ (1) = 11, khác số phiếu thu về (12).',
    ]);
    expect(message({ ballotsIssued: 11 }, { ...CTX, present: 11 })).toEqual([
      'Số phiếu thu về (12) lớn hơn số phiếu phát ra (11).',
    ]);
    expect(message({ ballotsIssued: 13 })).toEqual([
      'Số phiếu phát ra (13) lớn hơn số thành viên có quyền biểu quyết (12).',
    ]);
    expect(message({}, { ...CTX, present: 11 })).toEqual([
      'Số phiếu phát ra (12) lớn hơn số thành viên có mặt (11).',
    ]);
    expect(message({ nominees: [line('A', 12, 0), line('B', 0, 11)] })).toEqual([
      'Huyện Gia Lộc: tán thành (12) + không tán thành (0) + không có ý kiến (0) = 12, khác số phiếu hợp lệ (11).',
      'Huyện Gia Lộc: số phiếu tán thành (12) lớn hơn số phiếu hợp lệ (11).',
    ]);
    expect(message({ seats: 1 })).toEqual([
      'Tổng số phiếu tán thành (15) lớn hơn số phiếu hợp lệ × số lượng được chọn (11 × 1 = 11): có phiếu chọn nhiều hơn số lượng được chọn.',
    ]);
    expect(message({ invalid: -1 })).toEqual([
      'Số phiếu không hợp lệ (invalid) phải là số nguyên không âm; đã nhập -1.',
    ]);
    expect(message({ seats: 0 })).toEqual([
      'Số lượng được chọn trên phiếu phải ít nhất là 1; đã nhập 0.',
    ]);
    expect(
      message({ seats: 3, nominees: [line('A', 8, 3), line('B', 7, 2, 2), line('A', 8, 3)] }),
    ).toEqual(['Huyện Gia Lộc xuất hiện 2 lần trong danh sách đề nghị.']);
  });
});

describe('checkCounts on written ballots of absent members (R8, ND 91/2017 art. 45.8 pattern)', () => {
  const written = (w: Partial<NonNullable<BallotCounts['written']>>): Partial<BallotCounts> => ({
    ...ROOM_10,
    written: {
      received: 2,
      valid: 2,
      invalid: 0,
      nominees: [line('A', 1, 1), line('B', 2, 0)],
      ...w,
    },
  });

  it.each<[string, Partial<BallotCounts>, CountsContext, string[]]>([
    ['accepts consistent written ballots', written({}), WITH_WRITTEN, []],
    ['accepts an explicit null', { written: null }, CTX, []],
    [
      'rejects them when the rule does not count them',
      written({}),
      { ...WITH_WRITTEN, rule: HD_FLAG_RULE },
      ['COUNT_WRITTEN_NOT_ALLOWED'],
    ],
    [
      'rejects more written ballots than absent members',
      written({ received: 3, invalid: 1 }),
      WITH_WRITTEN,
      ['COUNT_WRITTEN_GT_ABSENT'],
    ],
    [
      'rejects valid + invalid ≠ received',
      written({ received: 1 }),
      WITH_WRITTEN,
      ['COUNT_VALID_INVALID_NE_RETURNED'],
    ],
    [
      'rejects a different list of nominees',
      written({ nominees: [line('A', 1, 1), line('C', 2, 0)] }),
      WITH_WRITTEN,
      ['COUNT_WRITTEN_NOMINEES_MISMATCH'],
    ],
    [
      'rejects a written line that does not add up',
      written({ nominees: [line('A', 1, 0), line('B', 2, 0)] }),
      WITH_WRITTEN,
      ['COUNT_NOMINEE_SUM_NE_VALID'],
    ],
    [
      'rejects written approvals beyond the seats',
      {
        ...written({ nominees: [line('A', 2, 0), line('B', 2, 0)] }),
        seats: 1,
        nominees: [line('A', 5, 5), line('B', 5, 5)],
      },
      WITH_WRITTEN,
      ['COUNT_AGREE_TOTAL_GT_SEATS'],
    ],
  ])('%s', (_name, overrides, ctx, expected) => {
    expect(codes({ ...BASE, ...overrides }, ctx)).toEqual(expected);
  });

  it('explains written-ballot errors with the arithmetic', () => {
    const messages = (
      w: Partial<NonNullable<BallotCounts['written']>>,
      ctx = WITH_WRITTEN,
    ): string[] => checkCounts({ ...BASE, ...written(w) }, ctx).map((f) => f.message);
    expect(messages({ received: 3, invalid: 1 })).toEqual([
      'Số phiếu gửi bằng văn bản (3) lớn hơn số thành viên vắng mặt (12 − 10 = 2).',
    ]);
    expect(messages({ received: 1 })).toEqual([
      'Phiếu gửi bằng văn bản: số phiếu hợp lệ (2) + không hợp lệ (0) = 2, khác số phiếu nhận được (1).',
    ]);
    expect(messages({ nominees: [line('C', 2, 0)] })).toEqual([
      'Danh sách đơn vị trên phiếu gửi bằng văn bản khác danh sách trên phiếu tại hội nghị (thiếu: đơn vị A và đơn vị B; thừa: đơn vị C).',
    ]);
    expect(messages({ nominees: [line('A', 1, 1)] })).toEqual([
      'Danh sách đơn vị trên phiếu gửi bằng văn bản khác danh sách trên phiếu tại hội nghị (thiếu: đơn vị B).',
    ]);
    expect(messages({ nominees: [line('A', 1, 1), line('B', 2, 0), line('C', 0, 2)] })).toEqual([
      'Danh sách đơn vị trên phiếu gửi bằng văn bản khác danh sách trên phiếu tại hội nghị (thừa: đơn vị C).',
    ]);
    expect(messages({ nominees: [line('A', 1, 0), line('B', 2, 0)] })).toEqual([
      'Phiếu gửi bằng văn bản — đơn vị A: tán thành (1) + không tán thành (0) + không có ý kiến (0) = 1, khác số phiếu hợp lệ (2).',
    ]);
    expect(messages({}, { ...WITH_WRITTEN, rule: HD_FLAG_RULE })).toEqual([
      'Quy tắc bỏ phiếu không cho phép tính phiếu gửi bằng văn bản của thành viên vắng mặt, nhưng đã nhập 2 phiếu.',
    ]);
  });
});

describe('checkCounts under selfVote EXCLUDED (R10)', () => {
  // A's own ballot leaves its line: 10 of the 11 valid ballots bear on it.
  const ownLineLeftOut = { nominees: [line('A', 7, 3), line('B', 7, 2, 2)] };

  it.each<[string, Partial<BallotCounts>, CountsContext, string[]]>([
    [
      'accepts valid − 1 on the line of a nominee that voted in the room',
      ownLineLeftOut,
      excluded({ A: 'PRESENT' }),
      [],
    ],
    ['gives an unknown nominee the benefit of the doubt', ownLineLeftOut, excluded(), []],
    ['still accepts the full valid count (own ballot invalid)', {}, excluded({ A: 'PRESENT' }), []],
    [
      'rejects valid − 1 for a nominee that did not vote in the room',
      ownLineLeftOut,
      excluded({ A: 'ABSENT' }),
      ['COUNT_NOMINEE_SUM_NE_VALID'],
    ],
    [
      'rejects valid − 1 when self-votes are allowed',
      ownLineLeftOut,
      CTX,
      ['COUNT_NOMINEE_SUM_NE_VALID'],
    ],
    [
      'rejects valid − 2',
      { nominees: [line('A', 6, 3), line('B', 7, 2, 2)] },
      excluded({ A: 'PRESENT' }),
      ['COUNT_NOMINEE_SUM_NE_VALID'],
    ],
    [
      'allows no shortfall when there is no valid ballot',
      { valid: 0, invalid: 12, nominees: [line('A', 0, 0), line('B', 0, 0)] },
      excluded({ A: 'PRESENT' }),
      ['COUNT_INVALID_SHARE_HIGH'],
    ],
    [
      'accepts valid − 1 on a written line of a nominee that voted in writing',
      {
        ...ROOM_10,
        written: {
          received: 2,
          valid: 2,
          invalid: 0,
          nominees: [line('A', 1, 1), line('B', 1, 0)],
        },
      },
      {
        ...excluded({ B: 'WRITTEN' }),
        present: 10,
        rule: { ...HD_FLAG_RULE, selfVote: 'EXCLUDED', allowWrittenAbsentee: true },
      },
      [],
    ],
  ])('%s', (_name, overrides, ctx, expected) => {
    expect(codes({ ...BASE, ...overrides }, ctx)).toEqual(expected);
  });

  it('names both acceptable sums in the message', () => {
    const [finding] = checkCounts(
      { ...BASE, nominees: [line('A', 6, 3), line('B', 7, 2, 2)] },
      excluded({ A: 'PRESENT' }),
    );
    expect(finding?.message).toBe(
      'Đơn vị A: tán thành (6) + không tán thành (3) + không có ý kiến (0) = 9, khác số phiếu hợp lệ (11) và 10 (không tính phiếu của chính đơn vị).',
    );
  });
});

describe('checkCounts warnings (need an acknowledgement with a reason)', () => {
  it('warns when fewer ballots were issued than members present', () => {
    const findings = checkCounts(
      { ...BASE, ballotsIssued: 12, ballotsReturned: 12 },
      { ...CTX, present: 12 },
    );
    expect(findings).toEqual([]);
    const [w] = checkCounts(
      {
        ...BASE,
        ballotsIssued: 11,
        ballotsReturned: 11,
        valid: 10,
        nominees: [line('A', 8, 2), line('B', 7, 3)],
      },
      CTX,
    );
    expect(w).toMatchObject({
      code: 'COUNT_ISSUED_LT_PRESENT',
      severity: 'warning',
      message: 'Số phiếu phát ra (11) ít hơn số thành viên có mặt (12).',
    });
  });

  it.each<[string, number, number, CountsContext, boolean]>([
    ['2/12 = 16,7 % is above the default 10 %', 2, 12, CTX, true],
    ['1/10 = 10 % is not above 10 %', 1, 10, CTX, false],
    [
      '2/10 = 20 % is not above a configured 1/5',
      2,
      10,
      { ...CTX, invalidShareLimit: { numerator: 1, denominator: 5 } },
      false,
    ],
    ['no ballot returned gives no share', 0, 0, { ...CTX, present: 0 }, false],
  ])('invalid share: %s', (_name, invalid, returned, ctx, warned) => {
    const valid = returned - invalid;
    const counts = buildCounts({
      ballotsIssued: returned,
      ballotsReturned: returned,
      valid,
      invalid,
      nominees: [line('A', valid, 0)],
    });
    const found = checkCounts(counts, { ...ctx, present: returned }).filter(
      (f) => f.code === 'COUNT_INVALID_SHARE_HIGH',
    );
    expect(found.length > 0).toBe(warned);
    if (warned)
      expect(found[0]?.message).toBe('Tỷ lệ phiếu không hợp lệ 2/12 = 16,7 % vượt quá mức 10 %.');
  });

  it.each<[string, Partial<BallotCounts>, CountsContext, boolean]>([
    [
      'the vote leader is not the best scored nominee',
      {},
      { ...CTX, scoreRanking: ['X', 'B', 'A'] },
      true,
    ],
    [
      'the vote leader is the best scored nominee',
      {},
      { ...CTX, scoreRanking: ['X', 'A', 'B'] },
      false,
    ],
    ['no ranking is given', {}, CTX, false],
    ['no nominee is ranked', {}, { ...CTX, scoreRanking: ['X'] }, false],
    [
      'the most approved nominees are tied',
      { nominees: [line('A', 7, 4), line('B', 7, 2, 2)] },
      { ...CTX, scoreRanking: ['B', 'A'] },
      false,
    ],
    [
      'nobody is approved',
      { nominees: [line('A', 0, 11), line('B', 0, 11)] },
      { ...CTX, scoreRanking: ['B'] },
      false,
    ],
    [
      'written ballots are allowed but none came',
      {},
      { ...CTX, rule: { ...HD_FLAG_RULE, allowWrittenAbsentee: true }, scoreRanking: ['B', 'A'] },
      true,
    ],
    [
      'written ballots make the difference',
      {
        ...ROOM_10,
        nominees: [line('A', 7, 3), line('B', 7, 3)],
        written: {
          received: 2,
          valid: 2,
          invalid: 0,
          nominees: [line('A', 0, 2), line('B', 2, 0)],
        },
      },
      { ...WITH_WRITTEN, scoreRanking: ['A', 'B'] },
      true,
    ],
  ])('score linkage (product lessons (c)5), when %s', (_name, overrides, ctx, warned) => {
    const findings = checkCounts({ ...BASE, ...overrides }, ctx);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(findings.some((f) => f.code === 'COUNT_WINNER_NOT_SCORE_LEADER')).toBe(warned);
  });

  it('names both units in the score-linkage warning', () => {
    const [w] = checkCounts(BASE, {
      ...CTX,
      scoreRanking: ['B', 'A'],
      names: new Map([
        ['A', 'huyện Gia Lộc'],
        ['B', 'huyện Kim Thành'],
      ]),
    });
    expect(w).toEqual({
      code: 'COUNT_WINNER_NOT_SCORE_LEADER',
      severity: 'warning',
      message:
        'Huyện Gia Lộc có nhiều phiếu tán thành nhất (8) nhưng không phải đơn vị có điểm thi đua cao nhất trong danh sách đề nghị (huyện Kim Thành).',
      field: 'nominees[A]',
      params: { voteLeader: 'A', scoreLeader: 'B', agree: 8 },
    });
  });
});

describe('COUNT_FINDING_CODES', () => {
  it('lists distinct codes, errors before warnings', () => {
    expect(new Set(COUNT_FINDING_CODES).size).toBe(COUNT_FINDING_CODES.length);
    expect(COUNT_FINDING_CODES.slice(-3)).toEqual([
      'COUNT_ISSUED_LT_PRESENT',
      'COUNT_INVALID_SHARE_HIGH',
      'COUNT_WINNER_NOT_SCORE_LEADER',
    ]);
  });
});
