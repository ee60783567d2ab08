import type { CriteriaSet } from './criteria-set';
import type { Centipoints } from './points';
import { computeUnitTotals, type TotalsResult } from './totals';

/** One score value of a unit: a criterion, bonus or penalty item and its value. */
export interface ScoreValue {
  readonly code: string;
  readonly value: Centipoints;
}

/** A value the import would add (before null), change, or remove (after null: the cell was emptied). */
export interface ScoreValueChange {
  readonly code: string;
  readonly before: Centipoints | null;
  readonly after: Centipoints | null;
}

/** What one unit row of a score sheet would do to the unit's stored values of that stage. */
export interface SheetRowComparison {
  /** Sheet order first, then the stored values the sheet leaves empty. */
  readonly changes: readonly ScoreValueChange[];
  readonly added: number;
  readonly changed: number;
  readonly removed: number;
  readonly unchanged: number;
  /** Totals of the stored values and of the values after the import (R11/R12 caps applied). */
  readonly totalBefore: TotalsResult;
  readonly totalAfter: TotalsResult;
}

/**
 * Compares a unit row of a score sheet with the unit's stored values of the same stage. The sheet is
 * the truth for the row: a filled cell sets the value, an empty cell removes a stored one. Counts are
 * of score values (one per criterion, bonus or penalty item), not of spreadsheet rows.
 */
export function compareSheetRow(
  set: CriteriaSet,
  sheet: readonly ScoreValue[],
  stored: readonly ScoreValue[],
): SheetRowComparison {
  const storedByCode = new Map(stored.map((s) => [s.code, s.value]));
  const inSheet = new Set<string>();
  const changes: ScoreValueChange[] = [];
  let added = 0;
  let changed = 0;
  let unchanged = 0;
  for (const line of sheet) {
    inSheet.add(line.code);
    const before = storedByCode.get(line.code);
    if (before === undefined) {
      added++;
      changes.push({ code: line.code, before: null, after: line.value });
    } else if (before !== line.value) {
      changed++;
      changes.push({ code: line.code, before, after: line.value });
    } else unchanged++;
  }
  let removed = 0;
  for (const s of stored) {
    if (inSheet.has(s.code)) continue;
    removed++;
    changes.push({ code: s.code, before: s.value, after: null });
  }
  return {
    changes,
    added,
    changed,
    removed,
    unchanged,
    totalBefore: computeUnitTotals(set, stored),
    totalAfter: computeUnitTotals(set, sheet),
  };
}
