import { parse } from 'csv-parse/sync';
import type { Finding } from '../../domain/common/result';
import { inspectXlsx, type XlsxLimits } from './xlsx-guard';
import { excel } from '../lazy/exceljs';

/** A CSV or .xlsx file read as text cells: the first row is the header, data rows follow. */
export type TableFile =
  | { readonly ok: true; readonly header: string[]; readonly rows: TableRow[] }
  | { readonly ok: false; readonly error: Finding };

export interface TableRow {
  /** The row's number as the user sees it in the file (the header is row 1). */
  readonly rowNumber: number;
  readonly cells: string[];
}

const fail = (code: string, message: string): TableFile => ({
  ok: false,
  error: { code, severity: 'error', message },
});

/**
 * Reads a CSV (UTF-8, comma or semicolon) or .xlsx file into text cells without throwing on bad
 * input: the size, the archive (zip bomb) and the row count are checked before anything is parsed.
 * Dates in Excel cells come out as yyyy-mm-dd; blank rows are skipped.
 */
export async function readTableFile(
  buffer: Buffer,
  fileName: string,
  limits: XlsxLimits,
  codePrefix: string,
): Promise<TableFile> {
  const tooLarge = () =>
    fail(
      `${codePrefix}_FILE_TOO_LARGE`,
      `Tệp quá lớn (tối đa ${Math.round(limits.maxBytes / 1024 / 1024)} MB, ${limits.maxRows.toLocaleString('vi-VN')} dòng).`,
    );
  if (buffer.length > limits.maxBytes) return tooLarge();
  const isZip = buffer.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  let table: string[][];
  if (isZip || fileName.toLowerCase().endsWith('.xlsx')) {
    const inspection = inspectXlsx(buffer, limits);
    if (inspection.kind === 'too-large') return tooLarge();
    const unreadable = () =>
      fail(`${codePrefix}_FILE_UNREADABLE`, 'Tệp không phải bảng tính Excel (.xlsx) hợp lệ.');
    if (inspection.kind === 'not-xlsx') return unreadable();
    try {
      const wb = new (excel().Workbook)();
      await wb.xlsx.load(buffer as never);
      const ws = wb.worksheets[0];
      if (!ws) return fail(`${codePrefix}_FILE_EMPTY`, 'Tệp không có trang tính nào.');
      table = [];
      const width = Math.max(ws.columnCount, 1);
      for (let r = 1; r <= ws.rowCount; r++) {
        const row = ws.getRow(r);
        const cells: string[] = [];
        for (let c = 1; c <= width; c++) {
          const cell = row.getCell(c);
          cells.push(
            cell.value instanceof Date ? cell.value.toISOString().slice(0, 10) : cell.text,
          );
        }
        table.push(cells);
      }
    } catch {
      return unreadable();
    }
  } else {
    const text = buffer.toString('utf8');
    if (text.includes('\u0000'))
      return fail(`${codePrefix}_FILE_UNREADABLE`, 'Tệp không phải CSV văn bản UTF-8.');
    try {
      const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
      const delimiter = firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
      table = parse(text, {
        bom: true,
        delimiter,
        relax_column_count: true,
        skip_empty_lines: true,
        max_record_size: 10000,
      });
    } catch {
      return fail(`${codePrefix}_FILE_UNREADABLE`, 'Không đọc được tệp CSV (sai định dạng).');
    }
  }
  if (table.length > limits.maxRows + 1) return tooLarge();
  const [header, ...body] = table;
  if (!header || body.length === 0)
    return fail(`${codePrefix}_FILE_EMPTY`, 'Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.');
  const rows: TableRow[] = [];
  body.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    rows.push({ rowNumber: i + 2, cells: cells.map((c) => c.trim()) });
  });
  if (rows.length === 0)
    return fail(`${codePrefix}_FILE_EMPTY`, 'Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.');
  return { ok: true, header: header.map((h) => h.trim()), rows };
}

/** "Mã đơn vị" → "ma_don_vi": a header compared without case, diacritics or spacing. */
export function headerKey(label: string): string {
  return label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/**
 * Maps each expected column to its index in the header (by `headerKey`), or names the first
 * required column that is missing and the first header cell that is not expected.
 */
export function mapColumns<K extends string>(
  header: readonly string[],
  columns: Readonly<Record<K, { label: string; required: boolean }>>,
):
  | { ok: true; index: Map<K, number> }
  | { ok: false; missing: string | null; unknown: string | null } {
  const keys = header.map(headerKey);
  const index = new Map<K, number>();
  for (const [field, def] of Object.entries(columns) as [K, { label: string }][]) {
    const i = keys.indexOf(headerKey(def.label));
    if (i >= 0) index.set(field, i);
  }
  const missing =
    (Object.entries(columns) as [K, { label: string; required: boolean }][]).find(
      ([f, d]) => d.required && !index.has(f),
    )?.[1].label ?? null;
  const expected = new Set(
    Object.values<{ label: string }>(columns).map((d) => headerKey(d.label)),
  );
  const unknown = header.find((h, i) => h !== '' && !expected.has(keys[i]!)) ?? null;
  return missing === null && unknown === null
    ? { ok: true, index }
    : { ok: false, missing, unknown };
}

/** "2024-05-20" or "20/05/2024" → ISO date, or null when it is not a real calendar day. */
export function parseDay(s: string): string | null {
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
