/* The onboarding measures of issue 17 and their table rows (no app code: --from-json stays light). */
import type { DbKind } from './harness';
import { fmt } from './stats';

export interface OnboardingTimings {
  kind: DbKind;
  units: number;
  blocs: number;
  members: number;
  unitsPreviewMs: number;
  unitsImportMs: number;
  blocsPreviewMs: number;
  blocsImportMs: number;
  reimportMs: number;
}

/** Rows of the results table for the onboarding measures (targets: preview < 5 s, save < 10 s). */
export function onboardingRows(results: readonly OnboardingTimings[]): string[] {
  const s = (ms: number) => `${fmt(ms / 1000, 2)} s`;
  const mark = (ok: boolean) => (ok ? '✅' : '❌');
  const r0 = results[0]!;
  return [
    `| Import ${r0.units.toLocaleString('en')} units (one .xlsx): preview · save | < 5 s · < 10 s | ${results
      .map(
        (r) =>
          `${s(r.unitsPreviewMs)} ${mark(r.unitsPreviewMs < 5000)} · ${s(r.unitsImportMs)} ${mark(r.unitsImportMs < 10000)}`,
      )
      .join(' | ')} |`,
    `| Import ${r0.blocs} blocs with ${r0.members.toLocaleString('en')} members: preview · save | < 5 s · < 10 s | ${results
      .map(
        (r) =>
          `${s(r.blocsPreviewMs)} ${mark(r.blocsPreviewMs < 5000)} · ${s(r.blocsImportMs)} ${mark(r.blocsImportMs < 10000)}`,
      )
      .join(' | ')} |`,
    `| Same units file again (writes nothing) | | ${results.map((r) => s(r.reimportMs)).join(' | ')} |`,
  ];
}
