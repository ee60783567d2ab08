import fc from 'fast-check';
import { provinceCapAllowance, provinceCapRule, type ProvinceCapArgs } from './province-cap.rule';
import { buildContext, buildTierRule, codes } from '../../../test/builders/eligibility';

const TWENTY_PERCENT = { numerator: 1, denominator: 5 };

describe('PROVINCE_CAP (R4, CV 5007/BNV-TĐKT: ≤ 20 % of bloc leaders, rounded down)', () => {
  it.each([
    {
      name: '5 leaders allow 1: the first passes',
      leaders: 5,
      existing: 0,
      minimumOne: false,
      expected: [],
    },
    {
      name: '5 leaders allow 1: a second is refused',
      leaders: 5,
      existing: 1,
      minimumOne: false,
      expected: ['PROVINCE_CAP'],
    },
    {
      name: '4 leaders allow 0 (floor of 0,8): refused',
      leaders: 4,
      existing: 0,
      minimumOne: false,
      expected: ['PROVINCE_CAP'],
    },
    {
      name: '1 leader allows 0: a single-bloc province is refused by default',
      leaders: 1,
      existing: 0,
      minimumOne: false,
      expected: ['PROVINCE_CAP'],
    },
    {
      name: '10 leaders allow 2: the second passes (cap exactly reached)',
      leaders: 10,
      existing: 1,
      minimumOne: false,
      expected: [],
    },
    {
      name: '14 leaders allow 2 (floor of 2,8): the third is refused',
      leaders: 14,
      existing: 2,
      minimumOne: false,
      expected: ['PROVINCE_CAP'],
    },
    {
      name: 'minimumOne lets a 1-leader province propose one',
      leaders: 1,
      existing: 0,
      minimumOne: true,
      expected: [],
    },
    {
      name: 'minimumOne still refuses a second',
      leaders: 1,
      existing: 1,
      minimumOne: true,
      expected: ['PROVINCE_CAP'],
    },
    {
      name: 'minimumOne gives nothing without any bloc leader',
      leaders: 0,
      existing: 0,
      minimumOne: true,
      expected: ['PROVINCE_CAP'],
    },
  ])('$name', ({ leaders, existing, minimumOne, expected }) => {
    const ctx = buildContext({
      province: { blocLeaderCount: leaders, sameTierNominationCount: existing },
    });
    expect(codes(provinceCapRule.evaluate(ctx, { cap: TWENTY_PERCENT, minimumOne }))).toEqual(
      expected,
    );
  });

  it('states the arithmetic', () => {
    const ctx = buildContext({ province: { blocLeaderCount: 4, sameTierNominationCount: 0 } });
    expect(provinceCapRule.evaluate(ctx, provinceCapRule.defaults)[0]).toMatchObject({
      severity: 'error',
      message:
        'Vượt trần toàn tỉnh của Cờ thi đua của Chính phủ: 1/0 đề nghị (đã có 0); tối đa 20% × 4 tập thể dẫn đầu cụm, ' +
        'khối thi đua = 0,8, làm tròn xuống còn 0.',
      params: { total: 1, allowed: 0, blocLeaderCount: 4, existing: 0 },
    });
  });

  it('says when the minimum of one was applied', () => {
    const ctx = buildContext({ province: { blocLeaderCount: 2, sameTierNominationCount: 1 } });
    expect(
      provinceCapRule.evaluate(ctx, { cap: TWENTY_PERCENT, minimumOne: true })[0]?.message,
    ).toBe(
      'Vượt trần toàn tỉnh của Cờ thi đua của Chính phủ: 2/1 đề nghị (đã có 1); tối đa 20% × 2 tập thể dẫn đầu cụm, ' +
        'khối thi đua = 0,4, làm tròn xuống còn 0, nâng lên tối thiểu 1 theo cấu hình của tỉnh.',
    );
  });

  it('writes a share with no short decimal as a fraction and marks rounding', () => {
    const ctx = buildContext({ province: { blocLeaderCount: 4, sameTierNominationCount: 1 } });
    expect(
      provinceCapRule.evaluate(ctx, { cap: { numerator: 1, denominator: 3 }, minimumOne: false })[0]
        ?.message,
    ).toContain('tối đa 1/3 × 4 tập thể dẫn đầu cụm, khối thi đua = ≈ 1,33, làm tròn xuống còn 1.');
  });

  it.each([
    { provinceCap: TWENTY_PERCENT, args: { cap: TWENTY_PERCENT } },
    { provinceCap: null, args: null },
  ])('applies only to a tier with a province cap: %j', ({ provinceCap, args }) => {
    expect(provinceCapRule.fromTier(buildTierRule({ provinceCap }))).toEqual(args);
  });

  it('defaults to 20 % without the minimum of one', () => {
    expect(provinceCapRule.defaults).toEqual({ cap: TWENTY_PERCENT, minimumOne: false });
  });

  it('refuses exactly when (existing + 1) × denominator > numerator × leaders (property)', () => {
    const capArb = fc
      .tuple(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 0, max: 100 }))
      .map(([den, n]) => ({ numerator: Math.min(n, den), denominator: den }));
    fc.assert(
      fc.property(
        capArb,
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 200 }),
        (cap, leaders, existing) => {
          const args: ProvinceCapArgs = { cap, minimumOne: false };
          const ctx = buildContext({
            province: { blocLeaderCount: leaders, sameTierNominationCount: existing },
          });
          const refused = provinceCapRule.evaluate(ctx, args).length > 0;
          expect(refused).toBe((existing + 1) * cap.denominator > cap.numerator * leaders);
        },
      ),
    );
  });

  it('never allows fewer with minimumOne, and at most one more (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), (leaders) => {
        const plain = provinceCapAllowance(leaders, { cap: TWENTY_PERCENT, minimumOne: false });
        const raised = provinceCapAllowance(leaders, { cap: TWENTY_PERCENT, minimumOne: true });
        expect(raised - plain).toBe(leaders > 0 && plain === 0 ? 1 : 0);
      }),
    );
  });
});
