import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/errors/app-error';
import { currentActor } from '../common/http/request-context';
import { AppConfig } from '../config/app-config';
import { Db } from '../database/db.service';
import { DocumentErrors } from '../documents/document.errors';
import type { DocumentDto } from '../documents/document.mapper';
import { DocumentsService } from '../documents/documents.service';
import { DocumentsRepository } from '../documents/documents.repository';
import { renderPdf } from '../documents/render/pdf-renderer';
import { withSignatureStamp } from '../domain/signing/stamp';
import {
  organizationSignatureLines,
  signRefusal,
  type SignRefusal,
} from '../domain/signing/signing';
import type { SaveSigningProfileDto } from './dto/signing.dto';
import { signPdf } from './pades';
import { checkPdfSignatures } from './pdf-signature-check';
import { Pkcs12Error, readPkcs12 } from './pkcs12';
import { checkPng, pngSize, type Ink } from './png-image';
import { SecretBox } from './secret-box';
import { SigningErrors } from './signing.errors';
import type { SigningProfileEntity } from './signing-profile.entity';
import { SigningRepository } from './signing.repository';
import { signingKeyFile } from './signing-key-file';

const REFUSALS: Record<SignRefusal, (typeof SigningErrors)[keyof typeof SigningErrors]> = {
  REHEARSAL: SigningErrors.REHEARSAL,
  SUPERSEDED: SigningErrors.SUPERSEDED,
  ALREADY_SIGNED: SigningErrors.ALREADY_SIGNED,
  SIGNER_NOT_ALLOWED: SigningErrors.SIGNER_NOT_ALLOWED,
  CERTIFICATE_NOT_YET_VALID: SigningErrors.CERTIFICATE_NOT_YET_VALID,
  CERTIFICATE_EXPIRED: SigningErrors.CERTIFICATE_EXPIRED,
};

/** An issuer's signing profile as shown: what the certificate says, never the key or its password. */
export interface SigningProfileDto {
  issuerKey: string;
  organizationName: string;
  signerName: string;
  certificate: {
    subject: string;
    issuer: string;
    serial: string;
    validFrom: string;
    validTo: string;
  };
  signatureWidthMm: number;
  sealDiameterMm: number;
  signers: { userId: number; displayName: string }[];
  version: number;
}

/** What the public check says of an uploaded PDF. */
export interface PdfCheckDto {
  sha256: string;
  signed: boolean;
  /** Every signature verifies and the last one covers the whole file. */
  intact: boolean;
  signatures: {
    valid: boolean;
    coversWholeFile: boolean;
    signedAt: string | null;
    certificate: {
      subject: string;
      commonName: string;
      issuer: string;
      serial: string;
      validFrom: string;
      validTo: string;
    } | null;
  }[];
  /** The thidua record whose signed bytes are exactly this file, if any. */
  record: {
    documentId: number;
    meetingId: number;
    kind: string;
    kindLabel: string;
    numberText: string;
    versionNo: number;
    snapshotSha256: string;
    signedAt: string;
    signerName: string;
    organizationName: string;
  } | null;
}

const issuerOfBloc = (blocId: number) => `bloc:${blocId}`;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * Digital signatures of issued documents: the issuer's signing material (sealed with a key outside
 * the database), signing a final version as PAdES baseline B with the Decree 30 images, and the
 * public check of a PDF against the signatures and the stored records.
 */
@Injectable()
export class SigningService {
  private box: SecretBox | null = null;

