import {
  agreedLines,
  HAI_DUONG_2023_SET as SET,
  pts,
} from '../../../test/builders/hai-duong-2023.fixture';
import type { ScoreLine } from './score-lines';
import { computeUnitTotals } from './totals';

const line = (code: string, points: number): ScoreLine => ({ code, value: pts(points) });

describe('computeUnitTotals', () => {
  it.each<
    [
      string,
      number,
      ScoreLine[],
      {
        criteria: number;
        bonusEntered: number;
        bonus: number;
        penaltyEntered: number;
        penalty: number;
        grand: number;
      },
    ]
  >([
    [
      'full marks',
      0,
      [],
      { criteria: 1000, bonusEntered: 0, bonus: 0, penaltyEntered: 0, penalty: 0, grand: 1000 },
    ],
    [
      'TP Hải Dương 2023 (968)',
      32,
      [],
      { criteria: 968, bonusEntered: 0, bonus: 0, penaltyEntered: 0, penalty: 0, grand: 968 },
    ],
    [
      'a bonus',
      50,
      [line('B1', 10)],
      { criteria: 950, bonusEntered: 10, bonus: 10, penaltyEntered: 0, penalty: 0, grand: 960 },
    ],
    [
      'a penalty',
      50,
      [line('P2', 5)],
      { criteria: 950, bonusEntered: 0, bonus: 0, penaltyEntered: 5, penalty: 5, grand: 945 },
    ],
    [
      'bonuses exactly at the overall cap',
      0,
      [line('B1', 10), line('B2', 15), line('B3', 25)],
      { criteria: 1000, bonusEntered: 50, bonus: 50, penaltyEntered: 0, penalty: 0, grand: 1050 },
    ],
    [
      'bonuses above the overall cap (capped)',
      0,
      [line('B1', 10), line('B2', 15), line('B3', 40)],
      { criteria: 1000, bonusEntered: 65, bonus: 50, penaltyEntered: 0, penalty: 0, grand: 1050 },
    ],
    [
      'penalties one hundredth above the overall cap (capped)',
      100,
      [line('P1', 30), line('P2', 20), line('P3', 0.01)],
      { criteria: 900, bonusEntered: 0, bonus: 0, penaltyEntered: 50.01, penalty: 50, grand: 850 },
    ],
    [
      'decimal points, exactly (no floating drift)',
      12.5,
      [line('B3', 0.1), line('B1', 0.2), line('P2', 0.3)],
      {
        criteria: 987.5,
        bonusEntered: 0.3,
        bonus: 0.3,
        penaltyEntered: 0.3,
        penalty: 0.3,
        grand: 987.5,
      },
    ],
    [
      'bonus and penalty together',
      45,
      [line('B1', 10), line('P1', 2.25)],
      {
        criteria: 955,
        bonusEntered: 10,
        bonus: 10,
        penaltyEntered: 2.25,
        penalty: 2.25,
        grand: 962.75,
      },
    ],
  ])('totals %s', (_label, shortfall, extra, expected) => {
    const result = computeUnitTotals(SET, agreedLines(SET, pts(shortfall), extra));
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({
        criteriaTotal: pts(expected.criteria),
        bonusEntered: pts(expected.bonusEntered),
        bonusTotal: pts(expected.bonus),
        penaltyEntered: pts(expected.penaltyEntered),
        penaltyTotal: pts(expected.penalty),
        grandTotal: pts(expected.grand),
      }),
    });
  });

  it('gives a subtotal for every group, in set order', () => {
    const result = computeUnitTotals(SET, agreedLines(SET, pts(80.5)));
    expect(result.ok && result.value.groups).toEqual([
      { groupCode: 'I', subtotal: pts(400), maxPoints: pts(400) },
      { groupCode: 'II', subtotal: pts(200), maxPoints: pts(200) },
      { groupCode: 'III', subtotal: pts(150), maxPoints: pts(150) },
      { groupCode: 'IV', subtotal: pts(150), maxPoints: pts(150) },
      { groupCode: 'V', subtotal: pts(19.5), maxPoints: pts(100) },
    ]);
  });

  it('lists criteria without an agreed value instead of counting them as zero', () => {
    const lines = agreedLines(SET, 0).filter((l) => l.code !== 'I.2' && l.code !== 'V.1');
    const result = computeUnitTotals(SET, lines);
    expect(result).toEqual({
      ok: false,
      error: {
        missingCriteria: ['I.2', 'V.1'],
        findings: [
          expect.objectContaining({
            code: 'SCORE_MISSING',
            message: 'Tiêu chí I.2 chưa có điểm thống nhất.',
          }),
          expect.objectContaining({
            code: 'SCORE_MISSING',
            message: 'Tiêu chí V.1 chưa có điểm thống nhất.',
          }),
        ],
      },
    });
  });

  it('treats a criterion scored zero as scored, not missing', () => {
    const lines = agreedLines(SET, 0).map((l) => (l.code === 'I.2' ? { ...l, value: 0 } : l));
    const result = computeUnitTotals(SET, lines);
    expect(result.ok && result.value.grandTotal).toBe(pts(900));
  });

  it.each<[string, ScoreLine[], string[], string[]]>([
    ['a value above its maximum', [line('I.1', 100.01)], ['SCORE_ABOVE_MAX'], []],
    [
      'an unknown code, with I.1 missing',
      [line('Z', 1)],
      ['SCORE_UNKNOWN_CODE', 'SCORE_MISSING'],
      ['I.1'],
    ],
    [
      'a bonus above its item cap, with I.1 missing',
      [line('B2', 15.01)],
      ['BONUS_ABOVE_CAP', 'SCORE_MISSING'],
      ['I.1'],
    ],
    ['a criterion scored twice', [line('I.1', 90), line('I.1', 95)], ['SCORE_DUPLICATE_LINE'], []],
  ])('refuses to total %s', (_label, extra, codes, missing) => {
    const lines = agreedLines(SET, 0).filter((l) => l.code !== 'I.1');
    const result = computeUnitTotals(SET, [...lines, ...extra]);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.findings.map((f) => f.code)).toEqual(codes);
    expect(!result.ok && result.error.missingCriteria).toEqual(missing);
  });
});
