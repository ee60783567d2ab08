import { parse } from 'csv-parse/sync';
import { excel } from '../common/lazy/exceljs';
import type { Finding } from '../domain/common/result';
import { inspectXlsx } from '../common/files/xlsx-guard';

/** One row of an awards-history file, as read (not yet checked against the registry). */
export interface AwardFileRow {
  rowNumber: number;
  unitCode: string;
  year: string;
  tierCode: string;
  decisionNumber: string;
  decisionDate: string;
  decider: string;
}

export interface AwardFile {
  rows: AwardFileRow[];
  fileErrors: Finding[];
}

/** Accepted column names (Vietnamese without diacritics, or English) for each field. */
const COLUMNS: Record<keyof Omit<AwardFileRow, 'rowNumber'>, string[]> = {
  unitCode: ['ma_don_vi', 'unitcode', 'unit_code'],
  year: ['nam', 'year'],
  tierCode: ['ma_hinh_thuc', 'tiercode', 'tier_code'],
  decisionNumber: ['so_quyet_dinh', 'decisionnumber', 'decision_number'],
  decisionDate: ['ngay_quyet_dinh', 'decisiondate', 'decision_date'],
  decider: ['cap_quyet_dinh', 'nguoi_quyet_dinh', 'decider'],
};

export const AWARD_FILE_LIMITS = {
  maxBytes: 5 * 1024 * 1024,
  maxUncompressedBytes: 50 * 1024 * 1024,
  maxEntries: 1000,
  maxRows: 20000,
  maxColumns: 50,
};

const fileError = (code: string, message: string): Finding => ({
  code,
  severity: 'error',
  message,
});

function mapHeader(header: string[]): Map<keyof typeof COLUMNS, number> | string {
  const norm = header.map((h) => h.trim().toLowerCase());
  const map = new Map<keyof typeof COLUMNS, number>();
  for (const [field, names] of Object.entries(COLUMNS) as [keyof typeof COLUMNS, string[]][]) {
    const i = norm.findIndex((h) => names.includes(h));
    if (i >= 0) map.set(field, i);
    else if (field === 'unitCode' || field === 'year' || field === 'tierCode') return names[0]!;
  }
  return map;
}

function toRows(table: string[][]): AwardFile {
  const [header, ...body] = table;
  if (!header)
    return { rows: [], fileErrors: [fileError('AWARD_FILE_EMPTY', 'Tệp không có dữ liệu.')] };
  const map = mapHeader(header);
  if (typeof map === 'string')
    return {
      rows: [],
      fileErrors: [
        fileError('AWARD_FILE_MISSING_COLUMN', `Thiếu cột bắt buộc "${map}" ở dòng tiêu đề.`),
      ],
    };
  const cell = (r: string[], f: keyof typeof COLUMNS) => {
    const i = map.get(f);
    return i === undefined ? '' : (r[i] ?? '').trim();
  };
  const rows: AwardFileRow[] = [];
  body.forEach((r, i) => {
    if (r.every((c) => c.trim() === '')) return;
    rows.push({
      rowNumber: i + 2,
      unitCode: cell(r, 'unitCode'),
      year: cell(r, 'year'),
      tierCode: cell(r, 'tierCode'),
      decisionNumber: cell(r, 'decisionNumber'),
      decisionDate: cell(r, 'decisionDate'),
      decider: cell(r, 'decider'),
    });
  });
  return { rows, fileErrors: [] };
}

/** Reads a CSV (UTF-8, comma or semicolon) or .xlsx awards file; never throws on bad input. */
export async function readAwardFile(buffer: Buffer, fileName: string): Promise<AwardFile> {
  if (buffer.length > AWARD_FILE_LIMITS.maxBytes)
    return {
      rows: [],
      fileErrors: [fileError('AWARD_FILE_TOO_LARGE', 'Tệp quá lớn (tối đa 5 MB).')],
    };
  const isZip = buffer.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  if (isZip || fileName.toLowerCase().endsWith('.xlsx')) {
    const inspection = inspectXlsx(buffer, AWARD_FILE_LIMITS);
    if (inspection.kind === 'not-xlsx')
      return {
        rows: [],
        fileErrors: [
          fileError('AWARD_FILE_UNREADABLE', 'Tệp không phải bảng tính Excel (.xlsx) hợp lệ.'),
        ],
      };
    if (inspection.kind === 'too-large')
      return { rows: [], fileErrors: [fileError('AWARD_FILE_TOO_LARGE', 'Bảng tính quá lớn.')] };
    try {
      const wb = new (excel().Workbook)();
      await wb.xlsx.load(buffer as never);
      const ws = wb.worksheets[0];
      if (!ws)
        return {
          rows: [],
          fileErrors: [fileError('AWARD_FILE_EMPTY', 'Tệp không có trang tính nào.')],
        };
      const table: string[][] = [];
      for (let r = 1; r <= ws.rowCount; r++) {
        const row = ws.getRow(r);
        const cells: string[] = [];
        for (let c = 1; c <= Math.max(ws.columnCount, 1); c++) {
          const v = row.getCell(c).value;
          cells.push(v instanceof Date ? v.toISOString().slice(0, 10) : row.getCell(c).text);
        }
        table.push(cells);
      }
      return toRows(table);
    } catch {
      return {
        rows: [],
        fileErrors: [
          fileError('AWARD_FILE_UNREADABLE', 'Tệp không phải bảng tính Excel (.xlsx) hợp lệ.'),
        ],
      };
    }
  }
  const text = buffer.toString('utf8');
  if (text.includes('\u0000'))
    return {
      rows: [],
      fileErrors: [fileError('AWARD_FILE_UNREADABLE', 'Tệp không phải CSV văn bản UTF-8.')],
    };
  try {
    const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
    const delimiter = firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
    const table: string[][] = parse(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: 10000,
    });
    if (table.length > AWARD_FILE_LIMITS.maxRows)
      return {
        rows: [],
        fileErrors: [fileError('AWARD_FILE_TOO_LARGE', 'Tệp có quá nhiều dòng.')],
      };
    return toRows(table);
  } catch {
    return {
      rows: [],
      fileErrors: [fileError('AWARD_FILE_UNREADABLE', 'Không đọc được tệp CSV (sai định dạng).')],
    };
  }
}

/** "2024-05-20" or "20/05/2024" → ISO date, or null. */
export function parseDate(s: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  const [y, m, d] = iso
    ? [iso[1], iso[2], iso[3]]
    : vn
      ? [vn[3], vn[2]!.padStart(2, '0'), vn[1]!.padStart(2, '0')]
      : [];
  if (!y || !m || !d) return null;
  const out = `${y}-${m}-${d}`;
  const date = new Date(`${out}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === out ? out : null;
}
