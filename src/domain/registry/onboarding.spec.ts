import { alreadyAwardedSameYearRule } from '../eligibility/already-awarded-same-year.rule';
import { priorTierRequiredRule } from '../eligibility/prior-tier-required.rule';
import { buildContext } from '../../../test/builders/eligibility';
import { parseBlocKind, parseRole } from './bloc-import';
import { ancestorsOf, lineageKind } from './lineage';
import { planRollover, type RolloverBlocInput, type RolloverUnit } from './rollover';
import {
  parseUnitType,
  planUnitImport,
  withholdUpdates,
  type UnitFileRow,
  type UnitImportFacts,
} from './unit-import';

const day = (s: string) =>
  /^\d{2}\/\d{2}\/\d{4}$/.test(s) ? `${s.slice(6)}-${s.slice(3, 5)}-${s.slice(0, 2)}` : null;

describe('lineage (R13)', () => {
  it('names a link by the shape of the reorganisation', () => {
    expect(lineageKind(1, 3)).toBe('MERGED_INTO');
    expect(lineageKind(2, 1)).toBe('SPLIT_INTO');
    expect(lineageKind(1, 1)).toBe('RENAMED_TO');
  });

  it('finds every predecessor through several reorganisations and stops on a cycle', () => {
    const edges = [
      { predecessorId: 1, successorId: 3 },
      { predecessorId: 2, successorId: 3 },
      { predecessorId: 3, successorId: 5 },
      { predecessorId: 4, successorId: 5 },
      { predecessorId: 5, successorId: 1 },
    ];
    expect(ancestorsOf(5, edges).sort()).toEqual([1, 2, 3, 4]);
    expect(ancestorsOf(9, edges)).toEqual([]);
  });

  it("counts a predecessor's award in the rules that look back, not in the same-year rule", () => {
    const history = [{ year: 2023, tierCode: 'PROV_FLAG', viaPredecessorId: 77 }];
    const ctx = buildContext({ awardHistory: history });
    expect(alreadyAwardedSameYearRule.evaluate(ctx, {})).toEqual([]);
    expect(
      priorTierRequiredRule.evaluate(
        buildContext({ nomination: { year: 2024 }, awardHistory: history }),
        {
          requirement: { tierCode: 'PROV_FLAG', withinYears: 3 },
        },
      ),
    ).toEqual([]);
    expect(
      alreadyAwardedSameYearRule.evaluate(
        buildContext({ awardHistory: [{ year: 2023, tierCode: 'PROV_FLAG' }] }),
        {},
      ),
    ).toHaveLength(1);
  });
});

describe('reading import cells', () => {
  it.each([
    ['xã', 'XA'],
    ['Phường', 'PHUONG'],
    ['đặc khu', 'DAC_KHU'],
    ['XA', 'XA'],
    ['làng', null],
  ])('unit type %s → %s', (text, type) => expect(parseUnitType(text)).toBe(type));

  it.each([
    ['Cụm trưởng', 'HEAD'],
    ['trưởng khối', 'HEAD'],
    ['Phó cụm', 'DEPUTY'],
    ['', 'MEMBER'],
    ['thư ký', null],
  ])('role %s → %s', (text, role) => expect(parseRole(text)).toBe(role));

  it('reads a bloc kind', () => {
    expect(parseBlocKind('Cụm thi đua')).toBe('CUM');
    expect(parseBlocKind('khối')).toBe('KHOI');
    expect(parseBlocKind('nhóm')).toBeNull();
  });
});

