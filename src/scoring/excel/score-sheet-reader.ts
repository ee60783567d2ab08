/**
 * Reads a filled score-sheet workbook (the layout of `score-sheet-layout.ts`, as
 * `score-sheet-writer.ts` writes it: one row per unit, one column per criterion item) back into score
 * values. Over 400 lines on purpose (issue 15 item 3): one concern, every way a returned workbook can
 * be wrong (not an xlsx, too large, another term or stage, unknown, duplicate or missing columns,
 * unreadable cells), checked in one place.
 */
import type ExcelJS from 'exceljs';
import { excel } from '../../common/lazy/exceljs';
import type { Finding } from '../../domain/common/result';
import { itemLabel, type CriteriaSet } from '../../domain/scoring/criteria-set';
import { toCentipoints, type Centipoints } from '../../domain/scoring/points';
import { validateScoreValues, type ScoreStage } from '../../domain/scoring/score-lines';
import {
  CODE_ROW_OFFSET,
  DERIVED_LABELS,
  FIRST_ITEM_COLUMN,
  FIRST_UNIT_ROW_OFFSET,
  REASON_LABEL,
  SCORE_SHEET_MARKER,
  SCORE_SHEET_NAME,
  STAGES,
  STAGE_NAMES,
  UNIT_CODE_COLUMN,
  columnLetter,
  groupThousands,
  restoreText,
  sheetItems,
  type SheetItemColumn,
} from './score-sheet-layout';
import { inspectXlsx, type XlsxLimits } from '../../common/files/xlsx-guard';

/** Errors that reject the whole file; nothing of it can be imported. */
export const SCORE_SHEET_FILE_ERROR_CODES = [
  'SHEET_NOT_XLSX',
  'SHEET_TOO_LARGE',
  'SHEET_MARKER_MISSING',
  'SHEET_WRONG_TERM',
  'SHEET_WRONG_STAGE',
  'SHEET_UNKNOWN_COLUMN',
  'SHEET_DUPLICATE_COLUMN',
  'SHEET_MISSING_COLUMN',
] as const;
export type ScoreSheetFileErrorCode = (typeof SCORE_SHEET_FILE_ERROR_CODES)[number];

/** Findings on one unit row; all are errors except the two `*_TOTAL_CAPPED` warnings. */
export const SCORE_SHEET_ROW_FINDING_CODES = [
  'ROW_UNKNOWN_UNIT',
  'ROW_DUPLICATE_UNIT',
  'ROW_NOT_A_NUMBER',
  'ROW_TOO_MANY_DECIMALS',
  'ROW_NEGATIVE',
  'ROW_ABOVE_MAX',
  'ROW_INVALID_VALUE',
  'ROW_BONUS_TOTAL_CAPPED',
  'ROW_PENALTY_TOTAL_CAPPED',
] as const;
export type ScoreSheetRowFindingCode = (typeof SCORE_SHEET_ROW_FINDING_CODES)[number];

/** Refused before any cell is read (SHEET_TOO_LARGE). */
export const SCORE_SHEET_LIMITS: XlsxLimits = {
  maxBytes: 5 * 1024 * 1024,
  maxUncompressedBytes: 50 * 1024 * 1024,
  maxEntries: 1000,
  maxRows: 2000,
  maxColumns: 500,
};

export interface ScoreSheetExpectation {
  readonly blocCode: string;
  readonly year: number;
  readonly stage: ScoreStage;
  readonly set: CriteriaSet;
  /** Units of the bloc term; any other code in column A is ROW_UNKNOWN_UNIT. */
  readonly unitCodes: readonly string[];
}

/** What the identification row (A2:E2) of the file says. */
export interface ScoreSheetIdentity {
  readonly blocCode: string;
  readonly year: number | null;
  readonly stage: string;
  readonly criteriaSetVersion: number | null;
}

export interface ScoreSheetRowLine {
  readonly code: string;
  readonly value: Centipoints;
}

