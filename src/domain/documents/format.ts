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

/** Vietnamese list: "a", "a và b", "a, b và c". */
export function joinVi(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} và ${items.at(-1) ?? ''}`;
}

/** Abbreviation of the issuer in document symbols: KTĐ for a khối, CTĐ for a cụm. */
export function issuerSymbol(kind: 'KHOI' | 'CUM'): string {
  return kind === 'KHOI' ? 'KTĐ' : 'CTĐ';
}
