import { buildContext, codes } from '../../../test/builders/eligibility';
import { unitNotYetValidRule } from './unit-not-yet-valid.rule';

describe('UNIT_NOT_YET_VALID (R13)', () => {
  it.each([
    { name: 'passes a unit existing before the year', validFrom: '2019-01-01', expected: [] },
    {
      name: 'passes a unit created on the last day of the year (boundary)',
      validFrom: '2023-12-31',
      expected: [],
    },
    {
      name: 'rejects a unit created the day after the year ended',
      validFrom: '2024-01-01',
      expected: ['UNIT_NOT_YET_VALID'],
    },
    {
      name: 'rejects a 2025 commune nominated for 2023',
      validFrom: '2025-07-01',
      expected: ['UNIT_NOT_YET_VALID'],
    },
  ])('$name', ({ validFrom, expected }) => {
    const ctx = buildContext({ unit: { validFrom } });
    expect(codes(unitNotYetValidRule.evaluate(ctx, unitNotYetValidRule.defaults))).toEqual(
      expected,
    );
  });

  it('states the start date and the year', () => {
    const [f] = unitNotYetValidRule.evaluate(
      buildContext({ unit: { validFrom: '2025-07-01' } }),
      {},
    );
    expect(f?.message).toBe(
      'Thành phố Hải Dương chỉ có hiệu lực từ ngày 01/07/2025, sau khi năm thi đua 2023 đã kết thúc.',
    );
  });
});