export interface ScoreSheetRow {
  /** Excel row number (1-based, as shown in Excel). */
  readonly rowNumber: number;
  /** Trimmed content of column A ('' when empty). */
  readonly unitCode: string;
  /**
   * Values that are whole hundredths of a point, in column order; values failing a range check
   * (negative, above the maximum) are listed too, with an error. Empty cells give no line.
   */
  readonly lines: readonly ScoreSheetRowLine[];
  readonly reason: string | null;
  readonly errors: readonly Finding[];
}

export interface ReadResult {
  /** No file error and no row finding of severity 'error' (warnings do not block). */
  readonly ok: boolean;
  readonly fileErrors: readonly Finding[];
  /** Non-empty unit rows, top to bottom; empty when the file itself is refused. */
  readonly rows: readonly ScoreSheetRow[];
  /** The identification row as read, null when it was not found. */
  readonly sheet: ScoreSheetIdentity | null;
  /** Expected units with no row in the file (not an error: they are simply not imported). */
  readonly missingUnitCodes: readonly string[];
}

type CellContent =
  | { readonly kind: 'empty' }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'error'; readonly value: string }
  | { readonly kind: 'other'; readonly value: string };

type ParsedValue =
  | { readonly kind: 'empty' }
  | { readonly kind: 'value'; readonly value: Centipoints }
  | {
      readonly kind: 'invalid';
      readonly code: ScoreSheetRowFindingCode;
      readonly detail: string;
      readonly shown: string;
    };

/**
 * Reads a filled score sheet (as written by `writeScoreSheet`) for a preview: file errors reject
 * the file, row errors are listed for every bad row and cell at once. Nothing is saved here.
 * Never throws for bad input: non-xlsx bytes give SHEET_NOT_XLSX.
 */
export async function readScoreSheet(
  buffer: Buffer,
  expected: ScoreSheetExpectation,
): Promise<ReadResult> {
  const refused = (finding: Finding, sheet: ScoreSheetIdentity | null = null): ReadResult => ({
    ok: false,
    fileErrors: [finding],
    rows: [],
    sheet,
    missingUnitCodes: [...expected.unitCodes],
  });

  const inspection = inspectXlsx(buffer, SCORE_SHEET_LIMITS);
  if (inspection.kind === 'not-xlsx') return refused(notXlsx(inspection.reason));
  if (inspection.kind === 'too-large') {
    const limit = groupThousands(inspection.limit);
    const messages: Record<typeof inspection.what, string> = {
      bytes: `Tệp nặng ${groupThousands(Math.ceil(inspection.actual / 1024))} KB, vượt giới hạn ${groupThousands(inspection.limit / 1024 / 1024)} MB của một bảng điểm.`,
      uncompressed: `Nội dung tệp khi giải nén vượt giới hạn ${groupThousands(inspection.limit / 1024 / 1024)} MB; tệp không phải là một bảng điểm thông thường.`,
      entries: `Tệp chứa ${groupThousands(inspection.actual)} thành phần, vượt giới hạn ${limit}.`,
      rows: `Bảng tính có ${groupThousands(inspection.actual)} dòng, vượt giới hạn ${limit} dòng của một bảng điểm.`,
      columns: `Bảng tính có ${groupThousands(inspection.actual)} cột, vượt giới hạn ${limit} cột của một bảng điểm.`,
    };
    return refused(
      fileError('SHEET_TOO_LARGE', messages[inspection.what], undefined, {
        what: inspection.what,
        actual: Number.isFinite(inspection.actual) ? inspection.actual : null,
        limit: inspection.limit,
      }),
    );
  }

  const workbook = new (excel().Workbook)();
  try {
    // exceljs types its input as its own ArrayBuffer-like `Buffer`; at run time it takes a Node Buffer.
    await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    return refused(notXlsx('unreadable workbook'));
  }

  const located = locateSheet(workbook);
  if (located === null) {
    return refused(
      fileError(
        'SHEET_MARKER_MISSING',
        `Không tìm thấy dòng nhận dạng bảng điểm (ô A2 “${SCORE_SHEET_MARKER}”). Hãy dùng tệp bảng điểm xuất từ hệ thống, không xóa hay chèn dòng phía trên bảng.`,
        'A2',
      ),
    );
  }
  const { ws, markerRow } = located;
  const identity = readIdentity(ws, markerRow);

  const termErrors: Finding[] = [];
  if (identity.blocCode !== expected.blocCode || identity.year !== expected.year) {
    termErrors.push(
      fileError(
        'SHEET_WRONG_TERM',
        `Tệp là bảng điểm của khối “${identity.blocCode}” năm ${identity.year ?? '?'}, không phải của khối “${expected.blocCode}” năm ${expected.year} đang nhập.`,
        `R${markerRow}C2`,
        {
          blocCode: identity.blocCode,
          year: identity.year,
          expectedBlocCode: expected.blocCode,
          expectedYear: expected.year,
        },
      ),
    );
  }
  if (identity.stage !== expected.stage) {
    const shown = STAGES.includes(identity.stage as ScoreStage)
      ? `“${STAGE_NAMES[identity.stage as ScoreStage]}”`
      : `không xác định (“${identity.stage}”)`;
    termErrors.push(
      fileError(
        'SHEET_WRONG_STAGE',
        `Tệp là bảng điểm giai đoạn ${shown}, không phải giai đoạn “${STAGE_NAMES[expected.stage]}” đang nhập.`,
        `R${markerRow}C4`,
        { stage: identity.stage, expectedStage: expected.stage },
      ),
    );
  }
  if (termErrors.length > 0) {
    return {
      ok: false,
      fileErrors: termErrors,
      rows: [],
      sheet: identity,
      missingUnitCodes: [...expected.unitCodes],
    };
  }

  const codeRow = markerRow + CODE_ROW_OFFSET;
  const { columns, reasonColumn, errors: fileErrors } = mapColumns(ws, codeRow, expected.set);
  const rows = readRows(ws, markerRow + FIRST_UNIT_ROW_OFFSET, columns, reasonColumn, expected);

  const present = new Set(rows.map((r) => r.unitCode));
  return {
    ok: fileErrors.length === 0 && rows.every((r) => r.errors.every((f) => f.severity !== 'error')),
    fileErrors,
    rows,
    sheet: identity,
    missingUnitCodes: expected.unitCodes.filter((code) => !present.has(code)),
  };
}

