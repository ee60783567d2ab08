/**
 * Pure helpers of the scoring area's pages: points as typed in a form, the bar chart of the
 * ranking, the criteria editor's input names.
 */

/** Points as a form shows them: no thousands separator, decimal comma ("96,5"). */
export function pointsInput(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '';
  return String(v).replace('.', ',');
}

/** `groups[0].criteria[1].maxPoints` / `definition.groups.0…` → `groups.0.criteria.1.maxPoints`. */
export function normalizeField(field: string): string {
  return field.replace(/\[(\d+)\]/g, '.$1').replace(/^definition\./, '');
}

export interface ChartBar {
  label: string;
  unitCode: string;
  total: number;
  totalText: string;
  rank: number;
  y: number;
  width: number;
  textY: number;
  valueX: number;
}

export interface BarChart {
  width: number;
  height: number;
  labelWidth: number;
  plotWidth: number;
  max: number;
  /** Where the axis starts: 0, or a round value just below the lowest total (said in `axisNote`). */
  origin: number;
  axisNote: string | null;
  bars: ChartBar[];
  ticks: { x: number; label: string }[];
  summary: string;
}

const BAR = 26;
const GAP = 10;
const LABEL_WIDTH = 220;
const PLOT_WIDTH = 560;
const VALUE_ROOM = 70;
const TOP = 24;

/**
 * Where the value axis starts: a round number (a multiple of 10) a quarter of the spread below the
 * lowest total, so that a 78-point spread among totals near 900 is visible; 0 when the totals are
 * spread over more than half of the axis (bars from zero then show the differences well).
 */
export function axisOrigin(totals: readonly number[]): number {
  if (totals.length < 2) return 0;
  const lo = Math.min(...totals);
  const hi = Math.max(...totals);
  if (lo <= 0 || hi - lo > hi / 2) return 0;
  return Math.max(0, Math.floor((lo - Math.max((hi - lo) / 4, 5)) / 10) * 10);
}

/**
 * A horizontal bar chart of the totals, in ranking order. The axis starts near the lowest total
 * (`axisOrigin`, and the chart says so) and ends at the highest total rounded up. Coordinates are
 * computed here; the template only draws them.
 */
export function barChart(
  entries: readonly { label: string; unitCode: string; total: number; rank: number }[],
  scale: number,
  formatNumber: (n: number) => string,
): BarChart {
  const totals = entries.map((e) => e.total);
  const origin = axisOrigin(totals);
  const max =
    origin === 0
      ? Math.max(scale, ...totals, 1)
      : Math.min(scale, Math.ceil(Math.max(...totals) / 10) * 10 + 10);
  const span = Math.max(max - origin, 1);
  const bars = entries.map((e, i) => {
    const y = TOP + i * (BAR + GAP);
    const width = Math.max(1, Math.round(((e.total - origin) / span) * PLOT_WIDTH));
    return {
      label: e.label,
      unitCode: e.unitCode,
      total: e.total,
      totalText: formatNumber(e.total),
      rank: e.rank,
      y,
      width,
      textY: y + BAR / 2 + 5,
      valueX: LABEL_WIDTH + width + 6,
    };
  });
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => ({
    x: LABEL_WIDTH + Math.round(f * PLOT_WIDTH),
    label: formatNumber(Math.round(origin + f * span)),
  }));
  const summary = entries
    .map((e) => `hạng ${e.rank}: ${e.label} ${formatNumber(e.total)} điểm`)
    .join('; ');
  return {
    width: LABEL_WIDTH + PLOT_WIDTH + VALUE_ROOM,
    height: TOP + entries.length * (BAR + GAP) + 10,
    labelWidth: LABEL_WIDTH,
    plotWidth: PLOT_WIDTH,
    max,
    origin,
    axisNote:
      origin === 0
        ? null
        : `Trục điểm bắt đầu từ ${formatNumber(origin)} điểm, không từ 0, để thấy rõ chênh lệch giữa các đơn vị; độ dài cột không tỷ lệ với tổng điểm.`,
    bars,
    ticks,
    summary,
  };
}

/**
 * The calendar day of a moment in the server's local time as yyyy-mm-dd (not `toISOString()`,
 * which is UTC: before 07:00 in Viet Nam it would give yesterday).
 */
export function localIsoDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
