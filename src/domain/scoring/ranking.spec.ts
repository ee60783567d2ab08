import fc from 'fast-check';
import { err, ok } from '../common/result';
import {
  agreedLines,
  HAI_DUONG_2023_SET as SET,
  HAI_DUONG_2023_UNITS,
  pts,
} from '../../../test/builders/hai-duong-2023.fixture';
import {
  rankUnits,
  validateTieBreak,
  type Ranking,
  type RankingInput,
  type TieBreakKey,
} from './ranking';
import { computeUnitTotals, type UnitTotals } from './totals';

interface UnitOptions {
  readonly I?: number;
  readonly II?: number;
  readonly penalty?: number;
  readonly draw?: number;
}

/** A complete unit "huyện <code>" with the given grand total, group I/II subtotals and penalty (in points). */
function unit(code: string, total: number, options: UnitOptions = {}): RankingInput {
  const penalty = pts(options.penalty ?? 0);
  const totals: UnitTotals = {
    groups: [
      { groupCode: 'I', subtotal: pts(options.I ?? 0), maxPoints: pts(400) },
      { groupCode: 'II', subtotal: pts(options.II ?? 0), maxPoints: pts(200) },
    ],
    criteriaTotal: pts(total) + penalty,
    bonusEntered: 0,
    bonusTotal: 0,
    penaltyEntered: penalty,
    penaltyTotal: penalty,
    grandTotal: pts(total),
  };
  return { unitCode: code, unitName: `huyện ${code}`, drawOrder: options.draw, totals: ok(totals) };
}

function incomplete(code: string, missingCriteria: string[]): RankingInput {
  return {
    unitCode: code,
    unitName: `huyện ${code}`,
    totals: err({ missingCriteria, findings: [] }),
  };
}

function ranked(units: RankingInput[], keys: TieBreakKey[]): Ranking {
  const result = rankUnits(units, keys);
  if (!result.ok) throw new Error(`unexpected findings: ${JSON.stringify(result.error)}`);
  return result.value;
}

const GROUP_I: TieBreakKey = { kind: 'GROUP_SCORE', groupCode: 'I' };
const PENALTY: TieBreakKey = { kind: 'FEWER_PENALTY' };
const DRAW: TieBreakKey = { kind: 'DRAW_ORDER' };
const UNRESOLVED = 'chưa phân định được';