function fileError(
  code: ScoreSheetFileErrorCode,
  message: string,
  field?: string,
  params: Finding['params'] = {},
): Finding {
  return field === undefined
    ? { code, severity: 'error', message, params }
    : { code, severity: 'error', message, field, params };
}

function notXlsx(reason: string): Finding {
  return fileError(
    'SHEET_NOT_XLSX',
    'Tệp tải lên không phải là bảng tính Excel (.xlsx) hợp lệ. Hãy dùng tệp bảng điểm xuất từ hệ thống và lưu lại dưới dạng .xlsx.',
    undefined,
    { reason },
  );
}

/** The worksheet holding the marker in column A of its first ten rows ("Bảng điểm" first). */
function locateSheet(
  workbook: ExcelJS.Workbook,
): { ws: ExcelJS.Worksheet; markerRow: number } | null {
  const sheets = [...workbook.worksheets].sort(
    (a, b) => Number(b.name === SCORE_SHEET_NAME) - Number(a.name === SCORE_SHEET_NAME),
  );
  for (const ws of sheets) {
    for (let r = 1; r <= 10; r++) {
      const cell = cellContent(ws.getCell(r, UNIT_CODE_COLUMN));
      if (cell.kind === 'text' && cell.value === SCORE_SHEET_MARKER) return { ws, markerRow: r };
    }
  }
  return null;
}

function readIdentity(ws: ExcelJS.Worksheet, markerRow: number): ScoreSheetIdentity {
  const at = (col: number): CellContent => cellContent(ws.getCell(markerRow, col));
  const asInteger = (cell: CellContent): number | null => {
    const n =
      cell.kind === 'number' ? cell.value : cell.kind === 'text' ? Number(cell.value) : Number.NaN;
    return Number.isSafeInteger(n) ? n : null;
  };
  return {
    blocCode: restoreText(textOf(at(2))),
    year: asInteger(at(3)),
    stage: textOf(at(4)),
    criteriaSetVersion: asInteger(at(5)),
  };
}

