import { citeLegalBasis, legalBasisOn } from './rule';
import { buildContext, codes, HD } from '../../../test/builders/eligibility';
import { unitDissolvedRule } from './unit-dissolved.rule';

describe('UNIT_DISSOLVED (R13, TT 15/2025/TT-BNV)', () => {
  it.each([
    {
      name: 'passes a unit that still exists (validTo null)',
      validTo: null,
      date: '2025-09-01',
      expected: [],
    },
    {
      name: 'passes a decision before validTo',
      validTo: '2025-06-30',
      date: '2024-03-28',
      expected: [],
    },
    {
      name: 'passes a decision on validTo itself (valid through validTo inclusive)',
      validTo: '2025-06-30',
      date: '2025-06-30',
      expected: [],
    },
    {
      name: 'rejects a decision the day after validTo',
      validTo: '2025-06-30',
      date: '2025-07-01',
      expected: ['UNIT_DISSOLVED'],
    },
    {
      name: 'rejects a decision long after validTo',
      validTo: '2025-06-30',
      date: '2025-09-01',
      expected: ['UNIT_DISSOLVED'],
    },
  ])('$name', ({ validTo, date, expected }) => {
    const ctx = buildContext({
      nomination: { unitId: HD.CAM_GIANG, referenceDate: date },
      unit: { validTo },
    });
    expect(codes(unitDissolvedRule.evaluate(ctx, unitDissolvedRule.defaults))).toEqual(expected);
  });

  it('states both dates in the Vietnamese form', () => {
    const ctx = buildContext({ nomination: { unitId: HD.CAM_GIANG, referenceDate: '2025-09-01' } });
    expect(unitDissolvedRule.evaluate(ctx, {})[0]).toMatchObject({
      severity: 'error',
      message:
        'Huyện Cẩm Giàng chỉ còn hiệu lực đến hết ngày 30/06/2025, trước ngày quyết định 01/09/2025: ' +
        'không khen thưởng đơn vị đã giải thể sau sắp xếp tổ chức bộ máy.',
      params: { unitId: HD.CAM_GIANG, validTo: '2025-06-30', referenceDate: '2025-09-01' },
    });
  });

  it('cites TT 15/2025/TT-BNV for decisions from its date (04/8/2025)', () => {
    expect(unitDissolvedRule.legalBasis?.document).toContain('15/2025/TT-BNV');
    expect(legalBasisOn(unitDissolvedRule, '2025-08-04')?.document).toContain('15/2025/TT-BNV');
    expect(legalBasisOn(unitDissolvedRule, '2025-09-01')?.document).toContain('15/2025/TT-BNV');
  });

  it('cites no instrument dated after the decision: none for a 2023 nomination decided in 2024', () => {
    expect(legalBasisOn(unitDissolvedRule, '2024-01-01')).toBeNull();
    expect(legalBasisOn(unitDissolvedRule, '2025-08-03')).toBeNull();
  });

  it('writes the article before the instrument it belongs to', () => {
    expect(
      citeLegalBasis({ document: 'Luật Thi đua, khen thưởng số 06/2022/QH15', article: 'Điều 26' }),
    ).toBe('Điều 26 Luật Thi đua, khen thưởng số 06/2022/QH15');
    expect(citeLegalBasis({ document: 'Công văn số 5007/BNV-TĐKT', article: null })).toBe(
      'Công văn số 5007/BNV-TĐKT',
    );
  });
});