describe('planUnitImport', () => {
  const row = (o: Partial<UnitFileRow>): UnitFileRow => ({
    rowNumber: 2,
    code: 'X1',
    type: 'xã',
    shortName: 'Một',
    fullName: '',
    collectiveName: '',
    validFrom: '01/07/2025',
    validTo: '',
    provinceCode: '',
    predecessorCodes: '',
    ...o,
  });
  const facts = (o: Partial<UnitImportFacts> = {}): UnitImportFacts => ({
    defaultProvinceCode: 'HP',
    provinces: new Map([
      ['HP', { id: 2, code: 'HP', name: 'Hải Phòng', validFrom: '2025-07-01', validTo: null }],
      [
        'HD',
        { id: 1, code: 'HD', name: 'Hải Dương', validFrom: '1997-01-01', validTo: '2025-06-30' },
      ],
    ]),
    units: new Map(),
    links: new Set(),
    successorCount: new Map(),
    predecessorCount: new Map(),
    memberYears: new Map(),
    parseDay: day,
    ...o,
  });

  it('links one old unit split into two new ones, both from the same file, as a split', () => {
    const plan = planUnitImport(
      [
        row({
          rowNumber: 2,
          code: 'OLD',
          validFrom: '01/01/2020',
          validTo: '30/06/2025',
          provinceCode: 'HD',
        }),
        row({ rowNumber: 3, code: 'N1', predecessorCodes: 'OLD' }),
        row({ rowNumber: 4, code: 'N2', predecessorCodes: 'OLD' }),
      ],
      facts(),
    );
    expect(plan.ok).toBe(true);
    expect(plan.inserts).toHaveLength(3);
    expect(plan.links.map((l) => l.kind)).toEqual(['SPLIT_INTO', 'SPLIT_INTO']);
  });

  it("refuses a unit outside its province's existence and an update that leaves a bloc year uncovered", () => {
    const plan = planUnitImport(
      [
        row({ rowNumber: 2, code: 'A', validFrom: '01/01/2024' }),
        row({ rowNumber: 3, code: 'B', validTo: '31/12/2025' }),
      ],
      facts({
        units: new Map([
          [
            'B',
            {
              id: 9,
              code: 'B',
              shortName: 'Một',
              type: 'XA',
              fullName: 'xã Một',
              collectiveName: 'x',
              provinceId: 2,
              validFrom: '2025-07-01',
              validTo: null,
            },
          ],
        ]),
        memberYears: new Map([[9, [2026]]]),
      }),
    );
    expect(plan.ok).toBe(false);
    expect(plan.rows.map((r) => r.errors.map((e) => e.code))).toEqual([
      ['UNIT_ROW_OUTSIDE_PROVINCE'],
      ['UNIT_ROW_MEMBERSHIP_OUTSIDE'],
    ]);
    expect(plan.inserts).toEqual([]);
  });
});

describe('withholdUpdates (issue 21)', () => {
  const stored = (id: number, code: string) => ({
    id,
    code,
    shortName: code,
    type: 'XA' as const,
    fullName: `xã ${code}`,
    collectiveName: 'x',
    provinceId: 2,
    validFrom: '2025-07-01',
    validTo: null,
  });
  const row = (rowNumber: number, code: string, fullName: string): UnitFileRow => ({
    rowNumber,
    code,
    type: 'xã',
    shortName: fullName,
    fullName,
    collectiveName: '',
    validFrom: '01/07/2025',
    validTo: '',
    provinceCode: '',
    predecessorCodes: '',
  });
  const plan = () =>
    planUnitImport([row(2, 'MINE', 'xã Của Mình'), row(3, 'THEIRS', 'xã Của Người')], {
      defaultProvinceCode: 'HP',
      provinces: new Map([
        ['HP', { id: 2, code: 'HP', name: 'Hải Phòng', validFrom: '2025-07-01', validTo: null }],
      ]),
      units: new Map([
        ['MINE', stored(1, 'MINE')],
        ['THEIRS', stored(2, 'THEIRS')],
      ]),
      links: new Set(),
      successorCount: new Map(),
      predecessorCount: new Map(),
      memberYears: new Map(),
      parseDay: day,
    });

  it('refuses the rows changing a unit the organization may not change, and keeps the others', () => {
    const before = plan();
    expect(before.ok).toBe(true);
    expect(before.updates.map((u) => u.code)).toEqual(['MINE', 'THEIRS']);
    const after = withholdUpdates(before, (code) => code === 'MINE');
    expect(after.ok).toBe(false);
    expect(after.updates.map((u) => u.code)).toEqual(['MINE']);
    expect(after.rows.map((r) => r.errors.map((e) => e.code))).toEqual([[], ['UNIT_ROW_NOT_OWN']]);
    expect(withholdUpdates(before, () => true)).toBe(before);
  });
});