interface ItemColumn {
  readonly column: number;
  readonly item: SheetItemColumn;
}

function mapColumns(
  ws: ExcelJS.Worksheet,
  codeRow: number,
  set: CriteriaSet,
): { columns: ItemColumn[]; reasonColumn: number | null; errors: Finding[] } {
  const items = sheetItems(set);
  const byCode = new Map(items.map((item) => [item.code, item]));
  const found = new Map<string, number>();
  const columns: ItemColumn[] = [];
  const errors: Finding[] = [];
  let reasonColumn: number | null = null;

  for (let c = FIRST_ITEM_COLUMN; c <= ws.columnCount; c++) {
    const label = restoreText(textOf(cellContent(ws.getCell(codeRow, c))));
    if (label === '') continue;
    const letter = columnLetter(c);
    const field = `R${codeRow}C${c}`;
    const item = byCode.get(label);
    if (item !== undefined) {
      const first = found.get(label);
      if (first !== undefined) {
        errors.push(
          fileError(
            'SHEET_DUPLICATE_COLUMN',
            `Mã “${label}” có ở cả cột ${columnLetter(first)} và cột ${letter} (dòng ${codeRow}); mỗi ${itemLabel(item.kind, label)} chỉ được một cột.`,
            field,
            { code: label, column: letter, firstColumn: columnLetter(first) },
          ),
        );
        continue;
      }
      found.set(label, c);
      columns.push({ column: c, item });
    } else if (label === REASON_LABEL) {
      reasonColumn ??= c;
    } else if (!DERIVED_LABELS.includes(label)) {
      errors.push(
        fileError(
          'SHEET_UNKNOWN_COLUMN',
          `Cột ${letter} (dòng ${codeRow}) có mã “${label}”, không có trong bộ tiêu chí của kỳ thi đua này.`,
          field,
          { code: label, column: letter },
        ),
      );
    }
  }
  for (const item of items) {
    if (!found.has(item.code)) {
      errors.push(
        fileError(
          'SHEET_MISSING_COLUMN',
          `Thiếu cột của ${itemLabel(item.kind, item.code)} (mã “${item.code}” ở dòng ${codeRow}).`,
          `R${codeRow}`,
          { code: item.code },
        ),
      );
    }
  }
  return { columns, reasonColumn, errors };
}

