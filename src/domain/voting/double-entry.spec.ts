import { compareEntries, sameEnterer } from './double-entry';
import { buildCounts, line } from '../../../test/builders/voting';

const FIRST = buildCounts({ seats: 2, nominees: [line('GL', 10, 2), line('KT', 9, 3)] });

describe('compareEntries (R8 double entry, RELIABILITY A4)', () => {
  it('finds identical entries equal, whatever the order of nominees', () => {
    const second = { ...FIRST, nominees: [...FIRST.nominees].reverse() };
    expect(compareEntries(FIRST, second)).toEqual({ equal: true, differences: [] });
  });

  it('lists a difference in one nominee', () => {
    const second = buildCounts({ seats: 2, nominees: [line('GL', 10, 2), line('KT', 8, 4)] });
    expect(compareEntries(FIRST, second)).toEqual({
      equal: false,
      differences: [
        { field: 'nominees[KT].agree', first: 9, second: 8 },
        { field: 'nominees[KT].disagree', first: 3, second: 4 },
      ],
    });
  });

  it('lists differences in the totals first', () => {
    const second = { ...FIRST, ballotsReturned: 11, invalid: 1 };
    expect(compareEntries(FIRST, second).differences).toEqual([
      { field: 'ballotsReturned', first: 12, second: 11 },
      { field: 'invalid', first: 0, second: 1 },
    ]);
  });

  it('reports a nominee missing from one entry with nulls', () => {
    const second = { ...FIRST, nominees: [line('GL', 10, 2)] };
    expect(compareEntries(FIRST, second).differences).toEqual([
      { field: 'nominees[KT].agree', first: 9, second: null },
      { field: 'nominees[KT].disagree', first: 3, second: null },
      { field: 'nominees[KT].noOpinion', first: 0, second: null },
    ]);
  });

  it('compares written ballots, also when only one entry has them', () => {
    const written = { received: 1, valid: 1, invalid: 0, nominees: [line('GL', 1, 0)] };
    expect(compareEntries({ ...FIRST, written: null }, { ...FIRST, written }).differences).toEqual([
      { field: 'written.received', first: null, second: 1 },
      { field: 'written.valid', first: null, second: 1 },
      { field: 'written.invalid', first: null, second: 0 },
      { field: 'written.nominees[GL].agree', first: null, second: 1 },
      { field: 'written.nominees[GL].disagree', first: null, second: 0 },
      { field: 'written.nominees[GL].noOpinion', first: null, second: 0 },
    ]);
    expect(compareEntries({ ...FIRST, written }, FIRST).differences[0]).toEqual({
      field: 'written.received',
      first: 1,
      second: null,
    });
    const changed = { ...written, nominees: [line('GL', 0, 1)] };
    expect(
      compareEntries({ ...FIRST, written }, { ...FIRST, written: changed }).differences,
    ).toEqual([
      { field: 'written.nominees[GL].agree', first: 1, second: 0 },
      { field: 'written.nominees[GL].disagree', first: 0, second: 1 },
    ]);
    expect(compareEntries({ ...FIRST, written }, { ...FIRST, written }).equal).toBe(true);
  });
});

describe('sameEnterer (R8 double entry: four eyes)', () => {
  it('refuses a second entry by the same user', () => {
    expect(sameEnterer(7, '7')).toEqual({
      code: 'DOUBLE_ENTRY_SAME_USER',
      severity: 'error',
      message:
        'Lần nhập thứ hai phải do một người dùng khác với người nhập lần thứ nhất thực hiện.',
      field: 'secondEntry',
      params: { userId: '7' },
    });
  });

  it('accepts two different users', () => {
    expect(sameEnterer('thu-ky', 'chu-tri')).toBeNull();
  });
});
