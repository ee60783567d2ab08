import type { Finding } from '../common/result';

/** A user's acknowledgement of a warning, by its code, with the reason recorded in the dossier. */
export interface WarningAcknowledgement {
  readonly code: string;
  readonly reason: string;
}

/**
 * Warnings need an acknowledgement with a non-empty reason before the nomination goes on: returns
 * one `WARNING_NOT_ACKNOWLEDGED` error per warning left without one (an acknowledgement covers
 * every warning of its code).
 */
export function checkAcknowledgements(
  warnings: readonly Finding[],
  acks: readonly WarningAcknowledgement[],
): Finding[] {
  const acknowledged = new Set(acks.filter((a) => a.reason.trim() !== '').map((a) => a.code));
  return warnings
    .filter((w) => !acknowledged.has(w.code))
    .map((w) => ({
      // the detail names the warning itself, so a client can ask for the reason of each one
      code: w.code,
      severity: 'error' as const,
      message: `Cảnh báo chưa được xác nhận kèm lý do: ${w.message}`,
      field: 'acknowledgements',
      params: { warningCode: w.code },
    }));
}

/**
 * The acknowledgements that hold for a record: those given before (e.g. on a ballot's earlier
 * entries) and those given now; a later reason for the same warning replaces the earlier one.
 */
export function mergeAcknowledgements(
  earlier: readonly WarningAcknowledgement[],
  now: readonly WarningAcknowledgement[],
): WarningAcknowledgement[] {
  const byCode = new Map<string, WarningAcknowledgement>();
  for (const a of [...earlier, ...now]) if (a.reason.trim() !== '') byCode.set(a.code, a);
  return [...byCode.values()];
}
