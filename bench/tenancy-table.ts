/* The tenancy comparison of issue 21 and its table rows (no app code: --from-json stays light). */
import type { DbKind } from './harness';
import { fmt, median } from './stats';

/** The reads loaded by both accounts: the table's hot reads, and the two registry lists. */
export const TENANT_READS = ['me', 'ranking', 'meeting', 'nominations', 'blocs', 'units'] as const;
export type TenantRead = (typeof TENANT_READS)[number];

/** Who made a measure: the account bound to no organization, or the province's organization. */
export type Who = 'single' | 'organization';

export interface TenancyLoad {
  kind: DbKind;
  /** How the data set was made, e.g. "national set" or "10 provinces of the national size, 3 years". */
  dataSet: string;
  organizations: number;
  seconds: number;
  /**
   * Each read's windows in the order they were loaded (single, organization, organization,
   * single, …), as requests per second.
   */
  hot: Record<TenantRead, { who: Who; rps: number }[]>;
  /** Results days in the order they were run; the first is a warm-up, not compared. */
  days: { who: Who; provinceId: number; ms: number; requests: number; warmUp: boolean }[];
  /** The machine's 1-minute load average when the comparison started and ended. */
  loadAvg: [number, number];
  totalMs: number;
}

/**
 * Median of the ratios organization ÷ single of consecutive pairs. The measures alternate in
 * ABBA order (single, organization, organization, single, …), so each pair is one of each, taken
 * next to each other: what drifts during the run (the database growing, the shared machine's other
 * work) weighs on both halves of a pair, and the median keeps one odd pair from moving the result.
 */
export function pairedRatio(seq: readonly { who: Who; value: number }[]): number {
  const ratios: number[] = [];
  for (let i = 0; i + 1 < seq.length; i += 2) {
    const [a, b] = [seq[i]!, seq[i + 1]!];
    if (a.who === b.who) throw new Error('pairedRatio: a pair must hold one of each');
    const [o, s] = a.who === 'organization' ? [a, b] : [b, a];
    ratios.push(o.value / s.value);
  }
  return median(ratios);
}

const LABELS: Record<TenantRead, string> = {
  me: 'GET /auth/me',
  ranking: 'ranking of a bloc',
  meeting: 'results of a meeting',
  nominations: "a province's nominations",
  blocs: "blocs list (a province's)",
  units: "units list (a province's, 100 a page)",
};

/** The hot reads' ratio (target ≥ 0.90) and the day's (time, target ≤ 1.10). */
export const tenancyReadRatio = (t: TenancyLoad, r: TenantRead) =>
  pairedRatio(t.hot[r].map((w) => ({ who: w.who, value: w.rps })));
export const tenancyDayRatio = (t: TenancyLoad) =>
  pairedRatio(t.days.filter((d) => !d.warmUp).map((d) => ({ who: d.who, value: d.ms })));

/**
 * Rows of the results table: per hot read, the organization's requests per second over the
 * unbound account's (a single-organization deployment of the same size), and the results day's
 * time, organization over single; issue 21's target is each within 10 %.
 */
export function tenancyRows(results: readonly TenancyLoad[]): string[] {
  const mark = (ok: boolean) => (ok ? '✅' : '❌');
  const cells = (f: (t: TenancyLoad) => string) => results.map(f).join(' | ');
  const med = (t: TenancyLoad, r: TenantRead, who: Who) =>
    median(t.hot[r].filter((w) => w.who === who).map((w) => w.rps));
  const lines = [
    `| Organizations (issue 21): ${results[0]!.dataSet}, one organization per province; office administrator of province 1's organization against one bound to none (single-organization deployment) | | ${cells(
      (t) => `${t.organizations} organizations`,
    )} |`,
  ];
  for (const r of TENANT_READS)
    lines.push(
      `| … ${LABELS[r]}: organization ÷ single req/s (organization · single) | ≥ 0.90 | ${cells(
        (t) => {
          const x = tenancyReadRatio(t, r);
          return `${fmt(x, 2)} ${mark(x >= 0.9)} (${fmt(med(t, r, 'organization'), 0)} · ${fmt(med(t, r, 'single'), 0)})`;
        },
      )} |`,
    );
  lines.push(
    `| … results day of a province: organization ÷ single time (median of paired days; medians s) | ≤ 1.10 | ${cells(
      (t) => {
        const x = tenancyDayRatio(t);
        const days = t.days.filter((d) => !d.warmUp);
        const s = (who: Who) =>
          fmt(median(days.filter((d) => d.who === who).map((d) => d.ms)) / 1000, 2);
        const req = days.map((d) => d.requests);
        const reqs =
          Math.min(...req) === Math.max(...req)
            ? `${req[0]}`
            : `${Math.min(...req)}–${Math.max(...req)}`;
        return `${fmt(x, 2)} ${mark(x <= 1.1)} (${days.length / 2} pair${days.length === 2 ? '' : 's'} of ${reqs} requests a day; ${s('organization')} · ${s('single')})`;
      },
    )} |`,
    `| … load average (1 min) when the comparison started · ended | | ${cells(
      (t) => `${fmt(t.loadAvg[0], 1)} · ${fmt(t.loadAvg[1], 1)}`,
    )} |`,
  );
  return lines;
}
