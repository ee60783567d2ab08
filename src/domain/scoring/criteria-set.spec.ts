import {
  indexCriteriaSet,
  itemLabel,
  scaleInCentipoints,
  validateCriteriaSet,
  type CriteriaSet,
  type ScoringScale,
} from './criteria-set';
import { HAI_DUONG_2023_SET, pts } from '../../../test/builders/hai-duong-2023.fixture';

type DeepMutable<T> = T extends readonly (infer U)[]
  ? DeepMutable<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: DeepMutable<T[K]> }
    : T;

/** The Hải Dương set with one change applied. */
function variant(change: (set: DeepMutable<CriteriaSet>) => void): CriteriaSet {
  const set = structuredClone(HAI_DUONG_2023_SET) as DeepMutable<CriteriaSet>;
  change(set);
  return set;
}

const codes = (set: CriteriaSet): string[] => validateCriteriaSet(set).map((f) => f.code);

describe('validateCriteriaSet', () => {
  it('accepts the Hải Dương 2023 set (1.000 points, groups 400/200/150/150/100)', () => {
    expect(validateCriteriaSet(HAI_DUONG_2023_SET)).toEqual([]);
  });

  it('accepts a 100-point scale with decimal maxima', () => {
    const set: CriteriaSet = {
      scale: 100,
      groups: [
        {
          code: 'A',
          title: 'Nhóm A',
          maxPoints: pts(62.5),
          criteria: [
            { code: 'A.1', title: 'Một', maxPoints: pts(12.25) },
            { code: 'A.2', title: 'Hai', maxPoints: pts(50.25) },
          ],
        },
        {
          code: 'B',
          title: 'Nhóm B',
          maxPoints: pts(37.5),
          criteria: [{ code: 'B.1', title: 'Ba', maxPoints: pts(37.5) }],
        },
      ],
      bonusItems: [],
      penaltyItems: [],
      bonusCap: 0,
      penaltyCap: 0,
    };
    expect(validateCriteriaSet(set)).toEqual([]);
  });

  it.each<[string, (set: DeepMutable<CriteriaSet>) => void, string[]]>([
    ['an item cap exactly at the overall cap', (s) => void (s.bonusItems[2]!.cap = pts(50)), []],
    [
      'group maxima short of the scale',
      (s) => shrinkGroupV(s, 50),
      ['CRITERIA_GROUP_SUM_MISMATCH'],
    ],
    [
      'criteria short of their group',
      (s) => void (s.groups[0]!.criteria[3]!.maxPoints = pts(90)),
      ['CRITERIA_CRITERION_SUM_MISMATCH'],
    ],
    [
      'a scale other than 100 or 1.000',
      (s) => void (s.scale = 500 as ScoringScale),
      ['CRITERIA_SCALE_INVALID', 'CRITERIA_GROUP_SUM_MISMATCH'],
    ],
    ['an empty code', (s) => void (s.groups[1]!.code = ' '), ['CRITERIA_CODE_EMPTY']],
    ['an empty title', (s) => void (s.penaltyItems[0]!.title = ''), ['CRITERIA_TITLE_EMPTY']],
    [
      'a criterion code used twice',
      (s) => void (s.groups[1]!.criteria[0]!.code = 'I.1'),
      ['CRITERIA_DUPLICATE_CODE'],
    ],
    [
      'a bonus code equal to a criterion code',
      (s) => void (s.bonusItems[0]!.code = 'V.2'),
      ['CRITERIA_DUPLICATE_CODE'],
    ],
    [
      'a zero criterion maximum',
      (s) => void (s.groups[0]!.criteria[3]!.maxPoints = 0),
      ['CRITERIA_MAX_NOT_POSITIVE', 'CRITERIA_CRITERION_SUM_MISMATCH'],
    ],
    [
      'a negative group maximum',
      (s) => void (s.groups[4]!.maxPoints = pts(-100)),
      [
        'CRITERIA_MAX_NOT_POSITIVE',
        'CRITERIA_CRITERION_SUM_MISMATCH',
        'CRITERIA_GROUP_SUM_MISMATCH',
      ],
    ],
    [
      'a criterion maximum finer than 0,01 (sums not checked)',
      (s) => void (s.groups[0]!.criteria[0]!.maxPoints = 1000.5),
      ['CRITERIA_POINTS_NOT_HUNDREDTHS'],
    ],
    [
      'a group maximum finer than 0,01 (sums not checked)',
      (s) => void (s.groups[0]!.maxPoints = 40000.5),
      ['CRITERIA_POINTS_NOT_HUNDREDTHS'],
    ],
    [
      'a group without criteria',
      (s) => void (s.groups[4]!.criteria = []),
      ['CRITERIA_GROUP_EMPTY'],
    ],
    [
      'a bonus item above the overall bonus cap',
      (s) => void (s.bonusItems[2]!.cap = pts(60)),
      ['CRITERIA_BONUS_ITEM_CAP_EXCEEDS_OVERALL'],
    ],
    [
      'a penalty item above the overall penalty cap',
      (s) => void (s.penaltyItems[0]!.cap = pts(50.01)),
      ['CRITERIA_PENALTY_ITEM_CAP_EXCEEDS_OVERALL'],
    ],
    [
      'a zero item cap',
      (s) => void (s.penaltyItems[1]!.cap = 0),
      ['CRITERIA_ITEM_CAP_NOT_POSITIVE'],
    ],
    [
      'an item cap finer than 0,01',
      (s) => void (s.bonusItems[0]!.cap = 1000.5),
      ['CRITERIA_POINTS_NOT_HUNDREDTHS'],
    ],
    [
      'a negative overall cap (items not compared)',
      (s) => void (s.bonusCap = pts(-1)),
      ['CRITERIA_OVERALL_CAP_NEGATIVE'],
    ],
    [
      'an overall cap finer than 0,01',
      (s) => void (s.penaltyCap = 5000.5),
      ['CRITERIA_POINTS_NOT_HUNDREDTHS'],
    ],
    [
      'a zero overall bonus cap with bonus items',
      (s) => void (s.bonusCap = 0),
      Array<string>(3).fill('CRITERIA_BONUS_ITEM_CAP_EXCEEDS_OVERALL'),
    ],
  ])('reports %s', (_label, change, expected) => {
    expect(codes(variant(change))).toEqual(expected);
  });

  it.each<[string, number, string]>([
    ['short', 50, 'Tổng điểm tối đa các nhóm là 950, khác thang điểm 1.000 (thiếu 50 điểm).'],
    ['over', 150, 'Tổng điểm tối đa các nhóm là 1.050, khác thang điểm 1.000 (thừa 50 điểm).'],
    [
      'short by a half point',
      99.5,
      'Tổng điểm tối đa các nhóm là 999,5, khác thang điểm 1.000 (thiếu 0,5 điểm).',
    ],
  ])('states the arithmetic when the groups are %s', (_label, groupV, message) => {
    const [finding] = validateCriteriaSet(variant((s) => shrinkGroupV(s, groupV)));
    expect(finding).toMatchObject({
      code: 'CRITERIA_GROUP_SUM_MISMATCH',
      severity: 'error',
      field: 'groups',
      message,
    });
  });

  it.each<[string, (set: DeepMutable<CriteriaSet>) => void, string]>([
    [
      'CRITERIA_CRITERION_SUM_MISMATCH',
      (s) => void (s.groups[0]!.criteria[3]!.maxPoints = pts(90)),
      'Tổng điểm tối đa các tiêu chí của nhóm I là 390, khác điểm tối đa của nhóm 400 (thiếu 10 điểm).',
    ],
    [
      'CRITERIA_DUPLICATE_CODE',
      (s) => void (s.groups[1]!.criteria[0]!.code = 'I.1'),
      'Mã “I.1” được dùng 2 lần; mỗi nhóm, tiêu chí, khoản cộng và khoản trừ điểm phải có mã riêng.',
    ],
    [
      'CRITERIA_BONUS_ITEM_CAP_EXCEEDS_OVERALL',
      (s) => void (s.bonusItems[2]!.cap = pts(60)),
      'Mức tối đa của khoản cộng điểm B3 là 60, vượt mức cộng điểm tối đa chung 50 (thừa 10 điểm).',
    ],
    [
      'CRITERIA_PENALTY_ITEM_CAP_EXCEEDS_OVERALL',
      (s) => void (s.penaltyItems[0]!.cap = pts(50.01)),
      'Mức tối đa của khoản trừ điểm P1 là 50,01, vượt mức trừ điểm tối đa chung 50 (thừa 0,01 điểm).',
    ],
    [
      'CRITERIA_MAX_NOT_POSITIVE',
      (s) => void (s.groups[0]!.criteria[3]!.maxPoints = 0),
      'Điểm tối đa của tiêu chí I.4 phải lớn hơn 0 (đang là 0).',
    ],
    [
      'CRITERIA_POINTS_NOT_HUNDREDTHS',
      (s) => void (s.groups[0]!.criteria[0]!.maxPoints = 1000.5),
      'Điểm tối đa của tiêu chí I.1 (10,005) chỉ được lấy đến hai chữ số thập phân.',
    ],
    [
      'CRITERIA_OVERALL_CAP_NEGATIVE',
      (s) => void (s.bonusCap = pts(-1)),
      'Mức cộng điểm tối đa chung không được âm (đang là -1).',
    ],
    [
      'CRITERIA_GROUP_EMPTY',
      (s) => void (s.groups[4]!.criteria = []),
      'Nhóm V chưa có tiêu chí nào.',
    ],
    [
      'CRITERIA_CODE_EMPTY',
      (s) => void (s.groups[1]!.criteria[2]!.code = ''),
      'Chưa nhập mã cho tiêu chí thứ 3 của nhóm thứ 2.',
    ],
    [
      'CRITERIA_TITLE_EMPTY',
      (s) => void (s.bonusItems[1]!.title = ' '),
      'Chưa nhập tên cho khoản cộng điểm thứ 2.',
    ],
    [
      'CRITERIA_SCALE_INVALID',
      (s) => void (s.scale = 500 as ScoringScale),
      'Thang điểm 500 không hợp lệ; chỉ dùng thang 100 hoặc 1.000 điểm.',
    ],
  ])('writes the %s message in Vietnamese', (code, change, message) => {
    expect(validateCriteriaSet(variant(change))).toContainEqual(
      expect.objectContaining({ code, message }),
    );
  });

  it('points each finding at the offending field', () => {
    const fields = validateCriteriaSet(
      variant((s) => {
        s.groups[0]!.criteria[3]!.maxPoints = 0;
        s.penaltyItems[2]!.cap = pts(60);
        s.groups[2]!.title = '';
      }),
    ).map((f) => f.field);
    expect(fields).toEqual([
      'groups[2].title',
      'groups[0].criteria[3].maxPoints',
      'groups[0].criteria',
      'penaltyItems[2].cap',
    ]);
  });
});

