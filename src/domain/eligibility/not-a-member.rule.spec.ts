import { notAMemberRule } from './not-a-member.rule';
import { buildContext, buildTierRule, codes, HD } from '../../../test/builders/eligibility';

describe('NOT_A_MEMBER', () => {
  it.each([
    {
      name: 'passes for a member of the bloc term',
      unitId: HD.CAM_GIANG,
      members: [1, 2, 3],
      expected: [],
    },
    {
      name: 'passes for the only member (boundary: one-unit bloc)',
      unitId: HD.CAM_GIANG,
      members: [2],
      expected: [],
    },
    {
      name: 'rejects a unit outside the bloc term',
      unitId: 99,
      members: [1, 2, 3],
      expected: ['NOT_A_MEMBER'],
    },
    {
      name: 'rejects any unit of an empty bloc term',
      unitId: HD.CAM_GIANG,
      members: [],
      expected: ['NOT_A_MEMBER'],
    },
  ])('$name', ({ unitId, members, expected }) => {
    const ctx = buildContext({ nomination: { unitId }, blocTerm: { memberUnitIds: members } });
    expect(codes(notAMemberRule.evaluate(ctx, notAMemberRule.defaults))).toEqual(expected);
  });

  it('names the unit and the year, capitalised, as an error on unitId', () => {
    const [f] = notAMemberRule.evaluate(buildContext({ nomination: { unitId: 99 } }), {});
    expect(f).toMatchObject({
      severity: 'error',
      field: 'unitId',
      message: 'Xã Thử Nghiệm 99 không phải là thành viên của khối thi đua năm 2023.',
    });
  });

  it('applies to every tier', () => {
    expect(notAMemberRule.fromTier(buildTierRule())).toEqual({});
  });
});
