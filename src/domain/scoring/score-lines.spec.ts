import {
  agreedLines,
  HAI_DUONG_2023_SET as SET,
  pts,
} from '../../../test/builders/hai-duong-2023.fixture';
import { validateScoreSheet, validateScoreValues, type ScoreLine } from './score-lines';

const line = (code: string, points: number, reason?: string): ScoreLine =>
  reason === undefined ? { code, value: pts(points) } : { code, value: pts(points), reason };

describe('validateScoreValues', () => {
  it('accepts a full sheet at the maxima', () => {
    expect(validateScoreValues(SET, agreedLines(SET, 0))).toEqual([]);
  });

  it.each<[string, ScoreLine[], string[]]>([
    ['a criterion exactly at its maximum', [line('I.1', 100)], []],
    ['a criterion one hundredth above its maximum', [line('I.1', 100.01)], ['SCORE_ABOVE_MAX']],
    ['a criterion at zero', [line('I.1', 0)], []],
    ['a criterion one hundredth below zero', [line('I.1', -0.01)], ['SCORE_NEGATIVE']],
    ['a negative penalty', [line('P1', -5)], ['SCORE_NEGATIVE']],
    ['a value finer than 0,01', [{ code: 'I.1', value: 1234.5 }], ['SCORE_NOT_HUNDREDTHS']],
    ['an unknown code', [line('X.9', 1)], ['SCORE_UNKNOWN_CODE']],
    ['the same criterion twice', [line('I.1', 90), line('I.1', 95)], ['SCORE_DUPLICATE_LINE']],
    ['a bonus exactly at its cap', [line('B1', 10)], []],
    ['a bonus one hundredth above its cap', [line('B1', 10.01)], ['BONUS_ABOVE_CAP']],
    ['a penalty exactly at its cap', [line('P2', 20)], []],
    ['a penalty one hundredth above its cap', [line('P2', 20.01)], ['PENALTY_ABOVE_CAP']],
    [
      'bonuses adding up exactly to the overall cap',
      [line('B1', 10), line('B2', 15), line('B3', 25)],
      [],
    ],
    [
      'bonuses one hundredth above the overall cap',
      [line('B1', 10), line('B2', 15), line('B3', 25.01)],
      ['BONUS_TOTAL_CAPPED'],
    ],
    ['penalties adding up exactly to the overall cap', [line('P1', 30), line('P2', 20)], []],
    [
      'penalties one hundredth above the overall cap',
      [line('P1', 30), line('P2', 20), line('P3', 0.01)],
      ['PENALTY_TOTAL_CAPPED'],
    ],
  ])('checks %s', (_label, lines, expected) => {
    expect(validateScoreValues(SET, lines).map((f) => f.code)).toEqual(expected);
  });

  it.each<[ScoreLine[], string, 'error' | 'warning', string]>([
    [
      [line('I.1', 100.01)],
      'SCORE_ABOVE_MAX',
      'error',
      'Điểm của tiêu chí I.1 là 100,01, vượt điểm tối đa 100 (thừa 0,01 điểm).',
    ],
    [
      [line('B1', 12)],
      'BONUS_ABOVE_CAP',
      'error',
      'Điểm của khoản cộng điểm B1 là 12, vượt mức tối đa 10 (thừa 2 điểm).',
    ],
    [
      [line('P2', 20.5)],
      'PENALTY_ABOVE_CAP',
      'error',
      'Điểm của khoản trừ điểm P2 là 20,5, vượt mức tối đa 20 (thừa 0,5 điểm).',
    ],
    [
      [line('I.1', -0.01)],
      'SCORE_NEGATIVE',
      'error',
      'Điểm của tiêu chí I.1 là -0,01, không được âm.',
    ],
    [
      [line('P1', -5)],
      'SCORE_NEGATIVE',
      'error',
      'Điểm của khoản trừ điểm P1 là -5, không được âm (điểm trừ được nhập bằng số dương).',
    ],
    [
      [{ code: 'I.1', value: 1234.5 }],
      'SCORE_NOT_HUNDREDTHS',
      'error',
      'Điểm của tiêu chí I.1 (12,345) chỉ được lấy đến hai chữ số thập phân.',
    ],
    [[line('X.9', 1)], 'SCORE_UNKNOWN_CODE', 'error', 'Mã “X.9” không có trong bộ tiêu chí.'],
    [
      [line('B1', 1), line('B1', 2)],
      'SCORE_DUPLICATE_LINE',
      'error',
      'Khoản cộng điểm B1 được chấm hơn một lần trong cùng bảng điểm.',
    ],
    [
      [line('B1', 10), line('B2', 15), line('B3', 25.01)],
      'BONUS_TOTAL_CAPPED',
      'warning',
      'Tổng điểm cộng là 50,01, vượt mức cộng tối đa 50; chỉ được tính 50 điểm.',
    ],
    [
      [line('P1', 30), line('P2', 20), line('P3', 25)],
      'PENALTY_TOTAL_CAPPED',
      'warning',
      'Tổng điểm trừ là 75, vượt mức trừ tối đa 50; chỉ bị trừ 50 điểm.',
    ],
  ])('explains %j as %s (%s)', (lines, code, severity, message) => {
    expect(validateScoreValues(SET, lines)).toEqual([
      expect.objectContaining({ code, severity, message }),
    ]);
  });

  it('points at the offending line and carries the numbers in centipoints', () => {
    expect(validateScoreValues(SET, [line('I.2', 50), line('I.1', 100.01)])).toEqual([
      {
        code: 'SCORE_ABOVE_MAX',
        severity: 'error',
        message: expect.any(String),
        field: 'lines[1].value',
        params: { code: 'I.1', value: 10001, limit: 10000 },
      },
    ]);
  });
});

