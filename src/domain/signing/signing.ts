/**
 * Rules of digital signing (Decree 30/2020, art. 8 and 13; Appendix I, part II): only a final
 * version of an issued document is signed, once, by a signer the issuer named, with a certificate
 * valid at the moment of signing.
 */

/** Why a document version cannot be signed now, in the order they are checked. */
export type SignRefusal =
  | 'REHEARSAL'
  | 'SUPERSEDED'
  | 'ALREADY_SIGNED'
  | 'SIGNER_NOT_ALLOWED'
  | 'CERTIFICATE_NOT_YET_VALID'
  | 'CERTIFICATE_EXPIRED';

export interface SignFacts {
  /** A rehearsal meeting's documents carry "BẢN THỬ" and are never official. */
  readonly rehearsal: boolean;
  /** Only the newest version of a document kind is the one in force. */
  readonly latestVersion: boolean;
  readonly alreadySigned: boolean;
  readonly signerAllowed: boolean;
  readonly certificateValidFrom: Date;
  readonly certificateValidTo: Date;
  readonly now: Date;
}

/** The first reason the version cannot be signed, or null when it can. */
export function signRefusal(f: SignFacts): SignRefusal | null {
  if (f.rehearsal) return 'REHEARSAL';
  if (!f.latestVersion) return 'SUPERSEDED';
  if (f.alreadySigned) return 'ALREADY_SIGNED';
  if (!f.signerAllowed) return 'SIGNER_NOT_ALLOWED';
  if (f.now < f.certificateValidFrom) return 'CERTIFICATE_NOT_YET_VALID';
  if (f.now > f.certificateValidTo) return 'CERTIFICATE_EXPIRED';
  return null;
}

/**
 * The signing time as Decree 30 asks it printed: date, hour, minute and second in Vietnam's time
 * zone, ISO 8601 (e.g. "2024-03-28T10:15:30+07:00"). Vietnam has had no daylight saving since 1975.
 */
export function vietnamIsoTime(at: Date): string {
  const local = new Date(at.getTime() + 7 * 3600_000);
  return `${local.toISOString().slice(0, 19)}+07:00`;
}

/** The lines printed with the organization's digital signature: its name and the signing time. */
export function organizationSignatureLines(organizationName: string, at: Date): string[] {
  return [`Cơ quan: ${organizationName}`, `Thời gian ký: ${vietnamIsoTime(at)}`];
}