describe('criteria set helpers', () => {
  it('gives the scale in centipoints', () => {
    expect(scaleInCentipoints(HAI_DUONG_2023_SET)).toBe(100000);
  });

  it.each([
    ['CRITERION', 'I.1', 'tiêu chí I.1'],
    ['BONUS', 'B1', 'khoản cộng điểm B1'],
    ['PENALTY', 'P1', 'khoản trừ điểm P1'],
  ] as const)('labels a %s line %s as "%s"', (kind, code, label) => {
    expect(itemLabel(kind, code)).toBe(label);
  });

  it('indexes criteria, bonus and penalty items by code, first occurrence winning', () => {
    const index = indexCriteriaSet(variant((s) => void (s.bonusItems[0]!.code = 'I.1')));
    expect(index.get('I.1')).toEqual({
      kind: 'CRITERION',
      code: 'I.1',
      limit: pts(100),
      groupCode: 'I',
    });
    expect(index.get('B2')).toEqual({ kind: 'BONUS', code: 'B2', limit: pts(15), groupCode: null });
    expect(index.get('P3')).toEqual({
      kind: 'PENALTY',
      code: 'P3',
      limit: pts(25),
      groupCode: null,
    });
    expect(index.size).toBe(14 + 2 + 3);
  });
});

/** Sets group V (normally 100) to `points`, split evenly between its two criteria. */
function shrinkGroupV(s: DeepMutable<CriteriaSet>, points: number): void {
  const group = s.groups[4]!;
  group.maxPoints = pts(points);
  group.criteria[0]!.maxPoints = pts(points / 2);
  group.criteria[1]!.maxPoints = pts(points / 2);
}