describe('rankUnits', () => {
  it('orders distinct totals, best first, and names the leader', () => {
    const ranking = ranked([unit('B', 950), unit('A', 968), unit('C', 941.5)], [GROUP_I]);
    expect(
      ranking.entries.map((e) => [
        e.unitCode,
        e.position,
        e.rank,
        e.isLeader,
        e.tieBreakExplanation,
      ]),
    ).toEqual([
      ['A', 1, 1, true, null],
      ['B', 2, 2, false, null],
      ['C', 3, 3, false, null],
    ]);
    expect(ranking).toMatchObject({
      complete: true,
      incompleteUnits: [],
      leaderUnitCode: 'A',
      unresolvedTies: [],
    });
  });

  it.each<[string, RankingInput[], TieBreakKey[], string[], (string | null)[]]>([
    [
      'GROUP_SCORE: higher group I first',
      [unit('X', 955, { I: 385 }), unit('Y', 955, { I: 390 })],
      [GROUP_I],
      ['Y', 'X'],
      [
        'Bằng điểm tổng (955) với huyện X; xếp trên do điểm nhóm I cao hơn (390 so với 385).',
        'Bằng điểm tổng (955) với huyện Y; xếp dưới do điểm nhóm I thấp hơn (385 so với 390).',
      ],
    ],
    [
      'GROUP_SCORE: decimals compared exactly',
      [unit('X', 955.5, { I: 390.2 }), unit('Y', 955.5, { I: 390.25 })],
      [GROUP_I],
      ['Y', 'X'],
      [
        'Bằng điểm tổng (955,5) với huyện X; xếp trên do điểm nhóm I cao hơn (390,25 so với 390,2).',
        'Bằng điểm tổng (955,5) với huyện Y; xếp dưới do điểm nhóm I thấp hơn (390,2 so với 390,25).',
      ],
    ],
    [
      'FEWER_PENALTY: fewer penalty points first, once group I is equal',
      [unit('Y', 955, { I: 390, penalty: 5 }), unit('X', 955, { I: 390, penalty: 0 })],
      [GROUP_I, PENALTY],
      ['X', 'Y'],
      [
        'Bằng điểm tổng (955) và điểm nhóm I (390) với huyện Y; xếp trên do bị trừ ít điểm hơn (0 so với 5).',
        'Bằng điểm tổng (955) và điểm nhóm I (390) với huyện X; xếp dưới do bị trừ nhiều điểm hơn (5 so với 0).',
      ],
    ],
    [
      'DRAW_ORDER: lower number drawn first, once everything else is equal',
      [
        unit('X', 955, { I: 390, penalty: 5, draw: 7 }),
        unit('Y', 955, { I: 390, penalty: 5, draw: 2 }),
      ],
      [GROUP_I, PENALTY, DRAW],
      ['Y', 'X'],
      [
        'Bằng điểm tổng (955), điểm nhóm I (390) và điểm trừ (5) với huyện X; xếp trên do bốc thăm được số thứ tự trước (số 2 so với số 7).',
        'Bằng điểm tổng (955), điểm nhóm I (390) và điểm trừ (5) với huyện Y; xếp dưới do bốc thăm được số thứ tự sau (số 7 so với số 2).',
      ],
    ],
    [
      'DRAW_ORDER skipped when a tied unit has not drawn; a later key decides',
      [unit('C', 955, { penalty: 5, draw: 1 }), unit('B', 955, { penalty: 0 })],
      [DRAW, PENALTY],
      ['B', 'C'],
      [
        'Bằng điểm tổng (955) với huyện C; xếp trên do bị trừ ít điểm hơn (0 so với 5).',
        'Bằng điểm tổng (955) với huyện B; xếp dưới do bị trừ nhiều điểm hơn (5 so với 0).',
      ],
    ],
    [
      'the key order decides (group I before penalty)',
      [unit('X', 955, { I: 390, penalty: 10 }), unit('Y', 955, { I: 385, penalty: 0 })],
      [GROUP_I, PENALTY],
      ['X', 'Y'],
      [
        'Bằng điểm tổng (955) với huyện Y; xếp trên do điểm nhóm I cao hơn (390 so với 385).',
        'Bằng điểm tổng (955) với huyện X; xếp dưới do điểm nhóm I thấp hơn (385 so với 390).',
      ],
    ],
    [
      'the key order decides (penalty before group I)',
      [unit('X', 955, { I: 390, penalty: 10 }), unit('Y', 955, { I: 385, penalty: 0 })],
      [PENALTY, GROUP_I],
      ['Y', 'X'],
      [
        'Bằng điểm tổng (955) với huyện X; xếp trên do bị trừ ít điểm hơn (0 so với 10).',
        'Bằng điểm tổng (955) với huyện Y; xếp dưới do bị trừ nhiều điểm hơn (10 so với 0).',
      ],
    ],
    [
      'a tie broken by group II after group I is equal',
      [unit('X', 955, { I: 390, II: 190 }), unit('Y', 955, { I: 390, II: 195 }), unit('Z', 970)],
      [GROUP_I, { kind: 'GROUP_SCORE', groupCode: 'II' }],
      ['Z', 'Y', 'X'],
      [
        null,
        'Bằng điểm tổng (955) và điểm nhóm I (390) với huyện X; xếp trên do điểm nhóm II cao hơn (195 so với 190).',
        'Bằng điểm tổng (955) và điểm nhóm I (390) với huyện Y; xếp dưới do điểm nhóm II thấp hơn (190 so với 195).',
      ],
    ],
  ])('%s', (_label, units, keys, order, explanations) => {
    const ranking = ranked(units, keys);
    expect(ranking.entries.map((e) => e.unitCode)).toEqual(order);
    expect(ranking.entries.map((e) => e.rank)).toEqual(order.map((_, i) => i + 1));
    expect(ranking.entries.map((e) => e.tieBreakExplanation)).toEqual(explanations);
    expect(ranking.unresolvedTies).toEqual([]);
  });

  it.each<[string, RankingInput[], TieBreakKey[], string]>([
    [
      'no tie-break keys',
      [unit('C', 955), unit('B', 955)],
      [],
      'Bằng điểm tổng (955) với huyện C; chưa phân định được nên đồng hạng 2, liệt kê theo mã đơn vị.',
    ],
    [
      'equal on every key',
      [unit('C', 955, { I: 390 }), unit('B', 955, { I: 390 })],
      [GROUP_I, PENALTY],
      'Bằng điểm tổng (955), điểm nhóm I (390) và điểm trừ (0) với huyện C; chưa phân định được nên đồng hạng 2, liệt kê theo mã đơn vị.',
    ],
    [
      'a unit without a draw number',
      [unit('C', 955), unit('B', 955, { draw: 1 })],
      [PENALTY, DRAW],
      'Bằng điểm tổng (955) và điểm trừ (0) với huyện C; chưa phân định được (chưa đủ số bốc thăm) nên đồng hạng 2, liệt kê theo mã đơn vị.',
    ],
  ])(
    'shares a rank and reports "chưa phân định được" with %s',
    (_label, units, keys, explanationB) => {
      const ranking = ranked([unit('A', 960), ...units, unit('D', 950)], keys);
      expect(ranking.entries.map((e) => [e.unitCode, e.position, e.rank, e.unresolvedTie])).toEqual(
        [
          ['A', 1, 1, false],
          ['B', 2, 2, true],
          ['C', 3, 2, true],
          ['D', 4, 4, false],
        ],
      );
      expect(ranking.entries[1]!.tieBreakExplanation).toBe(explanationB);
      expect(ranking.entries[2]!.tieBreakExplanation).toContain(UNRESOLVED);
      expect(ranking.unresolvedTies).toEqual([['B', 'C']]);
      expect(ranking.leaderUnitCode).toBe('A');
    },
  );

  it('explains both neighbours when a key separates one unit from two that stay tied', () => {
    const ranking = ranked(
      [unit('C', 955, { I: 385 }), unit('A', 955, { I: 390 }), unit('B', 955, { I: 385 })],
      [GROUP_I],
    );
    expect(
      ranking.entries.map((e) => [e.unitCode, e.rank, e.isLeader, e.tieBreakExplanation]),
    ).toEqual([
      [
        'A',
        1,
        true,
        'Bằng điểm tổng (955) với huyện B; xếp trên do điểm nhóm I cao hơn (390 so với 385).',
      ],
      [
        'B',
        2,
        false,
        'Bằng điểm tổng (955) với huyện A; xếp dưới do điểm nhóm I thấp hơn (385 so với 390). ' +
          'Bằng điểm tổng (955) và điểm nhóm I (385) với huyện C; chưa phân định được nên đồng hạng 2, liệt kê theo mã đơn vị.',
      ],
      [
        'C',
        2,
        false,
        'Bằng điểm tổng (955) và điểm nhóm I (385) với huyện B; chưa phân định được nên đồng hạng 2, liệt kê theo mã đơn vị.',
      ],
    ]);
  });

  it('names no leader when first place is an unresolved tie', () => {
    const ranking = ranked(
      [unit('C', 955, { I: 385 }), unit('A', 955, { I: 390 }), unit('B', 955, { I: 390 })],
      [GROUP_I],
    );
    expect(
      ranking.entries.map((e) => [e.unitCode, e.rank, e.isLeader, e.tieBreakExplanation]),
    ).toEqual([
      [
        'A',
        1,
        false,
        'Bằng điểm tổng (955) và điểm nhóm I (390) với huyện B; chưa phân định được nên đồng hạng 1, liệt kê theo mã đơn vị.',
      ],
      [
        'B',
        1,
        false,
        'Bằng điểm tổng (955) và điểm nhóm I (390) với huyện A; chưa phân định được nên đồng hạng 1, liệt kê theo mã đơn vị. ' +
          'Bằng điểm tổng (955) với huyện C; xếp trên do điểm nhóm I cao hơn (390 so với 385).',
      ],
      [
        'C',
        3,
        false,
        'Bằng điểm tổng (955) với huyện B; xếp dưới do điểm nhóm I thấp hơn (385 so với 390).',
      ],
    ]);
    expect(ranking.leaderUnitCode).toBeNull();
    expect(ranking.unresolvedTies).toEqual([['A', 'B']]);
  });

  it('lists units with missing scores apart, marks the ranking incomplete and names no leader', () => {
    const ranking = ranked(
      [incomplete('Z', ['V.1']), unit('A', 968), incomplete('B', ['I.2', 'III.1']), unit('C', 955)],
      [GROUP_I],
    );
    expect(ranking.entries.map((e) => [e.unitCode, e.rank, e.isLeader])).toEqual([
      ['A', 1, false],
      ['C', 2, false],
    ]);
    expect(ranking.complete).toBe(false);
    expect(ranking.leaderUnitCode).toBeNull();
    expect(ranking.incompleteUnits).toEqual([
      { unitCode: 'B', unitName: 'huyện B', missingCriteria: ['I.2', 'III.1'], findings: [] },
      { unitCode: 'Z', unitName: 'huyện Z', missingCriteria: ['V.1'], findings: [] },
    ]);
  });

  it('accepts an empty bloc', () => {
    expect(ranked([], [DRAW])).toEqual({
      entries: [],
      complete: true,
      incompleteUnits: [],
      leaderUnitCode: null,
      unresolvedTies: [],
    });
  });

  it.each<[string, RankingInput[], TieBreakKey[], string, string]>([
    [
      'a unit listed twice',
      [unit('A', 950), unit('A', 940)],
      [],
      'RANKING_DUPLICATE_UNIT',
      'Đơn vị “A” có mặt hơn một lần trong danh sách xếp hạng.',
    ],
    [
      'a zero draw number',
      [unit('A', 950, { draw: 0 })],
      [],
      'RANKING_DRAW_ORDER_INVALID',
      'Số bốc thăm của huyện A (0) phải là số nguyên dương.',
    ],
    [
      'a decimal draw number',
      [unit('A', 950, { draw: 1.5 })],
      [],
      'RANKING_DRAW_ORDER_INVALID',
      'Số bốc thăm của huyện A (1,5) phải là số nguyên dương.',
    ],
    [
      'a draw number given twice',
      [unit('A', 950, { draw: 3 }), unit('B', 940, { draw: 3 }), unit('C', 930, { draw: 1 })],
      [],
      'RANKING_DUPLICATE_DRAW_ORDER',
      'Số bốc thăm 3 được gán cho nhiều đơn vị: huyện A và huyện B.',
    ],
    [
      'a key given twice',
      [unit('A', 950)],
      [PENALTY, GROUP_I, PENALTY],
      'TIE_BREAK_DUPLICATE_KEY',
      'Quy tắc phân định bằng điểm thứ 3 trùng với quy tắc thứ 1.',
    ],
    [
      'a group the units do not have',
      [unit('A', 950)],
      [{ kind: 'GROUP_SCORE', groupCode: 'VI' }],
      'TIE_BREAK_UNKNOWN_GROUP',
      'Quy tắc phân định bằng điểm thứ 1 dùng điểm nhóm VI, nhưng bộ tiêu chí không có nhóm này.',
    ],
  ])('refuses %s', (_label, units, keys, code, message) => {
    expect(rankUnits(units, keys)).toEqual({
      ok: false,
      error: [expect.objectContaining({ code, severity: 'error', message })],
    });
  });

  it('does not check group keys against units that could not be totalled', () => {
    const result = rankUnits(
      [incomplete('A', ['I.1'])],
      [{ kind: 'GROUP_SCORE', groupCode: 'VI' }],
    );
    expect(result.ok).toBe(true);
  });
});

