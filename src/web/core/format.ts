/** Vietnamese display formats for the pages: 1.234,5 · 28/03/2024 · 66,7 %. */
const numberFormats = new Map<number, Intl.NumberFormat>();

/** A scalar as text; anything else (objects, null) as ''. */
export function scalar(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}

export function formatNumber(v: unknown, maxDigits = 2): string {
  if (v === null || v === undefined || v === '') return '';
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isFinite(n)) return scalar(v);
  let f = numberFormats.get(maxDigits);
  if (!f) {
    f = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: maxDigits });
    numberFormats.set(maxDigits, f);
  }
  return f.format(n);
}

/** A ratio in [0, 1] (or a fraction `{num, den}`) as a percentage with one decimal. */
export function formatPercent(v: unknown): string {
  let n: number;
  if (v && typeof v === 'object' && 'num' in v && 'den' in v) {
    const { num, den } = v as { num: number; den: number };
    if (!den) return '';
    n = num / den;
  } else n = Number(v);
  if (!Number.isFinite(n)) return '';
  return `${formatNumber(n * 100, 1)} %`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 2024-03-28 or a Date → 28/03/2024 (dates are calendar days: no time-zone shift). */
export function formatDate(v: unknown): string {
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
    if (m) return `${m[3]}/${m[2]}/${m[1]}`;
    return v;
  }
  if (v instanceof Date && !Number.isNaN(v.getTime()))
    return `${pad(v.getDate())}/${pad(v.getMonth() + 1)}/${v.getFullYear()}`;
  return scalar(v);
}

/** A timestamp → 28/03/2024 14:05 (local time of the server). */
export function formatDateTime(v: unknown): string {
  if (v === null || v === undefined || v === '') return '';
  const d = v instanceof Date ? v : new Date(scalar(v));
  if (Number.isNaN(d.getTime())) return scalar(v);
  return `${formatDate(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The page number links of a list (1-based), at most `around` on each side of the current one. */
export function pageLinks(
  total: number,
  page: number,
  pageSize: number,
  href: (p: number) => string,
  around = 3,
): { number: number; href: string; current: boolean }[] {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const out: { number: number; href: string; current: boolean }[] = [];
  for (let p = Math.max(1, page - around); p <= Math.min(pages, page + around); p++)
    out.push({ number: p, href: href(p), current: p === page });
  return out;
}
