import type { CriteriaSet } from '../../src/domain/scoring/criteria-set';
import type { Centipoints } from '../../src/domain/scoring/points';
import type { ScoreLine } from '../../src/domain/scoring/score-lines';

/** Test shorthand: whole or decimal points to centipoints (12.5 → 1250). */
export function pts(points: number): Centipoints {
  return Math.round(points * 100);
}

/**
 * ⚠ Synthetic criteria set of brief §6.4 (Hải Dương district bloc, 2023): scale 1.000, groups
 * I–V of 400/200/150/150/100, bonus ≤ 50, penalty ≤ 50. For tests only; the reference data
 * itself belongs in seeds/.
 */
export const HAI_DUONG_2023_SET: CriteriaSet = {
  scale: 1000,
  groups: [
    {
      code: 'I',
      title: 'Phát triển kinh tế',
      maxPoints: pts(400),
      criteria: [
        {
          code: 'I.1',
          title: 'Tăng trưởng kinh tế',
          maxPoints: pts(100),
          guide: '1 % kế hoạch = 1 điểm',
        },
        { code: 'I.2', title: 'Thu ngân sách', maxPoints: pts(100) },
        { code: 'I.3', title: 'Thu hút đầu tư', maxPoints: pts(100) },
        { code: 'I.4', title: 'Xây dựng nông thôn mới', maxPoints: pts(100) },
      ],
    },
    {
      code: 'II',
      title: 'Văn hóa – xã hội',
      maxPoints: pts(200),
      criteria: [
        { code: 'II.1', title: 'Giáo dục', maxPoints: pts(50) },
        { code: 'II.2', title: 'Y tế', maxPoints: pts(50) },
        { code: 'II.3', title: 'Giảm nghèo', maxPoints: pts(50) },
        { code: 'II.4', title: 'Văn hóa công sở', maxPoints: pts(50) },
      ],
    },
    {
      code: 'III',
      title: 'Quốc phòng – an ninh, trật tự an toàn xã hội',
      maxPoints: pts(150),
      criteria: [
        { code: 'III.1', title: 'Quốc phòng', maxPoints: pts(75) },
        { code: 'III.2', title: 'An ninh, trật tự', maxPoints: pts(75) },
      ],
    },
    {
      code: 'IV',
      title: 'Xây dựng chính quyền, cải cách hành chính, chuyển đổi số',
      maxPoints: pts(150),
      criteria: [
        { code: 'IV.1', title: 'Cải cách hành chính', maxPoints: pts(75) },
        { code: 'IV.2', title: 'Chuyển đổi số', maxPoints: pts(75) },
      ],
    },
    {
      code: 'V',
      title: 'Công tác thi đua – khen thưởng',
      maxPoints: pts(100),
      criteria: [
        { code: 'V.1', title: 'Phát động, giao ước thi đua', maxPoints: pts(50) },
        { code: 'V.2', title: 'Điển hình tiên tiến', maxPoints: pts(50) },
      ],
    },
  ],
  bonusItems: [
    { code: 'B1', title: 'Cờ thi đua của tỉnh năm trước', cap: pts(10) },
    { code: 'B2', title: 'Cờ thi đua của Chính phủ năm trước', cap: pts(15) },
    { code: 'B3', title: 'Mô hình mới, sáng kiến', cap: pts(40) },
  ],
  penaltyItems: [
    { code: 'P1', title: 'Vi phạm bị xử lý, kỷ luật', cap: pts(30) },
    { code: 'P2', title: 'Chậm báo cáo', cap: pts(20) },
    { code: 'P3', title: 'Không tham gia hoạt động của khối', cap: pts(25) },
  ],
  bonusCap: pts(50),
  penaltyCap: pts(50),
};

/** ⚠ Synthetic agreed totals of brief §6.4, in rank order. */
export const HAI_DUONG_2023_UNITS: readonly {
  unitCode: string;
  unitName: string;
  total: number;
}[] = [
  { unitCode: 'HD', unitName: 'thành phố Hải Dương', total: 968 },
  { unitCode: 'CG', unitName: 'huyện Cẩm Giàng', total: 955 },
  { unitCode: 'GL', unitName: 'huyện Gia Lộc', total: 941 },
  { unitCode: 'KT', unitName: 'huyện Kim Thành', total: 936 },
  { unitCode: 'CL', unitName: 'thành phố Chí Linh', total: 930 },
  { unitCode: 'KM', unitName: 'thị xã Kinh Môn', total: 927 },
  { unitCode: 'NS', unitName: 'huyện Nam Sách', total: 921 },
  { unitCode: 'BG', unitName: 'huyện Bình Giang', total: 915 },
  { unitCode: 'TK', unitName: 'huyện Tứ Kỳ', total: 910 },
  { unitCode: 'TH', unitName: 'huyện Thanh Hà', total: 904 },
  { unitCode: 'NG', unitName: 'huyện Ninh Giang', total: 898 },
  { unitCode: 'TM', unitName: 'huyện Thanh Miện', total: 890 },
];

/**
 * Agreed lines for every criterion of `set`, at their maximum less `shortfall` centipoints,
 * taken from the last criteria first; `extra` lines (bonus, penalty) are appended.
 */
export function agreedLines(
  set: CriteriaSet,
  shortfall: Centipoints,
  extra: readonly ScoreLine[] = [],
): ScoreLine[] {
  let remaining = shortfall;
  const criteria = set.groups.flatMap((g) => g.criteria);
  const lines = [...criteria].reverse().map((c) => {
    const cut = Math.min(remaining, c.maxPoints);
    remaining -= cut;
    return { code: c.code, value: c.maxPoints - cut };
  });
  return [...lines.reverse(), ...extra];
}