describe('validateTieBreak', () => {
  it.each<[string, TieBreakKey[], string[]]>([
    ['group I, penalty, draw', [GROUP_I, PENALTY, DRAW], []],
    ['two different groups', [GROUP_I, { kind: 'GROUP_SCORE', groupCode: 'V' }], []],
    ['no keys', [], []],
    [
      'a group missing from the set',
      [{ kind: 'GROUP_SCORE', groupCode: 'VI' }],
      ['TIE_BREAK_UNKNOWN_GROUP'],
    ],
    ['the same group twice', [GROUP_I, DRAW, GROUP_I], ['TIE_BREAK_DUPLICATE_KEY']],
    ['draw twice', [DRAW, DRAW], ['TIE_BREAK_DUPLICATE_KEY']],
  ])('checks %s', (_label, keys, codes) => {
    expect(validateTieBreak(SET, keys).map((f) => f.code)).toEqual(codes);
  });
});

describe('Hải Dương district bloc, 2023 (brief §6.4, synthetic scores)', () => {
  const inputs: RankingInput[] = HAI_DUONG_2023_UNITS.map((u, i) => ({
    unitCode: u.unitCode,
    unitName: u.unitName,
    drawOrder: 12 - i,
    totals: computeUnitTotals(SET, agreedLines(SET, pts(1000 - u.total))),
  }));
  const ranking = ranked([...inputs].reverse(), [GROUP_I, PENALTY, DRAW]);

  it('ranks the 12 units by agreed total', () => {
    expect(ranking.entries.map((e) => [e.rank, e.unitName, e.totals.grandTotal])).toEqual(
      HAI_DUONG_2023_UNITS.map((u, i) => [i + 1, u.unitName, pts(u.total)]),
    );
    expect(ranking.entries.every((e) => e.tieBreakExplanation === null)).toBe(true);
  });

  it('makes TP Hải Dương the leader, then Cẩm Giàng, Gia Lộc and Kim Thành', () => {
    expect(ranking).toMatchObject({ complete: true, leaderUnitCode: 'HD', unresolvedTies: [] });
    expect(ranking.entries.slice(0, 4).map((e) => [e.unitName, e.isLeader])).toEqual([
      ['thành phố Hải Dương', true],
      ['huyện Cẩm Giàng', false],
      ['huyện Gia Lộc', false],
      ['huyện Kim Thành', false],
    ]);
  });

  it('holds the ranking back when one unit has a criterion without an agreed score', () => {
    const [first, ...rest] = inputs;
    const lines = agreedLines(SET, pts(32)).filter((l) => l.code !== 'IV.2');
    const partial = ranked(
      [{ ...first!, totals: computeUnitTotals(SET, lines) }, ...rest],
      [GROUP_I],
    );
    expect(partial).toMatchObject({ complete: false, leaderUnitCode: null });
    expect(partial.entries[0]!.unitName).toBe('huyện Cẩm Giàng');
    expect(partial.incompleteUnits).toEqual([
      expect.objectContaining({ unitCode: 'HD', missingCriteria: ['IV.2'] }),
    ]);
  });
});

