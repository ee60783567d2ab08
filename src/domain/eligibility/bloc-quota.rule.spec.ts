import { blocQuotaRule } from './bloc-quota.rule';
import type { PeerNomination } from './context';
import { buildContext, buildTierRule, codes, HD, peer } from '../../../test/builders/eligibility';

describe('BLOC_QUOTA (R5)', () => {
  const cases: { name: string; quota: number; others: PeerNomination[]; expected: string[] }[] = [
    {
      name: 'passes the first nomination under quota 1 (quota exactly reached)',
      quota: 1,
      others: [],
      expected: [],
    },
    {
      name: 'rejects a second nomination under quota 1',
      quota: 1,
      others: [peer(HD.CHI_LINH, 'PROV_FLAG')],
      expected: ['BLOC_QUOTA'],
    },
    {
      name: 'passes the second nomination under quota 2 (exactly reached)',
      quota: 2,
      others: [peer(HD.KIM_THANH, 'PROV_FLAG')],
      expected: [],
    },
    {
      name: 'rejects the third nomination under quota 2',
      quota: 2,
      others: [peer(HD.KIM_THANH, 'PROV_FLAG'), peer(HD.CHI_LINH, 'PROV_FLAG')],
      expected: ['BLOC_QUOTA'],
    },
    {
      name: 'rejects any nomination under quota 0',
      quota: 0,
      others: [],
      expected: ['BLOC_QUOTA'],
    },
    {
      name: 'does not count other tiers',
      quota: 1,
      others: [peer(HD.KIM_THANH, 'PROV_MERIT'), peer(HD.TP_HAI_DUONG, 'GOV_FLAG')],
      expected: [],
    },
    {
      name: 'does not count withdrawn, rejected or cut nominations',
      quota: 1,
      others: [
        peer(HD.KIM_THANH, 'PROV_FLAG', 'WITHDRAWN'),
        peer(HD.CHI_LINH, 'PROV_FLAG', 'REJECTED'),
        peer(5, 'PROV_FLAG', 'CUT'),
      ],
      expected: [],
    },
  ];
  it.each(cases)('$name', ({ quota, others, expected }) => {
    const ctx = buildContext({
      nomination: { unitId: HD.CAM_GIANG, tierCode: 'PROV_FLAG' },
      otherNominations: others,
    });
    expect(codes(blocQuotaRule.evaluate(ctx, { quota }))).toEqual(expected);
  });

  it('states the count over the quota and names the nominees', () => {
    const ctx = buildContext({
      nomination: { unitId: HD.CAM_GIANG, tierCode: 'PROV_FLAG' },
      otherNominations: [peer(HD.CHI_LINH, 'PROV_FLAG')],
    });
    expect(blocQuotaRule.evaluate(ctx, blocQuotaRule.defaults)[0]).toMatchObject({
      severity: 'error',
      message:
        'Vượt chỉ tiêu Cờ thi đua của Ủy ban nhân dân tỉnh của khối năm 2023: 2/1 đề nghị (huyện Cẩm Giàng và thành phố Chí Linh).',
      params: { count: 2, quota: 1 },
    });
  });

  it.each([
    { perBlocQuota: 2, args: { quota: 2 } },
    { perBlocQuota: 0, args: { quota: 0 } },
    { perBlocQuota: null, args: null },
  ])('takes the quota from the tier ($perBlocQuota)', ({ perBlocQuota, args }) => {
    expect(blocQuotaRule.fromTier(buildTierRule({ perBlocQuota }))).toEqual(args);
  });
});