  constructor(
    private readonly db: Db,
    private readonly profiles: SigningRepository,
    private readonly docs: DocumentsRepository,
    private readonly documents: DocumentsService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  private secretBox(): SecretBox {
    this.box ??= SecretBox.openOrCreate(signingKeyFile(this.config));
    return this.box;
  }

  async getProfile(blocId: number): Promise<SigningProfileDto> {
    return this.db.read(async (em) => {
      const p = await this.profiles.findByIssuer(em, issuerOfBloc(blocId));
      if (!p) throw new AppError(SigningErrors.PROFILE_NOT_FOUND);
      const ids = await this.profiles.signerIds(em, p.id);
      const names = await this.profiles.userNames(em, ids);
      return toProfileDto(
        p,
        ids.map((userId) => ({ userId, displayName: names.get(userId) ?? '' })),
      );
    });
  }

  /** Stores (or replaces) a bloc's signing material after checking the certificate and the images. */
  async saveProfile(blocId: number, dto: SaveSigningProfileDto): Promise<SigningProfileDto> {
    const p12 = Buffer.from(dto.p12Base64, 'base64');
    let identity;
    try {
      identity = readPkcs12(p12, dto.password);
    } catch (e) {
      if (e instanceof Pkcs12Error)
        throw new AppError(
          e.reason === 'UNREADABLE' ? SigningErrors.PKCS12_UNREADABLE : SigningErrors.PKCS12_NO_KEY,
        );
      throw e;
    }
    const signatureImage = Buffer.from(dto.signatureImageBase64, 'base64');
    const sealImage = Buffer.from(dto.sealImageBase64, 'base64');
    const details = [
      imageDetail('signatureImageBase64', signatureImage, 'BLUE'),
      imageDetail('sealImageBase64', sealImage, 'RED'),
    ].filter((d) => d !== null);
    if (details.length > 0) throw new AppError(SigningErrors.IMAGE_INVALID, { details });
    const issuerKey = issuerOfBloc(blocId);
    const sealed = this.secretBox().seal(
      Buffer.from(JSON.stringify({ p12: dto.p12Base64, password: dto.password }), 'utf8'),
      issuerKey,
    );
    return this.db.write(async (em) => {
      const active = await this.profiles.activeUserIds(em, dto.signerUserIds);
      const unknown = dto.signerUserIds.filter((id) => !active.has(id));
      if (unknown.length > 0)
        throw new AppError(SigningErrors.SIGNER_UNKNOWN, {
          details: unknown.map((id) => ({
            field: 'signerUserIds',
            code: SigningErrors.SIGNER_UNKNOWN.code,
            message: `Tài khoản số ${id} không tồn tại hoặc đã bị khóa.`,
            params: { userId: id },
          })),
        });
      const before = await this.profiles.findByIssuer(em, issuerKey);
      const saved = await this.profiles.save(
        em,
        {
          issuerKey,
          organizationName: dto.organizationName.trim(),
          signerName: dto.signerName.trim(),
          sealedCredential: sealed,
          certSubject: identity.info.subject,
          certIssuer: identity.info.issuer,
          certSerial: identity.info.serial,
          certValidFrom: identity.info.validFrom.toISOString(),
          certValidTo: identity.info.validTo.toISOString(),
          signatureImageBase64: dto.signatureImageBase64,
          signatureWidthMm: dto.signatureWidthMm,
          sealImageBase64: dto.sealImageBase64,
          sealDiameterMm: dto.sealDiameterMm,
        },
        dto.signerUserIds,
      );
      // The audit row names the certificate, never the file, the key or the password.
      const shown = (p: SigningProfileEntity | null) =>
        p && {
          organizationName: p.organizationName,
          signerName: p.signerName,
          certSubject: p.certSubject,
          certSerial: p.certSerial,
          certValidTo: p.certValidTo,
        };
      await this.audit.record(em, {
        action: 'signing.profile.save',
        entityType: 'signing_profile',
        entityId: saved.id,
        before: shown(before),
        after: { ...shown(saved), signerUserIds: dto.signerUserIds },
      });
      const names = await this.profiles.userNames(em, dto.signerUserIds);
      return toProfileDto(
        saved,
        dto.signerUserIds.map((userId) => ({ userId, displayName: names.get(userId) ?? '' })),
      );
    });
  }

  /**
   * Signs the newest version of an issued document for its bloc: the PDF is laid out again with the
   * signature and seal images, signed (PAdES B-B) and stored with its SHA-256; from then on that
   * version's PDF is served as these exact bytes.
   */
  async sign(documentId: number, now: Date = new Date()): Promise<DocumentDto> {
    const actor = currentActor();
    const facts = await this.db.read(async (em) => {
      const doc = await this.docs.findById(em, documentId);
      if (!doc) throw new AppError(DocumentErrors.NOT_FOUND);
      const blocId = await this.docs.blocOfDocument(em, documentId);
      const profile =
        blocId === null ? null : await this.profiles.findByIssuer(em, issuerOfBloc(blocId));
      const latest = await this.docs.latest(em, doc.meetingId, doc.kind);
      const signed = await this.docs.signatureInfo(em, documentId);
      const signers = profile ? await this.profiles.signerIds(em, profile.id) : [];
      return { doc, profile, latest, signed, signers };
    });
    const { doc, profile } = facts;
    const vm = this.documents.viewModel(doc);
    if (vm.rehearsal) throw new AppError(SigningErrors.REHEARSAL);
    if (!profile) throw new AppError(SigningErrors.PROFILE_NOT_FOUND);
    const refusal = signRefusal({
      rehearsal: vm.rehearsal,
      latestVersion: facts.latest?.id === doc.id,
      alreadySigned: facts.signed !== null,
      signerAllowed: actor.userId !== null && facts.signers.includes(actor.userId),
      certificateValidFrom: new Date(profile.certValidFrom),
      certificateValidTo: new Date(profile.certValidTo),
      now,
    });
    if (refusal) throw new AppError(REFUSALS[refusal]);
    const credential = this.secretBox().open(profile.sealedCredential, profile.issuerKey);
    if (!credential) throw new AppError(SigningErrors.KEY_UNAVAILABLE);
    const { p12, password } = JSON.parse(credential.toString('utf8')) as {
      p12: string;
      password: string;
    };
    const identity = readPkcs12(Buffer.from(p12, 'base64'), password);
    const stamped = withSignatureStamp(vm, {
      signatureImage: `data:image/png;base64,${profile.signatureImageBase64}`,
      signatureWidthMm: profile.signatureWidthMm,
      signatureAspect: aspect(profile.signatureImageBase64),
      sealImage: `data:image/png;base64,${profile.sealImageBase64}`,
      sealDiameterMm: profile.sealDiameterMm,
      sealAspect: aspect(profile.sealImageBase64),
      lines: organizationSignatureLines(profile.organizationName, now),
    });
    const pdf = await signPdf(await renderPdf(stamped), identity, {
      reason: `Ký ban hành văn bản số ${doc.numberText}`,
      name: profile.signerName,
      location: vm.header.dateLine.split(',')[0] ?? '',
      signingTime: now,
    });
    await this.db.write(async (em) => {
      // checked again inside the transaction: another signer or a regeneration may have come first
      const latest = await this.docs.latest(em, doc.meetingId, doc.kind);
      if (latest?.id !== doc.id) throw new AppError(SigningErrors.SUPERSEDED);
      if (await this.docs.signatureInfo(em, doc.id))
        throw new AppError(SigningErrors.ALREADY_SIGNED);
      const row = await this.docs.insertSignature(em, {
        documentId: doc.id,
        signedPdfBase64: pdf.toString('base64'),
        signedSha256: sha256(pdf),
        signedAt: now.toISOString(),
        signedByUserId: actor.userId!,
        signerName: profile.signerName,
        organizationName: profile.organizationName,
        certSubject: profile.certSubject,
        certIssuer: profile.certIssuer,
        certSerial: profile.certSerial,
        certValidFrom: profile.certValidFrom,
        certValidTo: profile.certValidTo,
      });
      await this.audit.record(em, {
        action: 'document.sign',
        entityType: 'generated_document',
        entityId: doc.id,
        after: {
          signatureId: row.id,
          sha256: row.signedSha256,
          certSubject: row.certSubject,
          certSerial: row.certSerial,
        },
      });
    });
    return this.documents.dto(doc.id);
  }

  /** The public check: the PDF's signatures and the stored record whose signed bytes it is. */
  async check(pdf: Buffer): Promise<PdfCheckDto> {
    if (pdf.length < 8 || pdf.toString('latin1', 0, 5) !== '%PDF-')
      throw new AppError(SigningErrors.NOT_A_PDF);
    const hash = sha256(pdf);
    const checks = await checkPdfSignatures(pdf);
    const record = await this.db.read(async (em) => {
      const s = await this.docs.findSignatureBySha(em, hash);
      if (!s) return null;
      const d = await this.docs.findById(em, s.documentId);
      return d && { s, d };
    });
    return {
      sha256: hash,
      signed: checks.length > 0,
      intact:
        checks.length > 0 &&
        checks.every((c) => c.cryptographicallyValid) &&
        checks[checks.length - 1]!.coversWholeFile,
      signatures: checks.map((c) => ({
        valid: c.cryptographicallyValid,
        coversWholeFile: c.coversWholeFile,
        signedAt: c.claimedSigningTime?.toISOString() ?? null,
        certificate: c.certificate && {
          subject: c.certificate.subject,
          commonName: c.certificate.commonName,
          issuer: c.certificate.issuer,
          serial: c.certificate.serial,
          validFrom: c.certificate.validFrom.toISOString(),
          validTo: c.certificate.validTo.toISOString(),
        },
      })),
      record: record && {
        documentId: record.d.id,
        meetingId: record.d.meetingId,
        kind: record.d.kind,
        kindLabel: this.documents.kindLabel(record.d.kind),
        numberText: record.d.numberText,
        versionNo: record.d.versionNo,
        snapshotSha256: record.d.snapshotSha256,
        signedAt: record.s.signedAt,
        signerName: record.s.signerName,
        organizationName: record.s.organizationName,
      },
    };
  }
}

function imageDetail(field: string, data: Buffer, ink: Ink) {
  const r = checkPng(data, ink);
  if (!('problem' in r)) return null;
  const what = ink === 'BLUE' ? 'Ảnh chữ ký' : 'Ảnh con dấu';
  const message = {
    NOT_PNG: `${what} phải là tệp PNG.`,
    TOO_LARGE: `${what} quá lớn (tối đa 256 KB, mỗi cạnh tối đa 2000 điểm ảnh).`,
    NOT_TRANSPARENT: `${what} phải có nền trong suốt.`,
    WRONG_COLOUR:
      ink === 'BLUE'
        ? 'Ảnh chữ ký phải màu xanh (Nghị định 30/2020).'
        : 'Ảnh con dấu phải màu đỏ (Nghị định 30/2020).',
  }[r.problem];
  return { field, code: `SIGNING_IMAGE_${r.problem}`, message };
}

/** Height over width of a stored (already checked) PNG, from its header. */
function aspect(base64: string): number {
  const { width, height } = pngSize(Buffer.from(base64.slice(0, 64), 'base64'));
  return height / width;
}

function toProfileDto(
  p: SigningProfileEntity,
  signers: SigningProfileDto['signers'],
): SigningProfileDto {
  return {
    issuerKey: p.issuerKey,
    organizationName: p.organizationName,
    signerName: p.signerName,
    certificate: {
      subject: p.certSubject,
      issuer: p.certIssuer,
      serial: p.certSerial,
      validFrom: p.certValidFrom,
      validTo: p.certValidTo,
    },
    signatureWidthMm: p.signatureWidthMm,
    sealDiameterMm: p.sealDiameterMm,
    signers,
    version: p.version,
  };
}
