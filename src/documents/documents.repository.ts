import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BlocTermEntity } from '../registry/blocs/bloc-term.entity';
import type { DocKind } from '../domain/documents/view-model';
import { MeetingEntity } from '../meetings/meeting.entity';
import { DocumentSignatureEntity } from './document-signature.entity';
import { DocumentSeriesEntity, GeneratedDocumentEntity } from './document.entity';

/** Database access for numbering series and generated documents. */
@Injectable()
export class DocumentsRepository {
  /** Next number of the issuer's series for the year: one UPDATE holds the row lock until commit, so two transactions never get the same number. */
  async nextNumber(em: EntityManager, issuerKey: string, year: number): Promise<number> {
    const repo = em.getRepository(DocumentSeriesEntity);
    if (!(await repo.findOneBy({ issuerKey, year }))) {
      await em
        .createQueryBuilder()
        .insert()
        .into(DocumentSeriesEntity)
        .values({ issuerKey, year, lastNumber: 0 })
        .orIgnore()
        .execute();
    }
    await em
      .createQueryBuilder()
      .update(DocumentSeriesEntity)
      .set({ lastNumber: () => 'last_number + 1' })
      .where('issuer_key = :issuerKey AND year = :year', { issuerKey, year })
      .execute();
    return (await repo.findOneByOrFail({ issuerKey, year })).lastNumber;
  }

  latest(
    em: EntityManager,
    meetingId: number,
    kind: DocKind,
  ): Promise<GeneratedDocumentEntity | null> {
    return em
      .getRepository(GeneratedDocumentEntity)
      .findOne({ where: { meetingId, kind }, order: { versionNo: 'DESC' } });
  }

  list(em: EntityManager, meetingId: number): Promise<GeneratedDocumentEntity[]> {
    return em.getRepository(GeneratedDocumentEntity).find({
      where: { meetingId },
      order: { kind: 'ASC', versionNo: 'ASC' },
      select: {
        id: true,
        meetingId: true,
        kind: true,
        versionNo: true,
        number: true,
        numberText: true,
        snapshotSha256: true,
        templateVersion: true,
        createdAt: true,
      },
    });
  }

  /** The bloc whose meeting issued a document (its issuer key is "bloc:<id>"). */
  async blocOfDocument(em: EntityManager, documentId: number): Promise<number | null> {
    const row = await em
      .getRepository(GeneratedDocumentEntity)
      .createQueryBuilder('d')
      .innerJoin(MeetingEntity, 'm', 'm.id = d.meetingId')
      .innerJoin(BlocTermEntity, 't', 't.id = m.termId')
      .select('t.blocId', 'blocId')
      .where('d.id = :documentId', { documentId })
      .getRawOne<{ blocId: number }>();
    return row ? Number(row.blocId) : null;
  }

  findById(em: EntityManager, id: number): Promise<GeneratedDocumentEntity | null> {
    return em.getRepository(GeneratedDocumentEntity).findOneBy({ id });
  }

  insert(
    em: EntityManager,
    values: Omit<GeneratedDocumentEntity, 'id' | 'createdAt' | 'meeting'>,
  ): Promise<GeneratedDocumentEntity> {
    const repo = em.getRepository(GeneratedDocumentEntity);
    return repo.save(repo.create(values));
  }

  /** The signature of a document version, without its bytes (lists and history). */
  signatureInfo(em: EntityManager, documentId: number): Promise<DocumentSignatureEntity | null> {
    return em.getRepository(DocumentSignatureEntity).findOne({
      where: { documentId },
      select: {
        id: true,
        documentId: true,
        signedSha256: true,
        signedAt: true,
        signedByUserId: true,
        signerName: true,
        organizationName: true,
        certSubject: true,
        certIssuer: true,
        certSerial: true,
        certValidFrom: true,
        certValidTo: true,
        createdAt: true,
      },
    });
  }

  /** Signatures of several versions at once (a meeting's document list), without their bytes. */
  async signaturesOf(
    em: EntityManager,
    documentIds: readonly number[],
  ): Promise<Map<number, DocumentSignatureEntity>> {
    if (documentIds.length === 0) return new Map();
    const rows = await em
      .getRepository(DocumentSignatureEntity)
      .createQueryBuilder('s')
      .select([
        's.id',
        's.documentId',
        's.signedSha256',
        's.signedAt',
        's.signerName',
        's.organizationName',
        's.certSubject',
        's.certIssuer',
        's.certSerial',
        's.certValidFrom',
        's.certValidTo',
        's.signedByUserId',
        's.createdAt',
      ])
      .where('s.document_id IN (:...ids)', { ids: [...documentIds] })
      .getMany();
    return new Map(rows.map((r) => [r.documentId, r]));
  }

  /** The signed PDF's bytes of a document version, when it has been signed. */
  async signedPdf(em: EntityManager, documentId: number): Promise<Buffer | null> {
    const row = await em
      .getRepository(DocumentSignatureEntity)
      .findOne({ where: { documentId }, select: { id: true, signedPdfBase64: true } });
    return row ? Buffer.from(row.signedPdfBase64, 'base64') : null;
  }

  /** The signature whose signed file has exactly this SHA-256 (the public check). */
  findSignatureBySha(em: EntityManager, sha256: string): Promise<DocumentSignatureEntity | null> {
    return em.getRepository(DocumentSignatureEntity).findOne({
      where: { signedSha256: sha256 },
      select: {
        id: true,
        documentId: true,
        signedSha256: true,
        signedAt: true,
        signerName: true,
        organizationName: true,
        certSubject: true,
        certSerial: true,
        certValidFrom: true,
        certValidTo: true,
      },
    });
  }

  insertSignature(
    em: EntityManager,
    values: Omit<DocumentSignatureEntity, 'id' | 'createdAt' | 'document' | 'signedBy'>,
  ): Promise<DocumentSignatureEntity> {
    const repo = em.getRepository(DocumentSignatureEntity);
    return repo.save(repo.create(values));
  }
}
