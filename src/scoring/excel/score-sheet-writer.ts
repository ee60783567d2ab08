import type ExcelJS from 'exceljs';
import { excel } from '../../common/lazy/exceljs';
import type { CriteriaSet } from '../../domain/scoring/criteria-set';
import { CENTIPOINTS_PER_POINT, formatPoints, type Centipoints } from '../../domain/scoring/points';
import type { ScoreStage } from '../../domain/scoring/score-lines';
import {
  BONUS_TOTAL_LABEL,
  CODE_ROW_OFFSET,
  CRITERIA_TOTAL_LABEL,
  FIRST_ITEM_COLUMN,
  FIRST_UNIT_ROW,
  GRAND_TOTAL_LABEL,
  GROUP_ROW_OFFSET,
  MARKER_ROW,
  MAX_ROW_OFFSET,
  PENALTY_TOTAL_LABEL,
  REASON_LABEL,
  SCORE_SHEET_MARKER,
  SCORE_SHEET_NAME,
  TITLE_ROW,
  TITLE_ROW_OFFSET,
  UNIT_CODE_COLUMN,
  UNIT_NAME_COLUMN,
  columnLetter,
  neutraliseText,
  sheetItems,
  type SheetItemColumn,
} from './score-sheet-layout';

export interface ScoreSheetUnit {
  readonly code: string;
  readonly name: string;
}

/** Everything needed to export the score sheet of one bloc term at one stage. */
export interface ScoreSheetModel {
  /** E.g. "Bảng điểm thi đua năm 2023 – Khối thi đua các huyện, thị xã, thành phố". */
  readonly title: string;
  readonly blocCode: string;
  readonly year: number;
  readonly stage: ScoreStage;
  /** Vietnamese stage label shown on the sheet, e.g. "Điểm thống nhất". */
  readonly stageLabel: string;
  readonly criteriaSetVersion: number;
  readonly set: CriteriaSet;
  /** Units in display order, one row each. */
  readonly units: readonly ScoreSheetUnit[];
  /** unit code → item code → value in centipoints; an absent item is an empty cell. */
  readonly values: ReadonlyMap<string, ReadonlyMap<string, Centipoints>>;
}

const POINTS_FORMAT = '#,##0.00';
const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFDDEBF7' },
};
const DERIVED_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFF2F2F2' },
};
const THIN_BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

const toPoints = (value: Centipoints): number => value / CENTIPOINTS_PER_POINT;

/**
 * Writes the score sheet of a bloc term (units × criteria) as an .xlsx workbook with one
 * worksheet "Bảng điểm"; see `score-sheet-layout.ts` for the rows and columns. Totals are real
 * Excel formulas carrying their computed result, so viewers that do not recalculate show numbers.
 */
