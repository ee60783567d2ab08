import type { DocumentSignatureEntity } from './document-signature.entity';
import type { GeneratedDocumentEntity } from './document.entity';
import { DOC_KIND_LABELS, type DocKind } from '../domain/documents/view-model';

export type DocFormat = 'html' | 'pdf' | 'docx';

export interface DocumentDto {
  id: number;
  meetingId: number;
  kind: DocKind;
  kindLabel: string;
  versionNo: number;
  numberText: string;
  snapshotSha256: string;
  templateVersion: string;
  createdAt: string;
  links: Record<DocFormat, string>;
  /** The digital signature of this version, when it has been signed; its PDF is then these bytes. */
  signature: DocumentSignatureDto | null;
}

export interface DocumentSignatureDto {
  signedAt: string;
  signerName: string;
  organizationName: string;
  /** SHA-256 of the signed PDF as served. */
  sha256: string;
  certificate: {
    subject: string;
    issuer: string;
    serial: string;
    validFrom: string;
    validTo: string;
  };
}

const toSignatureDto = (s: DocumentSignatureEntity): DocumentSignatureDto => ({
  signedAt: s.signedAt,
  signerName: s.signerName,
  organizationName: s.organizationName,
  sha256: s.signedSha256,
  certificate: {
    subject: s.certSubject,
    issuer: s.certIssuer,
    serial: s.certSerial,
    validFrom: s.certValidFrom,
    validTo: s.certValidTo,
  },
});

export const toDto = (
  d: GeneratedDocumentEntity,
  signature: DocumentSignatureEntity | null = null,
): DocumentDto => ({
  id: d.id,
  meetingId: d.meetingId,
  kind: d.kind,
  kindLabel: DOC_KIND_LABELS[d.kind],
  versionNo: d.versionNo,
  numberText: d.numberText,
  snapshotSha256: d.snapshotSha256,
  templateVersion: d.templateVersion,
  createdAt: new Date(d.createdAt).toISOString(),
  links: {
    html: `/api/documents/${d.id}/van-ban.html`,
    pdf: `/api/documents/${d.id}/van-ban.pdf`,
    docx: `/api/documents/${d.id}/van-ban.docx`,
  },
  signature: signature ? toSignatureDto(signature) : null,
});

/** The canonical JSON of a snapshot (keys sorted), so that its SHA-256 does not depend on key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}
