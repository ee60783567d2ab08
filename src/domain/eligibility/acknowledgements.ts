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
      code: 'WARNING_NOT_ACKNOWLEDGED',
      severity: 'error' as const,
      message: `Cảnh báo chưa được xác nhận kèm lý do: ${w.message}`,
      field: 'acknowledgements',
      params: { warningCode: w.code },
    }));
}
