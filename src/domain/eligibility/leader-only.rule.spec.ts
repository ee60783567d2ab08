import { leaderOnlyRule } from './leader-only.rule';
import { buildContext, buildTierRule, codes, HD } from '../../../test/builders/eligibility';

describe('LEADER_ONLY (R3, Law 06/2022 art. 25.1)', () => {
  it.each([
    {
      name: 'passes the bloc leader',
      unitId: HD.TP_HAI_DUONG,
      leader: HD.TP_HAI_DUONG,
      complete: true,
      allow: false,
      ground: null,
      expected: [],
    },
    {
      name: 'rejects rank 2 (boundary: first non-leader)',
      unitId: HD.CAM_GIANG,
      leader: HD.TP_HAI_DUONG,
      complete: true,
      allow: false,
      ground: null,
      expected: ['LEADER_ONLY'],
    },
    {
      name: 'follows the recorded leader, not rank order (suy tôn)',
      unitId: HD.CAM_GIANG,
      leader: HD.CAM_GIANG,
      complete: true,
      allow: false,
      ground: null,
      expected: [],
    },
    {
      name: 'leaves an open ranking without a leader to RANKING_INCOMPLETE',
      unitId: HD.CAM_GIANG,
      leader: null,
      complete: false,
      allow: false,
      ground: null,
      expected: [],
    },
    {
      name: 'rejects when a complete ranking names no leader',
      unitId: HD.TP_HAI_DUONG,
      leader: null,
      complete: true,
      allow: false,
      ground: null,
      expected: ['LEADER_ONLY'],
    },
    {
      name: 'checks an open ranking that already names a leader',
      unitId: HD.CAM_GIANG,
      leader: HD.TP_HAI_DUONG,
      complete: false,
      allow: false,
      ground: null,
      expected: ['LEADER_ONLY'],
    },
    {
      name: 'turns a claimed art. 25.3 ground into a warning when the tier allows it',
      unitId: HD.CAM_GIANG,
      leader: HD.TP_HAI_DUONG,
      complete: true,
      allow: true,
      ground: 'Điều 25 khoản 3',
      expected: ['LEADER_EXCEPTION_CLAIMED'],
    },
    {
      name: 'rejects a blank ground even when the tier allows exceptions',
      unitId: HD.CAM_GIANG,
      leader: HD.TP_HAI_DUONG,
      complete: true,
      allow: true,
      ground: '   ',
      expected: ['LEADER_ONLY'],
    },
    {
      name: 'rejects a claimed ground when the tier allows no exception',
      unitId: HD.CAM_GIANG,
      leader: HD.TP_HAI_DUONG,
      complete: true,
      allow: false,
      ground: 'Điều 25 khoản 3',
      expected: ['LEADER_ONLY'],
    },
  ])('$name', ({ unitId, leader, complete, allow, ground, expected }) => {
    const ctx = buildContext({
      nomination: { unitId, leaderExceptionBasis: ground },
      ranking: { leaderUnitId: leader, complete },
    });
    expect(codes(leaderOnlyRule.evaluate(ctx, { allowException: allow }))).toEqual(expected);
  });

  it('names the rank and the leader', () => {
    const [f] = leaderOnlyRule.evaluate(
      buildContext({ nomination: { unitId: HD.CAM_GIANG } }),
      leaderOnlyRule.defaults,
    );
    expect(f).toMatchObject({
      severity: 'error',
      message:
        'Cờ thi đua của Chính phủ chỉ xét tặng tập thể dẫn đầu khối thi đua: huyện Cẩm Giàng xếp hạng 2/12, ' +
        'đơn vị dẫn đầu là thành phố Hải Dương.',
      params: { unitId: HD.CAM_GIANG, leaderUnitId: HD.TP_HAI_DUONG },
    });
  });

  it('says when the nominee is not in the ranking at all', () => {
    const ctx = buildContext({
      nomination: { unitId: HD.CAM_GIANG },
      ranking: { orderedUnitIds: [HD.TP_HAI_DUONG] },
    });
    expect(leaderOnlyRule.evaluate(ctx, { allowException: false })[0]?.message).toContain(
      'huyện Cẩm Giàng chưa có trong bảng xếp hạng',
    );
  });

  it('says when no leader has been determined', () => {
    const ctx = buildContext({ ranking: { leaderUnitId: null } });
    expect(leaderOnlyRule.evaluate(ctx, { allowException: false })[0]?.message).toBe(
      'Cờ thi đua của Chính phủ chỉ xét tặng tập thể dẫn đầu khối thi đua, nhưng khối năm 2023 chưa xác định đơn vị dẫn đầu.',
    );
  });

  it('quotes the claimed ground in the warning', () => {
    const ctx = buildContext({
      nomination: { unitId: HD.GIA_LOC, leaderExceptionBasis: ' Điều 25 khoản 3 ' },
    });
    expect(leaderOnlyRule.evaluate(ctx, { allowException: true })[0]).toMatchObject({
      severity: 'warning',
      field: 'leaderExceptionBasis',
      message:
        'Huyện Gia Lộc không dẫn đầu khối (xếp hạng 3/12) nhưng được đề nghị Cờ thi đua của Chính phủ theo căn cứ ngoại lệ: ' +
        '"Điều 25 khoản 3". Cần xác nhận căn cứ này.',
    });
  });

  it.each([
    {
      tier: buildTierRule({ leaderOnly: true, allowLeaderException: true }),
      args: { allowException: true },
    },
    { tier: buildTierRule({ leaderOnly: true }), args: { allowException: false } },
    { tier: buildTierRule({ leaderOnly: false }), args: null },
  ])('applies only to leader-only tiers: %j', ({ tier, args }) => {
    expect(leaderOnlyRule.fromTier(tier)).toEqual(args);
  });
});
