import type { CriteriaSet, ScoreItemKind } from '../../domain/scoring/criteria-set';
import type { ScoreStage } from '../../domain/scoring/score-lines';

/**
 * Layout of the Excel score sheet of a bloc term, shared by the writer and the reader.
 *
 *   Row 1  title (merged across the table)
 *   Row 2  identification row, small grey text: A2 "thidua:score-sheet", B2 bloc code, C2 year,
 *          D2 stage (SELF | REVIEW | AGREED), E2 criteria-set version; F2 (merged) a note with
 *          the stage label. The reader finds this row by the marker in column A (rows 1–10) and
 *          reads the rest of the table relative to it.
 *   Row 3  group names (merged over their criteria), "Khoản cộng điểm", "Khoản trừ điểm", "Tổng hợp"
 *   Row 4  item codes – the reader identifies columns by this row
 *   Row 5  item titles
 *   Row 6  maxima / caps in points
 *   Row 7+ one row per unit: A unit code, B unit name, then values in points
 *
 * Columns: A unit code, B unit name, then one column per criterion (in group order), per bonus
 * item, per penalty item, then the derived columns "Tổng điểm tiêu chí", "Điểm cộng", "Điểm trừ",
 * "Tổng điểm" (Excel formulas, ignored on import) and finally "Lý do thay đổi".
 */
export const SCORE_SHEET_NAME = 'Bảng điểm';
export const SCORE_SHEET_MARKER = 'thidua:score-sheet';

/** Row offsets from the identification (marker) row. */
export const GROUP_ROW_OFFSET = 1;
export const CODE_ROW_OFFSET = 2;
export const TITLE_ROW_OFFSET = 3;
export const MAX_ROW_OFFSET = 4;
export const FIRST_UNIT_ROW_OFFSET = 5;

/** Rows as written by `writeScoreSheet`. */
export const TITLE_ROW = 1;
export const MARKER_ROW = 2;
export const FIRST_UNIT_ROW = MARKER_ROW + FIRST_UNIT_ROW_OFFSET;

export const UNIT_CODE_COLUMN = 1;
export const UNIT_NAME_COLUMN = 2;
export const FIRST_ITEM_COLUMN = 3;

/** Labels of the derived and reason columns, written in the code row (row 4). */
export const CRITERIA_TOTAL_LABEL = 'Tổng điểm tiêu chí';
export const BONUS_TOTAL_LABEL = 'Điểm cộng';
export const PENALTY_TOTAL_LABEL = 'Điểm trừ';
export const GRAND_TOTAL_LABEL = 'Tổng điểm';
export const REASON_LABEL = 'Lý do thay đổi';
export const DERIVED_LABELS: readonly string[] = [
  CRITERIA_TOTAL_LABEL,
  BONUS_TOTAL_LABEL,
  PENALTY_TOTAL_LABEL,
  GRAND_TOTAL_LABEL,
];

export const STAGES: readonly ScoreStage[] = ['SELF', 'REVIEW', 'AGREED'];

/** Vietnamese stage names used in messages (same wording as the domain rules). */
export const STAGE_NAMES: Readonly<Record<ScoreStage, string>> = {
  SELF: 'tự chấm',
  REVIEW: 'thẩm định',
  AGREED: 'thống nhất',
};

export interface SheetItemColumn {
  readonly kind: ScoreItemKind;
  readonly code: string;
  readonly title: string;
  /** Criterion maximum or item cap, in centipoints. */
  readonly limit: number;
  /** Group code for a criterion, null for bonus and penalty items. */
  readonly groupCode: string | null;
}

/** Scorable items in sheet order: criteria by group, then bonus items, then penalty items. */
export function sheetItems(set: CriteriaSet): SheetItemColumn[] {
  const items: SheetItemColumn[] = [];
  for (const group of set.groups) {
    for (const c of group.criteria) {
      items.push({
        kind: 'CRITERION',
        code: c.code,
        title: c.title,
        limit: c.maxPoints,
        groupCode: group.code,
      });
    }
  }
  for (const b of set.bonusItems) {
    items.push({ kind: 'BONUS', code: b.code, title: b.title, limit: b.cap, groupCode: null });
  }
  for (const p of set.penaltyItems) {
    items.push({ kind: 'PENALTY', code: p.code, title: p.title, limit: p.cap, groupCode: null });
  }
  return items;
}

/** 1 → "A", 27 → "AA". */
export function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "A" → 1, "AA" → 27; 0 for anything that is not column letters. */
export function columnNumber(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return 0;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Characters that make a spreadsheet treat typed or pasted text as a formula (CSV/formula injection). */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * Text written into the sheet (unit names and codes are user data): a leading formula trigger
 * gets an apostrophe in front, so re-entering the cell or exporting it to CSV cannot run it.
 */
export function neutraliseText(text: string): string {
  return FORMULA_TRIGGERS.has(text.charAt(0)) ? `'${text}` : text;
}

/** Reverses `neutraliseText` for codes read back from a sheet. */
export function restoreText(text: string): string {
  return text.startsWith("'") && FORMULA_TRIGGERS.has(text.charAt(1)) ? text.slice(1) : text;
}

/** 12345 → "12.345" (Vietnamese thousands separator). */
export function groupThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
