import { inflateRawSync } from 'node:zlib';

/**
 * Cheap checks on an uploaded .xlsx before a spreadsheet library parses it: the bytes are a ZIP
 * archive with an Excel workbook inside, the archive does not inflate beyond a budget (zip
 * bomb), and no worksheet has more rows or columns than allowed. Only the ZIP directory is
 * parsed and worksheet XML is scanned for row and cell references; no cell value is read.
 */
export interface XlsxLimits {
  readonly maxBytes: number;
  readonly maxUncompressedBytes: number;
  readonly maxEntries: number;
  readonly maxRows: number;
  readonly maxColumns: number;
}

export type XlsxInspection =
  | { readonly kind: 'ok' }
  | { readonly kind: 'not-xlsx'; readonly reason: string }
  | {
      readonly kind: 'too-large';
      readonly what: 'bytes' | 'uncompressed' | 'entries' | 'rows' | 'columns';
      readonly actual: number;
      readonly limit: number;
    };

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

class NotXlsx extends Error {}

interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly localOffset: number;
}

export function inspectXlsx(buffer: Buffer, limits: XlsxLimits): XlsxInspection {
  if (buffer.length > limits.maxBytes) {
    return { kind: 'too-large', what: 'bytes', actual: buffer.length, limit: limits.maxBytes };
  }
  try {
    const entries = readCentralDirectory(buffer, limits.maxEntries);
    if (typeof entries === 'number') {
      return { kind: 'too-large', what: 'entries', actual: entries, limit: limits.maxEntries };
    }
    const names = new Set(entries.map((e) => e.name));
    if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) {
      return { kind: 'not-xlsx', reason: 'no Excel workbook in the archive' };
    }
    let budget = limits.maxUncompressedBytes;
    let maxRows = 0;
    let maxColumns = 0;
    for (const entry of entries) {
      if (entry.name.endsWith('/')) continue;
      const data = entryData(buffer, entry);
      let content: Buffer;
      if (entry.method === 0) {
        content = data;
      } else {
        try {
          content = inflateRawSync(data, { maxOutputLength: Math.max(budget, 1) });
        } catch (e: unknown) {
          // Checked by code, not `instanceof RangeError`: Node's errors may come from another realm.
          if ((e as { code?: unknown } | null)?.code === 'ERR_BUFFER_TOO_LARGE') {
            return {
              kind: 'too-large',
              what: 'uncompressed',
              actual: Number.NaN,
              limit: limits.maxUncompressedBytes,
            };
          }
          throw new NotXlsx('corrupt deflate stream');
        }
      }
      budget -= content.length;
      if (budget < 0) {
        return {
          kind: 'too-large',
          what: 'uncompressed',
          actual: limits.maxUncompressedBytes - budget,
          limit: limits.maxUncompressedBytes,
        };
      }
      if (/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name)) {
        const extent = sheetExtent(content.toString('utf8'));
        maxRows = Math.max(maxRows, extent.rows);
        maxColumns = Math.max(maxColumns, extent.columns);
      }
    }
    if (maxRows > limits.maxRows) {
      return { kind: 'too-large', what: 'rows', actual: maxRows, limit: limits.maxRows };
    }
    if (maxColumns > limits.maxColumns) {
      return { kind: 'too-large', what: 'columns', actual: maxColumns, limit: limits.maxColumns };
    }
    return { kind: 'ok' };
  } catch (e: unknown) {
    // Whatever else goes wrong while walking untrusted bytes means the file is not a workbook.
    return { kind: 'not-xlsx', reason: e instanceof Error ? e.message : 'unreadable archive' };
  }
}

function u16(buffer: Buffer, offset: number): number {
  if (offset < 0 || offset + 2 > buffer.length) throw new NotXlsx('truncated archive');
  return buffer.readUInt16LE(offset);
}

function u32(buffer: Buffer, offset: number): number {
  if (offset < 0 || offset + 4 > buffer.length) throw new NotXlsx('truncated archive');
  return buffer.readUInt32LE(offset);
}

function readCentralDirectory(buffer: Buffer, maxEntries: number): ZipEntry[] | number {
  // End of central directory: 22 bytes plus a comment of at most 65 535 bytes, at the very end.
  let eocd = -1;
  const lowest = Math.max(0, buffer.length - 22 - 0xffff);
  for (let p = buffer.length - 22; p >= lowest; p--) {
    if (buffer.readUInt32LE(p) === EOCD_SIGNATURE) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) throw new NotXlsx('not a ZIP archive');
  const count = u16(buffer, eocd + 10);
  const directoryOffset = u32(buffer, eocd + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff) throw new NotXlsx('ZIP64 archive');
  if (count > maxEntries) return count;

  const entries: ZipEntry[] = [];
  let p = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (u32(buffer, p) !== CENTRAL_SIGNATURE) throw new NotXlsx('bad central directory');
    const nameLength = u16(buffer, p + 28);
    const end = p + 46 + nameLength;
    if (end > buffer.length) throw new NotXlsx('truncated archive');
    entries.push({
      flags: u16(buffer, p + 8),
      method: u16(buffer, p + 10),
      compressedSize: u32(buffer, p + 20),
      localOffset: u32(buffer, p + 42),
      name: buffer.toString('utf8', p + 46, end),
    });
    p = end + u16(buffer, p + 30) + u16(buffer, p + 32);
  }
  return entries;
}

function entryData(buffer: Buffer, entry: ZipEntry): Buffer {
  if ((entry.flags & 0x1) !== 0) throw new NotXlsx('encrypted archive');
  if (entry.method !== 0 && entry.method !== 8) throw new NotXlsx('unsupported compression');
  const lo = entry.localOffset;
  if (u32(buffer, lo) !== LOCAL_SIGNATURE) throw new NotXlsx('bad local header');
  const start = lo + 30 + u16(buffer, lo + 26) + u16(buffer, lo + 28);
  const end = start + entry.compressedSize;
  if (end > buffer.length) throw new NotXlsx('truncated archive');
  return buffer.subarray(start, end);
}

/**
 * Highest row number and column number referenced by `<row>` and `<c>` elements of a worksheet
 * (elements without an `r` attribute follow the previous one, as in the file format).
 */
export function sheetExtent(xml: string): { rows: number; columns: number } {
  const tag = /<(?:[A-Za-z_][\w.-]*:)?(row|c)\b([^>]*)>/g;
  const ref = /\br="([^"]*)"/;
  let rows = 0;
  let columns = 0;
  let currentRow = 0;
  let currentColumn = 0;
  for (let m = tag.exec(xml); m !== null; m = tag.exec(xml)) {
    const r = ref.exec(m[2] ?? '')?.[1];
    if (m[1] === 'row') {
      const n = r === undefined ? Number.NaN : Number.parseInt(r, 10);
      currentRow = Number.isFinite(n) ? n : currentRow + 1;
      currentColumn = 0;
      rows = Math.max(rows, currentRow);
    } else {
      const letters = r === undefined ? undefined : /^\$?([A-Za-z]+)/.exec(r)?.[1];
      currentColumn = letters === undefined ? currentColumn + 1 : lettersToNumber(letters);
      columns = Math.max(columns, currentColumn);
    }
  }
  return { rows, columns };
}

function lettersToNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    n = n * 26 + (ch.charCodeAt(0) - 64);
    if (n > 1e6) break;
  }
  return n;
}
