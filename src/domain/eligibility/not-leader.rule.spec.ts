import { notLeaderRule } from './not-leader.rule';
import { buildContext, buildTierRule, codes, HD, peer } from '../../../test/builders/eligibility';

describe('NOT_LEADER (R6 warning)', () => {
  it.each([
    {
      name: 'passes the leader nominated for a flag',
      unitId: HD.TP_HAI_DUONG,
      tier: 'PROV_FLAG',
      leader: HD.TP_HAI_DUONG,
      expected: [],
    },
    {
      name: 'warns for rank 2 nominated for the provincial flag',
      unitId: HD.CAM_GIANG,
      tier: 'PROV_FLAG',
      leader: HD.TP_HAI_DUONG,
      expected: ['NOT_LEADER'],
    },
    {
      name: 'warns for a non-leader nominated for an open Government flag',
      unitId: HD.CAM_GIANG,
      tier: 'GOV_FLAG',
      leader: HD.TP_HAI_DUONG,
      expected: ['NOT_LEADER'],
    },
    {
      name: 'does not warn for a Certificate of Merit',
      unitId: HD.GIA_LOC,
      tier: 'PROV_MERIT',
      leader: HD.TP_HAI_DUONG,
      expected: [],
    },
    {
      name: 'stays silent while no leader is known (RANKING_INCOMPLETE speaks)',
      unitId: HD.CAM_GIANG,
      tier: 'PROV_FLAG',
      leader: null,
      expected: [],
    },
  ])('$name', ({ unitId, tier, leader, expected }) => {
    const ctx = buildContext({
      nomination: { unitId, tierCode: tier },
      ranking: { leaderUnitId: leader },
    });
    expect(codes(notLeaderRule.evaluate(ctx, notLeaderRule.defaults))).toEqual(expected);
  });

  it('lists the leader and the tier it is proposed for, skipping inactive nominations', () => {
    const ctx = buildContext({
      nomination: { unitId: HD.CAM_GIANG, tierCode: 'PROV_FLAG' },
      otherNominations: [
        peer(HD.TP_HAI_DUONG, 'GOV_FLAG'),
        peer(HD.TP_HAI_DUONG, 'PROV_FLAG', 'WITHDRAWN'),
      ],
    });
    expect(notLeaderRule.evaluate(ctx, notLeaderRule.defaults)[0]).toMatchObject({
      severity: 'warning',
      message:
        'Huyện Cẩm Giàng không phải đơn vị dẫn đầu khối (xếp hạng 2/12); đơn vị dẫn đầu là thành phố Hải Dương ' +
        '(được đề nghị Cờ thi đua của Chính phủ). Cờ thi đua của Ủy ban nhân dân tỉnh thường dành cho tập thể dẫn đầu khối: cần ghi rõ lý do.',
      params: { unitId: HD.CAM_GIANG, leaderUnitId: HD.TP_HAI_DUONG },
    });
  });

  it('omits the leader’s tier when the leader has no nomination', () => {
    const ctx = buildContext({ nomination: { unitId: HD.CAM_GIANG, tierCode: 'PROV_FLAG' } });
    expect(notLeaderRule.evaluate(ctx, notLeaderRule.defaults)[0]?.message).toContain(
      'đơn vị dẫn đầu là thành phố Hải Dương. ',
    );
  });

  it('uses the configured tier codes', () => {
    const ctx = buildContext({ nomination: { unitId: HD.GIA_LOC, tierCode: 'PROV_MERIT' } });
    expect(codes(notLeaderRule.evaluate(ctx, { tierCodes: ['PROV_MERIT'] }))).toEqual([
      'NOT_LEADER',
    ]);
  });

  it.each([
    { leaderOnly: false, args: {} },
    { leaderOnly: true, args: null },
  ])(
    'applies only when the tier is not leader-only (leaderOnly $leaderOnly)',
    ({ leaderOnly, args }) => {
      expect(notLeaderRule.fromTier(buildTierRule({ leaderOnly }))).toEqual(args);
    },
  );
});
