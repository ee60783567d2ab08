import type { TierRuleData, VotingRuleData } from './tiers';
import { resolveRuleOn, reviewReferenceDate, validateTierRule } from './tier-rules';

const voting = (over: Partial<VotingRuleData> = {}): VotingRuleData => ({
  body: 'BLOC',
  threshold: { numerator: 70, denominator: 100 },
  thresholdComparator: 'GTE',
  denominator: 'ALL_MEMBERS',
  quorum: { numerator: 2, denominator: 3 },
  quorumComparator: 'GTE',
  allowWrittenAbsentee: false,
  selfVote: 'ALLOWED',
  tieBreak: 'REVOTE',
  secretBallot: true,
  ...over,
});

const rule = (over: Partial<TierRuleData> = {}): TierRuleData => ({
  validFrom: '2024-01-01',
  validTo: '2025-06-30',
  legalDocument: 'Luật Thi đua, khen thưởng số 06/2022/QH15',
  legalArticle: 'Điều 25',
  perBlocQuota: 1,
  leaderOnly: true,
  provinceCap: { numerator: 1, denominator: 5 },
  votingRules: [voting()],
  ...over,
});

const codes = (
  r: TierRuleData,
  others: { id: number; validFrom: string; validTo: string | null }[] = [],
) => validateTierRule(r, others).map((f) => f.code);

describe('validateTierRule', () => {
  it('accepts a complete rule', () => {
    expect(codes(rule())).toEqual([]);
  });

  it.each<[string, Partial<TierRuleData>, string]>([
    ['an impossible start date', { validFrom: '2024-02-30' }, 'TIER_RULE_BAD_DATE'],
    ['an impossible end date', { validTo: '2025-13-01' }, 'TIER_RULE_BAD_DATE'],
    ['an end before the start', { validTo: '2023-12-31' }, 'TIER_RULE_PERIOD_REVERSED'],
    ['no legal document', { legalDocument: '  ' }, 'TIER_RULE_NO_LEGAL_BASIS'],
    ['a negative quota', { perBlocQuota: -1 }, 'TIER_RULE_BAD_QUOTA'],
    [
      'a cap above 100 %',
      { provinceCap: { numerator: 6, denominator: 5 } },
      'TIER_RULE_BAD_FRACTION',
    ],
    [
      'a zero threshold',
      { votingRules: [voting({ threshold: { numerator: 0, denominator: 1 } })] },
      'TIER_RULE_BAD_FRACTION',
    ],
    [
      'a quorum with zero denominator',
      { votingRules: [voting({ quorum: { numerator: 1, denominator: 0 } })] },
      'TIER_RULE_BAD_FRACTION',
    ],
    ['two rules for one body', { votingRules: [voting(), voting()] }, 'TIER_RULE_DUPLICATE_BODY'],
    [
      'no bloc voting rule',
      { votingRules: [voting({ body: 'COUNCIL' })] },
      'TIER_RULE_NO_BLOC_VOTING',
    ],
  ])('refuses %s', (_label, over, code) => {
    expect(codes(rule(over))).toContain(code);
  });

  it.each([
    // candidate period vs an existing one → overlaps?
    [
      { validFrom: '2025-07-01', validTo: null },
      { id: 1, validFrom: '2024-01-01', validTo: '2025-06-30' },
      false,
    ],
    [
      { validFrom: '2025-06-30', validTo: null },
      { id: 1, validFrom: '2024-01-01', validTo: '2025-06-30' },
      true,
    ], // shares one day
    [
      { validFrom: '2020-01-01', validTo: '2023-12-31' },
      { id: 1, validFrom: '2024-01-01', validTo: null },
      false,
    ],
    [
      { validFrom: '2020-01-01', validTo: null },
      { id: 1, validFrom: '2024-01-01', validTo: null },
      true,
    ],
  ])('overlap of %j with %j is %s', (period, other, overlaps) => {
    const found = codes(rule(period), [other]);
    expect(found.includes('TIER_RULE_OVERLAP')).toBe(overlaps);
  });
});

describe('resolveRuleOn and reviewReferenceDate', () => {
  const rules = [
    { id: 1, validFrom: '2024-01-01', validTo: '2025-06-30' },
    { id: 2, validFrom: '2025-07-01', validTo: null },
  ];
  it.each([
    ['2023-12-31', null],
    ['2024-01-01', 1],
    ['2025-06-30', 1],
    ['2025-07-01', 2],
    ['2030-01-01', 2],
  ])('on %s resolves rule %s', (date, id) => {
    expect(resolveRuleOn(rules, date)?.id ?? null).toBe(id);
  });

  it('reviews award year Y after it ends (the 2023 review falls under the 2024 regime)', () => {
    expect(reviewReferenceDate(2023)).toBe('2024-01-01');
    expect(resolveRuleOn(rules, reviewReferenceDate(2023))?.id).toBe(1);
  });
});