function readRows(
  ws: ExcelJS.Worksheet,
  firstRow: number,
  columns: readonly ItemColumn[],
  reasonColumn: number | null,
  expected: ScoreSheetExpectation,
): ScoreSheetRow[] {
  const known = new Set(expected.unitCodes);
  const firstRowOf = new Map<string, number>();
  const rows: ScoreSheetRow[] = [];

  for (let r = firstRow; r <= ws.rowCount; r++) {
    const row = ws.findRow(r);
    if (row === undefined) continue;
    const codeCell = cellContent(row.getCell(UNIT_CODE_COLUMN));
    const unitCode = restoreText(textOf(codeCell));
    const cells = columns.map((col) => ({ col, cell: cellContent(row.getCell(col.column)) }));
    const reasonText = reasonColumn === null ? '' : textOf(cellContent(row.getCell(reasonColumn)));
    const reason = reasonText === '' ? null : reasonText;
    if (unitCode === '' && reason === null && cells.every((x) => x.cell.kind === 'empty')) continue;

    const unitShown = unitCode === '' ? 'chưa có mã đơn vị' : `đơn vị ${unitCode}`;
    const located: { column: number; finding: Finding }[] = [];
    const unitField = `R${r}C${UNIT_CODE_COLUMN}`;
    if (unitCode === '') {
      located.push({
        column: UNIT_CODE_COLUMN,
        finding: rowFinding(
          'ROW_UNKNOWN_UNIT',
          `Dòng ${r}, cột A: chưa có mã đơn vị nhưng dòng có điểm hoặc lý do.`,
          unitField,
          { row: r, column: 'A', unitCode },
        ),
      });
    } else if (!known.has(unitCode)) {
      located.push({
        column: UNIT_CODE_COLUMN,
        finding: rowFinding(
          'ROW_UNKNOWN_UNIT',
          `Dòng ${r}, cột A: mã đơn vị “${unitCode}” không thuộc khối thi đua này.`,
          unitField,
          { row: r, column: 'A', unitCode },
        ),
      });
    } else {
      const first = firstRowOf.get(unitCode);
      if (first !== undefined) {
        located.push({
          column: UNIT_CODE_COLUMN,
          finding: rowFinding(
            'ROW_DUPLICATE_UNIT',
            `Dòng ${r}, cột A: đơn vị ${unitCode} đã có ở dòng ${first}; mỗi đơn vị chỉ được một dòng.`,
            unitField,
            { row: r, column: 'A', unitCode, firstRow: first },
          ),
        });
      } else {
        firstRowOf.set(unitCode, r);
      }
    }

    const lines: ScoreSheetRowLine[] = [];
    const lineColumns: ItemColumn[] = [];
    for (const { col, cell } of cells) {
      const parsed = parseValue(cell);
      if (parsed.kind === 'empty') continue;
      if (parsed.kind === 'value') {
        lines.push({ code: col.item.code, value: parsed.value });
        lineColumns.push(col);
        continue;
      }
      const letter = columnLetter(col.column);
      located.push({
        column: col.column,
        finding: rowFinding(
          parsed.code,
          `Dòng ${r} (${unitShown}), cột ${letter} – ${col.item.code}: ${parsed.detail}`,
          `R${r}C${col.column}`,
          { row: r, column: letter, unitCode, itemCode: col.item.code, value: parsed.shown },
        ),
      });
    }

    // Range rules of the domain (negative, above the maximum or cap, overall caps).
    for (const f of validateScoreValues(expected.set, lines)) {
      const index = /^lines\[(\d+)\]/.exec(f.field ?? '')?.[1];
      const col = index === undefined ? undefined : lineColumns[Number(index)];
      const code = mapDomainCode(f.code);
      if (col === undefined) {
        located.push({
          column: Number.MAX_SAFE_INTEGER,
          finding: {
            code,
            severity: f.severity,
            message: `Dòng ${r} (${unitShown}): ${f.message}`,
            field: `R${r}`,
            params: { ...f.params, row: r, unitCode, domainCode: f.code },
          },
        });
        continue;
      }
      const letter = columnLetter(col.column);
      located.push({
        column: col.column,
        finding: {
          code,
          severity: f.severity,
          message: `Dòng ${r} (${unitShown}), cột ${letter} – ${col.item.code}: ${f.message}`,
          field: `R${r}C${col.column}`,
          params: {
            ...f.params,
            row: r,
            column: letter,
            unitCode,
            itemCode: col.item.code,
            domainCode: f.code,
          },
        },
      });
    }

    located.sort((a, b) => a.column - b.column);
    rows.push({ rowNumber: r, unitCode, lines, reason, errors: located.map((l) => l.finding) });
  }
  return rows;
}

function rowFinding(
  code: ScoreSheetRowFindingCode,
  message: string,
  field: string,
  params: Finding['params'],
): Finding {
  return { code, severity: 'error', message, field, params };
}

function mapDomainCode(code: string): ScoreSheetRowFindingCode {
  switch (code) {
    case 'SCORE_NEGATIVE':
      return 'ROW_NEGATIVE';
    case 'SCORE_ABOVE_MAX':
    case 'BONUS_ABOVE_CAP':
    case 'PENALTY_ABOVE_CAP':
      return 'ROW_ABOVE_MAX';
    case 'SCORE_NOT_HUNDREDTHS':
      return 'ROW_TOO_MANY_DECIMALS';
    case 'BONUS_TOTAL_CAPPED':
      return 'ROW_BONUS_TOTAL_CAPPED';
    case 'PENALTY_TOTAL_CAPPED':
      return 'ROW_PENALTY_TOTAL_CAPPED';
    default:
      return 'ROW_INVALID_VALUE';
  }
}

/** Larger than any scale: refused outright instead of overflowing the centipoint integers. */
const ABSURD_POINTS = 1e9;

