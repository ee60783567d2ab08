import {
  agreedLines,
  HAI_DUONG_2023_SET as SET,
  pts,
} from '../../../test/builders/hai-duong-2023.fixture';
import { compareSheetRow } from './sheet-comparison';

const v = (code: string, points: number) => ({ code, value: pts(points) });

describe('compareSheetRow', () => {
  const stored = agreedLines(SET, pts(32)); // 968 points, no bonus or penalty

  it('counts nothing to write for the stored values, and gives the same total twice', () => {
    const c = compareSheetRow(SET, stored, stored);
    expect(c).toMatchObject({ added: 0, changed: 0, removed: 0, unchanged: 14, changes: [] });
    expect(c.totalBefore.ok && c.totalBefore.value.grandTotal).toBe(pts(968));
    expect(c.totalAfter.ok && c.totalAfter.value.grandTotal).toBe(pts(968));
  });

  it('counts added, changed, removed and unchanged values separately, a removed one not as written', () => {
    const sheet = [
      ...stored.filter((l) => l.code !== 'V.2').map((l) => (l.code === 'I.1' ? v('I.1', 90) : l)),
      v('B1', 10),
    ];
    const withPenalty = [...stored, v('P1', 5)];
    const c = compareSheetRow(SET, sheet, withPenalty);
    expect(c).toMatchObject({ added: 1, changed: 1, removed: 2, unchanged: 12 });
    expect(c.changes).toEqual([
      { code: 'I.1', before: pts(100), after: pts(90) },
      { code: 'B1', before: null, after: pts(10) },
      { code: 'V.2', before: withPenalty.find((l) => l.code === 'V.2')!.value, after: null },
      { code: 'P1', before: pts(5), after: null },
    ]);
    expect(c.totalBefore.ok && c.totalBefore.value.grandTotal).toBe(pts(963));
    // V.2 emptied: no total can be given, and the missing criterion is named.
    expect(c.totalAfter.ok).toBe(false);
    expect(!c.totalAfter.ok && c.totalAfter.error.missingCriteria).toEqual(['V.2']);
  });

  it('computes the total after the import with the bonus cap of the set', () => {
    const c = compareSheetRow(
      SET,
      [...stored, v('B1', 10), v('B2', 15), v('B3', 25), v('P2', 3)],
      stored,
    );
    expect(c).toMatchObject({ added: 4, changed: 0, removed: 0, unchanged: 14 });
    // bonus 50 entered, capped at the set's 50; penalty 3
    expect(c.totalAfter.ok && c.totalAfter.value.grandTotal).toBe(pts(968 + 50 - 3));
  });
});