describe('rankUnits properties', () => {
  const unitsArb = fc
    .uniqueArray(
      fc.record({
        code: fc.string({ minLength: 1, maxLength: 3 }),
        total: fc.integer({ min: 0, max: 4 }),
        I: fc.integer({ min: 0, max: 2 }),
        penalty: fc.integer({ min: 0, max: 1 }),
        drew: fc.boolean(),
        complete: fc.boolean(),
      }),
      { selector: (u) => u.code, maxLength: 12 },
    )
    .map((specs) =>
      specs.map((s, i) =>
        s.complete
          ? unit(s.code, 950 + s.total * 0.5, {
              I: 390 + s.I,
              penalty: s.penalty,
              draw: s.drew ? i + 1 : undefined,
            })
          : incomplete(s.code, ['I.1']),
      ),
    );
  const keysArb = fc.shuffledSubarray([GROUP_I, PENALTY, DRAW]);

  it('is a permutation of the complete units, by non-increasing total, whatever the input order', () => {
    fc.assert(
      fc.property(
        unitsArb.chain((units) =>
          fc.tuple(
            fc.constant(units),
            fc.shuffledSubarray(units, { minLength: units.length, maxLength: units.length }),
          ),
        ),
        keysArb,
        ([units, shuffled], keys) => {
          const ranking = ranked(units, keys);
          const completeCodes = units.filter((u) => u.totals.ok).map((u) => u.unitCode);
          expect(ranking.entries.map((e) => e.unitCode).sort()).toEqual([...completeCodes].sort());
          const totals = ranking.entries.map((e) => e.totals.grandTotal);
          expect(totals).toEqual([...totals].sort((a, b) => b - a));
          ranking.entries.forEach((e, i) => {
            expect(e.position).toBe(i + 1);
            expect(e.rank).toBe(
              e.unresolvedTie ? ranking.entries.findIndex((o) => o.rank === e.rank) + 1 : i + 1,
            );
          });
          expect(ranked(shuffled, keys)).toEqual(ranking);
        },
      ),
    );
  });
});
