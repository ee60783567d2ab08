import { AuditService } from '../audit/audit.service';
import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppError } from '../common/errors/app-error';
import { safeFileName } from '../common/files/file-name';
import { Db } from '../database/db.service';
import { indexCriteriaSet } from '../domain/scoring/criteria-set';
import type { EvidenceDto } from './dto/scoring.dto';
import type { ScoreEvidenceEntity } from './score-evidence.entity';
import { ScoringErrors } from './scoring.errors';
import { ScoringRepository } from './scoring.repository';
import { ScoringService } from './scoring.service';

export const EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;

/** Recognises the allowed evidence formats by their first bytes, not by the name the client sent. */
export function sniffEvidenceType(buf: Buffer, fileName: string): string | null {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (buf.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'image/jpeg';
  if (buf.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    if (ext === 'docx')
      return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    if (ext === 'xlsx') return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  }
  return null;
}

function toDto(e: ScoreEvidenceEntity): EvidenceDto {
  return {
    id: e.id,
    unitId: e.unitId,
    itemCode: e.itemCode,
    kind: e.kind,
    note: e.note,
    fileName: e.fileName,
    mimeType: e.mimeType,
    sizeBytes: e.sizeBytes,
    sha256: e.sha256,
    createdAt: new Date(e.createdAt).toISOString(),
  };
}

/** Evidence (minh chứng) attached to a unit's score line: notes and files. */
@Injectable()
export class EvidenceService {
  constructor(
    private readonly db: Db,
    private readonly scoring: ScoringService,
    private readonly scores: ScoringRepository,
    private readonly audit: AuditService,
  ) {}

  list(blocId: number, year: number, unitId: number): Promise<EvidenceDto[]> {
    return this.db.read(async (em) => {
      const ctx = await this.scoring.context(em, blocId, year);
      this.scoring.member(ctx, unitId);
      return (await this.scores.evidenceOf(em, ctx.term.id, unitId)).map(toDto);
    });
  }

  addNote(
    blocId: number,
    year: number,
    unitId: number,
    itemCode: string,
    note: string,
  ): Promise<EvidenceDto> {
    return this.add(blocId, year, unitId, itemCode, {
      kind: 'NOTE',
      note: note.trim(),
      fileName: null,
      mimeType: null,
      sizeBytes: null,
      sha256: null,
      contentBase64: null,
    });
  }

  addFile(
    blocId: number,
    year: number,
    unitId: number,
    itemCode: string,
    file: { originalname: string; buffer: Buffer } | undefined,
  ): Promise<EvidenceDto> {
    if (!file || file.buffer.length === 0) throw new AppError(ScoringErrors.EVIDENCE_FILE_REQUIRED);
    const fileName = safeFileName(file.originalname);
    const mimeType = sniffEvidenceType(file.buffer, fileName);
    if (!mimeType) throw new AppError(ScoringErrors.EVIDENCE_TYPE);
    return this.add(blocId, year, unitId, itemCode, {
      kind: 'FILE',
      note: null,
      fileName,
      mimeType,
      sizeBytes: file.buffer.length,
      sha256: createHash('sha256').update(file.buffer).digest('hex'),
      contentBase64: file.buffer.toString('base64'),
    });
  }

  download(
    blocId: number,
    year: number,
    evidenceId: number,
  ): Promise<{ fileName: string; mimeType: string; content: Buffer }> {
    return this.db.read(async (em) => {
      const ctx = await this.scoring.context(em, blocId, year);
      const e = await this.scores.evidenceContent(em, ctx.term.id, evidenceId);
      if (!e || e.kind !== 'FILE' || !e.contentBase64)
        throw new AppError(ScoringErrors.EVIDENCE_NOT_FOUND);
      return {
        fileName: e.fileName ?? 'minh-chung',
        mimeType: e.mimeType ?? 'application/octet-stream',
        content: Buffer.from(e.contentBase64, 'base64'),
      };
    });
  }

  private add(
    blocId: number,
    year: number,
    unitId: number,
    itemCode: string,
    values: Pick<
      ScoreEvidenceEntity,
      'kind' | 'note' | 'fileName' | 'mimeType' | 'sizeBytes' | 'sha256' | 'contentBase64'
    >,
  ): Promise<EvidenceDto> {
    return this.db.write(async (em) => {
      const ctx = await this.scoring.context(em, blocId, year);
      this.scoring.member(ctx, unitId);
      const set = this.scoring.requireLockedSet(ctx);
      if (!indexCriteriaSet(set).has(itemCode)) throw new AppError(ScoringErrors.UNKNOWN_ITEM);
      const saved = toDto(
        await this.scores.insertEvidence(em, { ...values, termId: ctx.term.id, unitId, itemCode }),
      );
      await this.audit.record(em, {
        action: 'evidence.add',
        entityType: 'score_evidence',
        entityId: saved.id,
        after: saved,
      });
      return saved;
    });
  }
}
