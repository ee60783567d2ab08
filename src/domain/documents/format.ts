/** Decree 30/2020 (brief §4.2): days 01–09 and months 01–02 take a leading zero in the date line. */
export function dateLine(place: string, isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const day = d < 10 ? `0${d}` : String(d);
  const month = m <= 2 ? `0${m}` : String(m);
  return `${place}, ngày ${day} tháng ${month} năm ${y}`;
}

/** Decree 30/2020: "Số: 01/BB-KTĐ" — numbers below 10 take a leading zero. */
export function numberText(n: number, symbol: string): string {
  return `Số: ${n < 10 ? `0${n}` : n}/${symbol}`;
}

/** "08:00" → "08 giờ 00". */
export function timeText(hhmm: string): string {
  const [h, m] = hhmm.split(':');
  return `${h} giờ ${m}`;
}

/** "2024-03-28" → "28/3/2024" (as written in running text). */
export function shortDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return `${d}/${m}/${y}`;
}

/** Abbreviation of the issuer in document symbols: KTĐ for a khối, CTĐ for a cụm. */
export function issuerSymbol(kind: 'KHOI' | 'CUM'): string {
  return kind === 'KHOI' ? 'KTĐ' : 'CTĐ';
}

/**
 * A document number as cited in running text: "06/2022/QH15", "98/2023/NĐ-CP", "5007/BNV-TĐKT",
 * "01/BB-KTĐ", "15/2025/TT-BNV" (ND 30 Appendix I: number/year/symbol). Renderers keep each one
 * whole on its line.
 */
const CITATION =
  /\d+(?:\/\d{4})?\/[A-ZĐ][A-Za-zĐđ0-9]*(?:-[A-ZĐ][A-Za-zĐđ0-9]*)*(?:\/[A-ZĐ][A-Za-zĐđ0-9]*)?/gu;

/** A piece of running text; `keep` marks a citation number that must not be broken across lines. */
export interface TextPiece {
  readonly text: string;
  readonly keep: boolean;
}

/** Splits running text into plain pieces and document numbers (which must stay whole on one line). */
export function splitCitations(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let last = 0;
  for (const m of text.matchAll(CITATION)) {
    const at = m.index;
    if (at > last) pieces.push({ text: text.slice(last, at), keep: false });
    pieces.push({ text: m[0], keep: true });
    last = at + m[0].length;
  }
  if (last < text.length || !pieces.length) pieces.push({ text: text.slice(last), keep: false });
  return pieces;
}

/** The document numbers a text cites, in order (what a rendered page must show unbroken). */
export function citationNumbers(text: string): string[] {
  return splitCitations(text)
    .filter((p) => p.keep)
    .map((p) => p.text);
}
