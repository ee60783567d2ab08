import { HD_MERIT_RULE, buildCounts, line } from '../../../test/builders/voting';
import { deriveClassification, describeDerivedBasis } from './derive';
import { checkScale, type ClassificationScale } from './scale';
import { decideClassificationByVote } from './vote';
import { describeClassificationBasis, describeClassificationVotingRule } from './format';

const HTXS = 'Hoàn thành xuất sắc nhiệm vụ';
const HTT = 'Hoàn thành tốt nhiệm vụ';
const HT = 'Hoàn thành nhiệm vụ';
const KHT = 'Không hoàn thành nhiệm vụ';

/** 95 / 80 / 50 points (centipoints), the lowest level without a threshold. */
const DERIVED: ClassificationScale = {
  method: 'DERIVED',
  levels: [
    { rank: 1, label: HTXS, minTotal: 9500 },
    { rank: 2, label: HTT, minTotal: 8000 },
    { rank: 3, label: HT, minTotal: 5000 },
    { rank: 4, label: KHT, minTotal: null },
  ],
};

describe('deriveClassification (boundaries exact on centipoints)', () => {
  it.each([
    [10000, HTXS, 9500, null],
    [9500, HTXS, 9500, null],
    [9499, HTT, 8000, 9500],
    [8000, HTT, 8000, 9500],
    [7999, HT, 5000, 8000],
    [5000, HT, 5000, 8000],
    [4999, KHT, null, 5000],
    [0, KHT, null, 5000],
    [-250, KHT, null, 5000],
  ])('total %i → %s (threshold %p, next %p)', (total, label, threshold, next) => {
    const r = deriveClassification(total, DERIVED);
    expect(r.ok && r.value.level.label).toBe(label);
    expect(r.ok && r.value.basis).toEqual({
      kind: 'DERIVED',
      total,
      threshold,
      nextThreshold: next,
    });
  });

  it('refuses a unit without an agreed total, and a voted scale', () => {
    expect(deriveClassification(null, DERIVED)).toMatchObject({
      ok: false,
      error: { code: 'CLASSIFICATION_TOTAL_MISSING' },
    });
    expect(deriveClassification(9900, { ...DERIVED, method: 'VOTED' })).toMatchObject({
      ok: false,
      error: { code: 'CLASSIFICATION_NOT_DERIVED' },
    });
  });

  it('words the basis with the total and the threshold', () => {
    const at = deriveClassification(9550, DERIVED);
    expect(at.ok && describeDerivedBasis(at.value.basis)).toBe(
      'Tổng điểm thống nhất 95,5 ≥ ngưỡng 95 điểm',
    );
    const low = deriveClassification(4000, DERIVED);
    expect(low.ok && describeDerivedBasis(low.value.basis)).toBe(
      'Tổng điểm thống nhất 40 < ngưỡng 50 điểm của mức trên',
    );
  });
});

describe('checkScale', () => {
  const codes = (s: ClassificationScale) => checkScale(s).map((f) => f.code);
  it.each<[string, ClassificationScale, string[]]>([
    ['a valid derived scale', DERIVED, []],
    [
      'a valid voted scale',
      { method: 'VOTED', levels: DERIVED.levels.map((l) => ({ ...l, minTotal: null })) },
      [],
    ],
    [
      'one level only',
      { method: 'VOTED', levels: [{ rank: 1, label: HT, minTotal: null }] },
      ['CLASSIFICATION_LEVEL_COUNT'],
    ],
    [
      'thresholds not decreasing',
      {
        method: 'DERIVED',
        levels: [
          { rank: 1, label: HTXS, minTotal: 8000 },
          { rank: 2, label: HTT, minTotal: 8000 },
          { rank: 3, label: KHT, minTotal: null },
        ],
      },
      ['CLASSIFICATION_THRESHOLD_ORDER'],
    ],
    [
      'a missing threshold, a threshold on the lowest level, a duplicate label, a gap in ranks',
      {
        method: 'DERIVED',
        levels: [
          { rank: 1, label: HTXS, minTotal: null },
          { rank: 3, label: HTXS, minTotal: 10 },
        ],
      },
      [
        'CLASSIFICATION_THRESHOLD_MISSING',
        'CLASSIFICATION_LEVEL_ORDER',
        'CLASSIFICATION_LABEL_DUPLICATE',
        'CLASSIFICATION_THRESHOLD_NOT_ALLOWED',
      ],
    ],
    [
      'a threshold under a voted scale',
      { method: 'VOTED', levels: DERIVED.levels },
      [
        'CLASSIFICATION_THRESHOLD_NOT_ALLOWED',
        'CLASSIFICATION_THRESHOLD_NOT_ALLOWED',
        'CLASSIFICATION_THRESHOLD_NOT_ALLOWED',
      ],
    ],
  ])('%s', (_name, scale, expected) => {
    expect(codes(scale)).toEqual(expected);
  });
});

describe('decideClassificationByVote (the meetings tally)', () => {
  const level = { rank: 1, label: HTXS, minTotal: null };
  const nominees = ['HD', 'CG', 'GL'].map((id) => ({
    nomineeId: id,
    participation: 'PRESENT' as const,
    score: null,
  }));

  it('gives the level to every unit whose line passes, with the line as its basis', () => {
    const r = decideClassificationByVote({
      meetingId: 7,
      level,
      rule: HD_MERIT_RULE,
      present: 12,
      nominees,
      counts: buildCounts({
        nominees: [line('HD', 12, 0), line('CG', 7, 5), line('GL', 6, 6)],
      }),
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.passed.map((p) => p.nomineeId)).toEqual(['HD', 'CG']);
    expect(r.value.notPassed).toEqual(['GL']);
    expect(r.value.passed[0]!.basis).toMatchObject({ kind: 'VOTED', meetingId: 7 });
    expect(r.value.passed[1]!.basis.explanation).toContain('7/12');
    expect(r.value.passed[0]!.basis.counts.seats).toBe(3);
  });

  it('passes nobody without quorum, and refuses inconsistent counts', () => {
    const noQuorum = decideClassificationByVote({
      meetingId: 7,
      level,
      rule: HD_MERIT_RULE,
      present: 7,
      nominees,
      counts: buildCounts({
        ballotsIssued: 7,
        ballotsReturned: 7,
        valid: 7,
        nominees: [line('HD', 7, 0), line('CG', 7, 0), line('GL', 7, 0)],
      }),
    });
    expect(noQuorum.ok && noQuorum.value.passed).toEqual([]);
    const bad = decideClassificationByVote({
      meetingId: 7,
      level,
      rule: HD_MERIT_RULE,
      present: 12,
      nominees,
      counts: buildCounts({ nominees: [line('HD', 12, 1), line('CG', 7, 5), line('GL', 6, 6)] }),
    });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error.map((f) => f.code)).toContain('COUNT_NOMINEE_SUM_NE_VALID');
  });
});

describe('wording', () => {
  it('words a voting rule and a voted basis', () => {
    expect(describeClassificationVotingRule(HD_MERIT_RULE)).toBe(
      'Tán thành > 50 % tổng số thành viên; có mặt ≥ 2/3 tổng số thành viên; bỏ phiếu kín',
    );
    expect(
      describeClassificationBasis({
        kind: 'VOTED',
        meetingId: 1,
        counts: buildCounts({}),
        explanation: '12/12 = 100 % > 50 % — đạt',
        minutes: '',
      }),
    ).toBe('Hội nghị biểu quyết: 12/12 = 100 % > 50 % — đạt');
  });
});