function parseValue(cell: CellContent): ParsedValue {
  switch (cell.kind) {
    case 'empty':
      return { kind: 'empty' };
    case 'number':
      return fromPoints(cell.value, String(cell.value).replace('.', ','));
    case 'text': {
      const m = /^([+-]?)(\d+)(?:[.,](\d+))?$/.exec(cell.value.replace(/\s/g, ''));
      if (m === null) {
        return {
          kind: 'invalid',
          code: 'ROW_NOT_A_NUMBER',
          detail: `giá trị “${cell.value}” không phải là số.`,
          shown: cell.value,
        };
      }
      const fraction = m[3] ?? '';
      if (fraction.length > 2) {
        return {
          kind: 'invalid',
          code: 'ROW_TOO_MANY_DECIMALS',
          detail: `giá trị “${cell.value}” có hơn hai chữ số thập phân; điểm chỉ được lấy đến hai chữ số thập phân (không dùng dấu phân cách hàng nghìn).`,
          shown: cell.value,
        };
      }
      const points = Number(`${m[1] ?? ''}${m[2] ?? ''}.${fraction === '' ? '0' : fraction}`);
      return fromPoints(points, cell.value);
    }
    case 'error':
      return {
        kind: 'invalid',
        code: 'ROW_NOT_A_NUMBER',
        detail: cell.value.startsWith('#')
          ? `ô có lỗi công thức ${cell.value}, không phải là số.`
          : `${cell.value}; hãy mở tệp bằng Excel, kiểm tra rồi lưu lại.`,
        shown: cell.value,
      };
    case 'other':
      return {
        kind: 'invalid',
        code: 'ROW_NOT_A_NUMBER',
        detail: `giá trị “${cell.value}” không phải là số.`,
        shown: cell.value,
      };
  }
}

function fromPoints(points: number, shown: string): ParsedValue {
  if (!Number.isFinite(points) || Math.abs(points) > ABSURD_POINTS) {
    return {
      kind: 'invalid',
      code: points < 0 ? 'ROW_NEGATIVE' : 'ROW_ABOVE_MAX',
      detail: `giá trị ${shown} nằm ngoài khoảng điểm cho phép.`,
      shown,
    };
  }
  const result = toCentipoints(points);
  if (!result.ok) {
    return {
      kind: 'invalid',
      code: 'ROW_TOO_MANY_DECIMALS',
      detail: `điểm ${shown} chỉ được lấy đến hai chữ số thập phân.`,
      shown,
    };
  }
  return { kind: 'value', value: result.value };
}

/**
 * What a cell holds; a formula counts as its cached result. Read through `cell.result` because
 * exceljs drops a falsy result (0) from `cell.value` of a formula cell.
 */
function cellContent(cell: ExcelJS.Cell): CellContent {
  const value = cell.value;
  if (
    value !== null &&
    typeof value === 'object' &&
    ('formula' in value || 'sharedFormula' in value)
  ) {
    const result: unknown = cell.result;
    if (result === undefined) return { kind: 'error', value: 'ô có công thức chưa được tính' };
    return content(result as ExcelJS.CellValue);
  }
  return content(value);
}

/** Normalises what exceljs gives for a cell value. */
function content(value: ExcelJS.CellValue): CellContent {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? { kind: 'empty' } : { kind: 'text', value: trimmed };
  }
  if (typeof value === 'boolean') return { kind: 'other', value: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { kind: 'other', value: value.toISOString().slice(0, 10) };
  if ('error' in value) return { kind: 'error', value: value.error };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (result === undefined) return { kind: 'error', value: 'ô có công thức chưa được tính' };
    return content(result);
  }
  if ('richText' in value) return content(value.richText.map((t) => t.text).join(''));
  if ('hyperlink' in value) {
    const text: unknown = value.text;
    return typeof text === 'string' ? content(text) : { kind: 'other', value: value.hyperlink };
  }
  return { kind: 'other', value: '?' };
}

function textOf(cell: CellContent): string {
  return cell.kind === 'empty' ? '' : String(cell.value);
}
