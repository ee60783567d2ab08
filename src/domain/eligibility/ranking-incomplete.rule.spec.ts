import { rankingIncompleteRule } from './ranking-incomplete.rule';
import { buildContext, buildTierRule } from '../../../test/builders/eligibility';

describe('RANKING_INCOMPLETE', () => {
  it.each([
    {
      name: 'passes a complete ranking of a leader-only tier',
      complete: true,
      blocking: true,
      expected: [],
    },
    {
      name: 'passes a complete ranking of another tier',
      complete: true,
      blocking: false,
      expected: [],
    },
    {
      name: 'blocks a leader-only tier while the ranking is open',
      complete: false,
      blocking: true,
      expected: ['error'],
    },
    {
      name: 'only warns for another tier while the ranking is open',
      complete: false,
      blocking: false,
      expected: ['warning'],
    },
  ])('$name', ({ complete, blocking, expected }) => {
    const ctx = buildContext({ ranking: { complete } });
    expect(rankingIncompleteRule.evaluate(ctx, { blocking }).map((f) => f.severity)).toEqual(
      expected,
    );
  });

  it.each([
    { leaderOnly: true, blocking: true },
    { leaderOnly: false, blocking: false },
  ])('takes blocking = leaderOnly ($leaderOnly) from the tier', ({ leaderOnly, blocking }) => {
    expect(rankingIncompleteRule.fromTier(buildTierRule({ leaderOnly }))).toEqual({ blocking });
  });

  it('explains why it blocks or warns', () => {
    const ctx = buildContext({ ranking: { complete: false } });
    expect(rankingIncompleteRule.evaluate(ctx, { blocking: true })[0]?.message).toBe(
      'Bảng xếp hạng của khối năm 2023 chưa hoàn tất; chưa thể xác định đơn vị dẫn đầu để xét Cờ thi đua của Chính phủ.',
    );
    expect(rankingIncompleteRule.evaluate(ctx, rankingIncompleteRule.defaults)[0]?.message).toBe(
      'Bảng xếp hạng của khối năm 2023 chưa hoàn tất; kết quả xét Cờ thi đua của Chính phủ có thể thay đổi.',
    );
  });
});