export async function writeScoreSheet(model: ScoreSheetModel): Promise<Buffer> {
  const { set } = model;
  const items = sheetItems(set);
  const criteria = items.filter((i) => i.kind === 'CRITERION');
  const bonus = items.filter((i) => i.kind === 'BONUS');
  const penalty = items.filter((i) => i.kind === 'PENALTY');

  const criteriaTotalCol = FIRST_ITEM_COLUMN + items.length;
  const bonusTotalCol = criteriaTotalCol + 1;
  const penaltyTotalCol = criteriaTotalCol + 2;
  const grandTotalCol = criteriaTotalCol + 3;
  const reasonCol = criteriaTotalCol + 4;
  const lastCol = reasonCol;
  const itemCol = (index: number): number => FIRST_ITEM_COLUMN + index;

  const groupRow = MARKER_ROW + GROUP_ROW_OFFSET;
  const codeRow = MARKER_ROW + CODE_ROW_OFFSET;
  const titleRow = MARKER_ROW + TITLE_ROW_OFFSET;
  const maxRow = MARKER_ROW + MAX_ROW_OFFSET;

  const workbook = new (excel().Workbook)();
  workbook.creator = 'thidua';
  workbook.created = new Date();
  workbook.calcProperties.fullCalcOnLoad = true;
  const ws = workbook.addWorksheet(SCORE_SHEET_NAME, {
    views: [
      {
        state: 'frozen',
        xSplit: UNIT_NAME_COLUMN,
        ySplit: maxRow,
        topLeftCell: `${columnLetter(FIRST_ITEM_COLUMN)}${FIRST_UNIT_ROW}`,
      },
    ],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${groupRow}:${maxRow}`,
    },
  });

  // Column widths.
  ws.getColumn(UNIT_CODE_COLUMN).width = 12;
  ws.getColumn(UNIT_NAME_COLUMN).width = 34;
  items.forEach((_, i) => (ws.getColumn(itemCol(i)).width = 11));
  for (const c of [criteriaTotalCol, bonusTotalCol, penaltyTotalCol, grandTotalCol]) {
    ws.getColumn(c).width = 13;
  }
  ws.getColumn(reasonCol).width = 40;

  const text = (row: number, col: number, value: string): ExcelJS.Cell => {
    const cell = ws.getCell(row, col);
    cell.value = neutraliseText(value);
    return cell;
  };
  const header = (cell: ExcelJS.Cell): void => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN_BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };

  // Row 1: title.
  ws.mergeCells(TITLE_ROW, 1, TITLE_ROW, lastCol);
  const titleCell = text(TITLE_ROW, 1, model.title);
  titleCell.font = { bold: true, size: 14 };
  titleCell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.getRow(TITLE_ROW).height = 36;

  // Row 2: identification row (read back by the importer) and a note with the stage label.
  const markerFont: Partial<ExcelJS.Font> = { size: 7, color: { argb: 'FF808080' } };
  const markers: (string | number)[] = [
    SCORE_SHEET_MARKER,
    neutraliseText(model.blocCode),
    model.year,
    model.stage,
    model.criteriaSetVersion,
  ];
  markers.forEach((value, i) => {
    const cell = ws.getCell(MARKER_ROW, i + 1);
    cell.value = value;
    cell.font = markerFont;
    cell.alignment = { horizontal: 'left' };
  });
  const noteCol = markers.length + 1;
  ws.mergeCells(MARKER_ROW, noteCol, MARKER_ROW, lastCol);
  const note = text(
    MARKER_ROW,
    noteCol,
    `${model.stageLabel} – bộ tiêu chí phiên bản ${model.criteriaSetVersion}. ` +
      'Các ô A2:E2 (mã khối, năm, giai đoạn, phiên bản) dùng để nhận dạng tệp khi nhập lại, ' +
      'xin đừng sửa. Nhập điểm dạng số, tối đa hai chữ số thập phân; ô để trống là chưa chấm.',
  );
  note.font = { size: 9, italic: true, color: { argb: 'FF595959' } };
  note.alignment = { horizontal: 'left', vertical: 'middle' };

  // Rows 3–6: headers.
  ws.mergeCells(groupRow, UNIT_CODE_COLUMN, titleRow, UNIT_CODE_COLUMN);
  header(text(groupRow, UNIT_CODE_COLUMN, 'Mã đơn vị'));
  ws.mergeCells(groupRow, UNIT_NAME_COLUMN, titleRow, UNIT_NAME_COLUMN);
  header(text(groupRow, UNIT_NAME_COLUMN, 'Tên đơn vị'));

  // Group row: each group over its criteria, then the bonus and penalty blocks.
  const spanHeader = (from: number, to: number, label: string): void => {
    if (to < from) return;
    if (to > from) ws.mergeCells(groupRow, from, groupRow, to);
    header(text(groupRow, from, label));
  };
  let col = FIRST_ITEM_COLUMN;
  for (const group of set.groups) {
    const from = col;
    col += group.criteria.length;
    spanHeader(from, col - 1, `${group.code}. ${group.title} (${formatPoints(group.maxPoints)})`);
  }
  spanHeader(col, col + bonus.length - 1, `Khoản cộng điểm (tối đa ${formatPoints(set.bonusCap)})`);
  col += bonus.length;
  spanHeader(
    col,
    col + penalty.length - 1,
    `Khoản trừ điểm (tối đa ${formatPoints(set.penaltyCap)})`,
  );
  spanHeader(criteriaTotalCol, grandTotalCol, 'Tổng hợp (tự tính, không cần nhập)');
  header(ws.getCell(groupRow, reasonCol));

  // Code row and title row.
  items.forEach((item, i) => {
    header(text(codeRow, itemCol(i), item.code));
    const t = text(titleRow, itemCol(i), item.title);
    header(t);
    t.font = { bold: false, size: 9 };
  });
  const derived: [number, string][] = [
    [criteriaTotalCol, CRITERIA_TOTAL_LABEL],
    [bonusTotalCol, BONUS_TOTAL_LABEL],
    [penaltyTotalCol, PENALTY_TOTAL_LABEL],
    [grandTotalCol, GRAND_TOTAL_LABEL],
    [reasonCol, REASON_LABEL],
  ];
  for (const [c, label] of derived) {
    ws.mergeCells(codeRow, c, titleRow, c);
    header(text(codeRow, c, label));
  }
  ws.getRow(groupRow).height = 32;
  ws.getRow(titleRow).height = 60;

  // Maxima row (points).
  ws.mergeCells(maxRow, UNIT_CODE_COLUMN, maxRow, UNIT_NAME_COLUMN);
  header(text(maxRow, UNIT_CODE_COLUMN, 'Điểm tối đa'));
  const maxCell = (c: number, value: Centipoints): void => {
    const cell = ws.getCell(maxRow, c);
    cell.value = toPoints(value);
    header(cell);
    cell.numFmt = POINTS_FORMAT;
  };
  items.forEach((item, i) => maxCell(itemCol(i), item.limit));
  const criteriaMax = criteria.reduce((acc, i) => acc + i.limit, 0);
  maxCell(criteriaTotalCol, criteriaMax);
  maxCell(bonusTotalCol, set.bonusCap);
  maxCell(penaltyTotalCol, set.penaltyCap);
  maxCell(grandTotalCol, criteriaMax + set.bonusCap);
  header(ws.getCell(maxRow, reasonCol));

  // Unit rows.
  const rangeOf = (row: number, block: readonly SheetItemColumn[]): string | null => {
    const first = block[0];
    const last = block[block.length - 1];
    if (first === undefined || last === undefined) return null;
    const a = columnLetter(itemCol(items.indexOf(first)));
    const b = columnLetter(itemCol(items.indexOf(last)));
    return `${a}${row}:${b}${row}`;
  };
  model.units.forEach((unit, u) => {
    const row = FIRST_UNIT_ROW + u;
    const unitValues = model.values.get(unit.code);
    const codeCell = text(row, UNIT_CODE_COLUMN, unit.code);
    codeCell.border = THIN_BORDER;
    const nameCell = text(row, UNIT_NAME_COLUMN, unit.name);
    nameCell.border = THIN_BORDER;

    const sumOf = (block: readonly SheetItemColumn[]): Centipoints =>
      block.reduce((acc, item) => acc + (unitValues?.get(item.code) ?? 0), 0);
    items.forEach((item, i) => {
      const cell = ws.getCell(row, itemCol(i));
      const value = unitValues?.get(item.code);
      if (value !== undefined) cell.value = toPoints(value);
      cell.numFmt = POINTS_FORMAT;
      cell.border = THIN_BORDER;
      cell.dataValidation = {
        type: 'decimal',
        operator: 'between',
        allowBlank: true,
        formulae: [0, toPoints(item.limit)],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: 'Điểm không hợp lệ',
        error: `Điểm của ${item.code} phải là số từ 0 đến ${formatPoints(item.limit)}.`,
      };
    });

    const criteriaSum = sumOf(criteria);
    const bonusSum = Math.min(sumOf(bonus), set.bonusCap);
    const penaltySum = Math.min(sumOf(penalty), set.penaltyCap);
    const criteriaRange = rangeOf(row, criteria);
    const bonusRange = rangeOf(row, bonus);
    const penaltyRange = rangeOf(row, penalty);
    const formulaCell = (c: number, formula: string | null, result: Centipoints): void => {
      const cell = ws.getCell(row, c);
      cell.value = formula === null ? toPoints(result) : { formula, result: toPoints(result) };
      cell.numFmt = POINTS_FORMAT;
      cell.fill = DERIVED_FILL;
      cell.border = THIN_BORDER;
    };
    formulaCell(criteriaTotalCol, criteriaRange && `SUM(${criteriaRange})`, criteriaSum);
    formulaCell(
      bonusTotalCol,
      bonusRange && `MIN(SUM(${bonusRange}),${toPoints(set.bonusCap)})`,
      bonusSum,
    );
    formulaCell(
      penaltyTotalCol,
      penaltyRange && `MIN(SUM(${penaltyRange}),${toPoints(set.penaltyCap)})`,
      penaltySum,
    );
    const ref = (c: number): string => `${columnLetter(c)}${row}`;
    formulaCell(
      grandTotalCol,
      `${ref(criteriaTotalCol)}+${ref(bonusTotalCol)}-${ref(penaltyTotalCol)}`,
      criteriaSum + bonusSum - penaltySum,
    );
    ws.getCell(row, grandTotalCol).font = { bold: true };
    const reason = ws.getCell(row, reasonCol);
    reason.border = THIN_BORDER;
    reason.alignment = { wrapText: true, vertical: 'top' };
  });

  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data);
}
