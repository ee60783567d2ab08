import { checkCounts } from './counts';
import { checkQuorum } from './quorum';
import { tallyBallot, type Tally } from './tally';
import {
  buildCounts,
  buildInput,
  HD_FLAG_RULE,
  HD_MERIT_RULE,
  HD_NAMES,
  line,
} from '../../../test/builders/voting';

// Brief §6.4, Hải Dương district bloc, 2023 (ballots ⚠ synthetic): 12 members, 12 present, 0 invalid.
// Counted by hand: 12/12 = 100 %; 11/12 = 91,67 %; 10/12 = 83,33 %; 9/12 = 75 %.
const RANKING = [...HD_NAMES.keys()];

function tallied(result: ReturnType<typeof tallyBallot>): Tally {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('Hải Dương 2023 reference meeting (brief §6.4)', () => {
  it('has its quorum: 12 of 12 present, at least 8 needed (≥ 2/3)', () => {
    expect(checkQuorum(12, 12, HD_FLAG_RULE)).toEqual({
      reached: true,
      required: 8,
      present: 12,
      total: 12,
      explanation: 'Có mặt 12/12 đơn vị; cần tối thiểu 8 (≥ 2/3) — đủ điều kiện.',
    });
  });

  it('elects TP Hải Dương for the Government flag with 12/12 = 100 % ≥ 70 % of all members', () => {
    const counts = buildCounts({ nominees: [line('HD', 12, 0)] });
    expect(checkCounts(counts, { present: 12, rule: HD_FLAG_RULE, scoreRanking: RANKING })).toEqual(
      [],
    );
    const t = tallied(tallyBallot(buildInput(counts)));
    expect(t.status).toBe('DECIDED');
    expect(t.winners).toEqual(['HD']);
    expect(t.lines).toEqual([
      {
        nomineeId: 'HD',
        agree: 12,
        agreeWritten: 0,
        denominatorBasis: 'ALL_MEMBERS',
        denominator: 12,
        ownBallotExcluded: false,
        required: 9,
        percentage: 100,
        percentageText: '100 %',
        thresholdText: '≥ 70 %',
        reachesThreshold: true,
        passed: true,
        outcome: 'ELECTED',
        explanation: '12/12 = 100 % ≥ 70 % — đạt',
      },
    ]);
    expect(t.minutes).toBe(
      'Hình thức biểu quyết: bỏ phiếu kín; đạt khi số phiếu tán thành ≥ 70 % tổng số thành viên; ' +
        'số lượng được chọn: 1; nguyên tắc xử lý hòa phiếu: bỏ phiếu lại giữa các đơn vị bằng phiếu. ' +
        'Đơn vị được lựa chọn: thành phố Hải Dương.',
    );
  });

  it('elects Cẩm Giàng for the provincial flag with 11/12 = 91,7 %', () => {
    const counts = buildCounts({ nominees: [line('CG', 11, 1)] });
    const t = tallied(tallyBallot(buildInput(counts)));
    expect(t.winners).toEqual(['CG']);
    expect(t.lines[0]?.percentage).toBe(91.7);
    expect(t.lines[0]?.explanation).toBe('11/12 = 91,7 % ≥ 70 % — đạt');
  });

  it('elects Gia Lộc (10/12 = 83,3 %) and Kim Thành (9/12 = 75,0 %) for Bằng khen at > 50 %', () => {
    const counts = buildCounts({ seats: 2, nominees: [line('KT', 9, 3), line('GL', 10, 2)] });
    expect(
      checkCounts(counts, { present: 12, rule: HD_MERIT_RULE, scoreRanking: RANKING }),
    ).toEqual([]);
    const t = tallied(tallyBallot(buildInput(counts, { rule: HD_MERIT_RULE })));
    expect(t.status).toBe('DECIDED');
    expect(t.tie).toBeNull();
    expect(t.winners).toEqual(['GL', 'KT']);
    expect(t.lines.map((l) => [l.nomineeId, l.required, l.explanation])).toEqual([
      ['GL', 7, '10/12 = 83,3 % > 50 % — đạt'],
      ['KT', 7, '9/12 = 75,0 % > 50 % — đạt'],
    ]);
    expect(t.minutes).toBe(
      'Hình thức biểu quyết: bỏ phiếu kín; đạt khi số phiếu tán thành > 50 % tổng số thành viên; ' +
        'số lượng được chọn: 2; nguyên tắc xử lý hòa phiếu: bỏ phiếu lại giữa các đơn vị bằng phiếu. ' +
        'Đơn vị được lựa chọn: huyện Gia Lộc và huyện Kim Thành.',
    );
  });
});
