import { validateTermComposition, type TermUnitFacts } from './bloc-terms';
import { isActiveDuringYear, isActiveOn } from './unit-types';

const unit = (id: number, over: Partial<TermUnitFacts> = {}): TermUnitFacts => ({
  id,
  name: `huyện ${id}`,
  provinceId: 1,
  validFrom: '2023-01-01',
  validTo: '2025-06-30',
  otherBlocName: null,
  ...over,
});

const run = (over: Partial<Parameters<typeof validateTermComposition>[0]> = {}) =>
  validateTermComposition({
    year: 2023,
    blocProvinceId: 1,
    memberUnitIds: [1, 2, 3],
    units: new Map([1, 2, 3].map((id) => [id, unit(id)])),
    headUnitId: 1,
    deputyUnitId: 2,
    ...over,
  }).map((f) => `${f.code}@${f.field}`);

describe('validateTermComposition', () => {
  it('accepts valid members with a distinct head and deputy', () => {
    expect(run()).toEqual([]);
    expect(run({ headUnitId: null, deputyUnitId: null })).toEqual([]);
  });

  it.each<[string, Partial<Parameters<typeof validateTermComposition>[0]>, string]>([
    ['a unit listed twice', { memberUnitIds: [1, 2, 2] }, 'BLOC_MEMBER_DUPLICATE@memberUnitIds.2'],
    ['an unknown unit', { memberUnitIds: [1, 2, 9] }, 'BLOC_MEMBER_UNKNOWN_UNIT@memberUnitIds.2'],
    [
      'a unit of another province',
      {
        units: new Map([
          [1, unit(1)],
          [2, unit(2)],
          [3, unit(3, { provinceId: 2 })],
        ]),
      },
      'BLOC_MEMBER_OTHER_PROVINCE@memberUnitIds.2',
    ],
    ['a unit dissolved before the year', { year: 2026 }, 'BLOC_MEMBER_NOT_ACTIVE@memberUnitIds.0'],
    ['a unit created after the year', { year: 2022 }, 'BLOC_MEMBER_NOT_ACTIVE@memberUnitIds.0'],
    [
      'a unit already in another bloc',
      {
        units: new Map([
          [1, unit(1)],
          [2, unit(2, { otherBlocName: 'Cụm 2' })],
          [3, unit(3)],
        ]),
      },
      'BLOC_MEMBER_IN_OTHER_BLOC@memberUnitIds.1',
    ],
    ['a head who is not a member', { headUnitId: 7 }, 'BLOC_OFFICER_NOT_MEMBER@headUnitId'],
    ['a deputy who is not a member', { deputyUnitId: 7 }, 'BLOC_OFFICER_NOT_MEMBER@deputyUnitId'],
    ['the same unit as head and deputy', { deputyUnitId: 1 }, 'BLOC_HEAD_IS_DEPUTY@deputyUnitId'],
  ])('refuses %s', (_l, over, expected) => {
    expect(run(over)).toContain(expected);
  });
});

describe('unit validity (bounds inclusive)', () => {
  const u = { validFrom: '2023-01-01', validTo: '2025-06-30' };
  it.each([
    ['2022-12-31', false],
    ['2023-01-01', true],
    ['2025-06-30', true],
    ['2025-07-01', false],
  ])('on %s active: %s', (d, ok) => expect(isActiveOn(u, d)).toBe(ok));
  it.each([
    [2022, false],
    [2023, true],
    [2025, true],
    [2026, false],
  ])('during %i active: %s', (y, ok) => expect(isActiveDuringYear(u, y)).toBe(ok));
  it('an open-ended unit stays active', () =>
    expect(isActiveOn({ validFrom: '2025-07-01', validTo: null }, '2099-01-01')).toBe(true));
});