describe('planRollover (R13, R14)', () => {
  const u = (id: number, validTo: string | null = null): RolloverUnit => ({
    id,
    code: `U${id}`,
    name: `xã U${id}`,
    validFrom: '2025-07-01',
    validTo,
  });

  it('carries members still existing, takes the officers the meeting elected, and refuses the rest', () => {
    const [plan] = planRollover(
      2026,
      [
        {
          blocId: 1,
          blocCode: 'C1',
          blocName: 'Cụm 1',
          blocKind: 'CUM',
          organizationId: 7,
          term: { id: 10, members: [u(1), u(2), u(3, '2026-12-31'), u(4), u(6)] },
          nextExists: false,
          elected: { headUnitId: 2, deputyUnitId: 3, meetingDate: '2027-03-10' },
        },
      ],
      new Map([
        [7, new Map([[4, 'Cụm 2']])],
        // unit 6 is in another organization's cụm next year: not a seat of this one (issue 21)
        [8, new Map([[6, 'Cụm Mặt trận']])],
      ]),
      new Map([[3, ['xã Mới']]]),
    );
    expect(plan).toMatchObject({ outcome: 'CREATE', head: { id: 2 }, deputy: null });
    expect(plan!.members.map((m) => m.id)).toEqual([1, 2, 6]);
    expect(plan!.refused.map((r) => [r.unit.id, r.code])).toEqual([
      [3, 'ROLLOVER_UNIT_DISSOLVED'],
      [4, 'ROLLOVER_UNIT_IN_TWO_BLOCS'],
    ]);
    expect(plan!.refused[0]!.message).toContain('31/12/2026');
    expect(plan!.refused[0]!.message).toContain('xã Mới');
  });

  it('leaves a bloc whose next year exists, skips one without this year, refuses one with nobody left', () => {
    const plans = planRollover(
      2026,
      [
        {
          blocId: 1,
          blocCode: 'A',
          blocName: 'A',
          blocKind: 'KHOI',
          organizationId: null,
          term: { id: 1, members: [u(1)] },
          nextExists: true,
          elected: null,
        },
        {
          blocId: 2,
          blocCode: 'B',
          blocName: 'B',
          blocKind: 'KHOI',
          organizationId: null,
          term: null,
          nextExists: false,
          elected: null,
        },
        {
          blocId: 3,
          blocCode: 'C',
          blocName: 'C',
          blocKind: 'KHOI',
          organizationId: null,
          term: { id: 3, members: [u(5, '2026-06-30')] },
          nextExists: false,
          elected: null,
        },
      ],
      new Map(),
      new Map(),
    );
    expect(plans.map((p) => p.outcome)).toEqual(['EXISTS', 'NO_TERM', 'REFUSED']);
  });

  it('words the officers by the bloc kind: trưởng cụm, phó cụm for a cụm', () => {
    const plan = (blocKind: 'KHOI' | 'CUM', elected: RolloverBlocInput['elected']) =>
      planRollover(
        2026,
        [
          {
            blocId: 1,
            blocCode: 'C1',
            blocName: 'Cụm 1',
            blocKind,
            organizationId: null,
            term: { id: 10, members: [u(1)] },
            nextExists: false,
            elected,
          },
        ],
        new Map(),
        new Map(),
      )[0]!.officersSource;
    expect(plan('CUM', null)).toBe('Chưa có hội nghị bình xét chốt trưởng cụm, phó cụm: để trống.');
    expect(plan('KHOI', null)).toBe(
      'Chưa có hội nghị bình xét chốt trưởng khối, phó khối: để trống.',
    );
    expect(plan('CUM', { headUnitId: 9, deputyUnitId: null, meetingDate: '2027-03-10' })).toBe(
      'Hội nghị ngày 10/03/2027 không ghi trưởng cụm, phó cụm còn là thành viên: để trống.',
    );
  });
});