describe('validateScoreSheet', () => {
  const self = [line('I.1', 100), line('I.2', 80), line('B1', 10)];

  it.each<[string, ScoreLine[], string[]]>([
    ['unchanged values need no reason', [line('I.1', 100), line('I.2', 80)], []],
    ['a lowered value without a reason', [line('I.1', 95)], ['REVIEW_REASON_REQUIRED']],
    ['a raised value without a reason', [line('I.2', 80.01)], ['REVIEW_REASON_REQUIRED']],
    ['a changed value with a reason', [line('I.1', 95, 'Thiếu minh chứng tăng trưởng quý IV')], []],
    ['a changed value with a blank reason', [line('I.1', 95, '   ')], ['REVIEW_REASON_REQUIRED']],
    ['a value the unit did not self-assess', [line('I.3', 70)], ['REVIEW_REASON_REQUIRED']],
    ['a changed bonus without a reason', [line('B1', 0)], ['REVIEW_REASON_REQUIRED']],
    ['an unknown code (no reason check)', [line('X.1', 1)], ['SCORE_UNKNOWN_CODE']],
    [
      'a changed value above the maximum',
      [line('I.1', 100.5)],
      ['SCORE_ABOVE_MAX', 'REVIEW_REASON_REQUIRED'],
    ],
  ])('REVIEW: %s', (_label, lines, expected) => {
    const findings = validateScoreSheet(SET, { stage: 'REVIEW', lines, previousLines: self });
    expect(findings.map((f) => f.code)).toEqual(expected);
  });

  it('SELF: requires no reason', () => {
    expect(validateScoreSheet(SET, { stage: 'SELF', lines: [line('I.1', 95)] })).toEqual([]);
  });

  it('SELF: still checks the values', () => {
    expect(
      validateScoreSheet(SET, { stage: 'SELF', lines: [line('I.1', 101)] }).map((f) => f.code),
    ).toEqual(['SCORE_ABOVE_MAX']);
  });

  it.each<['REVIEW' | 'AGREED', ScoreLine[], ScoreLine[], string, string]>([
    [
      'REVIEW',
      [line('I.1', 95)],
      self,
      'REVIEW_REASON_REQUIRED',
      'Điểm thẩm định của tiêu chí I.1 (95) khác điểm tự chấm (100); cần ghi lý do.',
    ],
    [
      'REVIEW',
      [line('I.3', 70.5)],
      self,
      'REVIEW_REASON_REQUIRED',
      'Tiêu chí I.3 chưa có điểm tự chấm; điểm thẩm định 70,5 cần ghi lý do.',
    ],
    [
      'AGREED',
      [line('I.1', 97.5)],
      self,
      'AGREED_REASON_REQUIRED',
      'Điểm thống nhất của tiêu chí I.1 (97,5) khác điểm thẩm định (100); cần ghi lý do.',
    ],
    [
      'AGREED',
      [line('P1', 5)],
      self,
      'AGREED_REASON_REQUIRED',
      'Khoản trừ điểm P1 chưa có điểm thẩm định; điểm thống nhất 5 cần ghi lý do.',
    ],
    [
      'REVIEW',
      [line('I.1', 95)],
      [{ code: 'I.1', value: 9999.5 }],
      'REVIEW_REASON_REQUIRED',
      'Điểm thẩm định của tiêu chí I.1 (95) khác điểm tự chấm (99,995); cần ghi lý do.',
    ],
  ])('%s: says what changed, %#', (stage, lines, previousLines, code, message) => {
    expect(validateScoreSheet(SET, { stage, lines, previousLines })).toEqual([
      { code, severity: 'error', message, field: 'lines[0].reason', params: expect.any(Object) },
    ]);
  });

  it('compares with the first previous line of a code', () => {
    const previousLines = [line('I.1', 90), line('I.1', 95)];
    expect(
      validateScoreSheet(SET, { stage: 'AGREED', lines: [line('I.1', 90)], previousLines }),
    ).toEqual([]);
  });

  it('shows a malformed reviewed value as entered', () => {
    const findings = validateScoreSheet(SET, {
      stage: 'REVIEW',
      lines: [{ code: 'I.1', value: 9000.5 }],
      previousLines: self,
    });
    expect(findings.map((f) => f.message)).toEqual([
      'Điểm của tiêu chí I.1 (90,005) chỉ được lấy đến hai chữ số thập phân.',
      'Điểm thẩm định của tiêu chí I.1 (90,005) khác điểm tự chấm (100); cần ghi lý do.',
    ]);
  });

  it('records the previous value, or null when there was none', () => {
    const findings = validateScoreSheet(SET, {
      stage: 'REVIEW',
      lines: [line('I.1', 95), line('I.4', 60)],
      previousLines: self,
    });
    expect(findings.map((f) => f.params)).toEqual([
      { code: 'I.1', value: 9500, previous: 10000 },
      { code: 'I.4', value: 6000, previous: null },
    ]);
  });
});
