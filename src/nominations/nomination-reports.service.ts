import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/errors/app-error';
import { safeFileName } from '../common/files/file-name';
import { Db } from '../database/db.service';
import type { NominationDto } from './dto/nomination.dto';
import { NominationErrors } from './nomination.errors';
import { NominationsRepository } from './nominations.repository';
import { NominationsService } from './nominations.service';

/** The largest achievement report accepted (the upload limit of the report route). */
export const REPORT_MAX_BYTES = 10 * 1024 * 1024;

/**
 * The achievement reports of a nomination (báo cáo thành tích, Mẫu 02): a PDF or Word file added
 * while the nomination is a draft or a proposal, kept in the database with its SHA-256, and read back.
 */
@Injectable()
export class NominationReportsService {
  constructor(
    private readonly db: Db,
    private readonly nominations: NominationsRepository,
    private readonly reader: NominationsService,
    private readonly audit: AuditService,
  ) {}

  addReport(
    id: number,
    file: { originalname: string; buffer: Buffer } | undefined,
  ): Promise<NominationDto> {
    if (!file || file.buffer.length === 0) throw new AppError(NominationErrors.REPORT_REQUIRED);
    const fileName = safeFileName(file.originalname);
    const isPdf = file.buffer.subarray(0, 5).toString('latin1') === '%PDF-';
    const isDocx =
      file.buffer.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) &&
      fileName.toLowerCase().endsWith('.docx');
    if (!isPdf && !isDocx) throw new AppError(NominationErrors.REPORT_TYPE);
    return this.db.write(async (em) => {
      const { n, ctx } = await this.reader.load(em, id);
      if (!['DRAFT', 'PROPOSED'].includes(n.status))
        throw new AppError(NominationErrors.NOT_EDITABLE);
      await this.nominations.addReport(em, {
        nominationId: id,
        fileName,
        mimeType: isPdf
          ? 'application/pdf'
          : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        sizeBytes: file.buffer.length,
        sha256: createHash('sha256').update(file.buffer).digest('hex'),
        contentBase64: file.buffer.toString('base64'),
      });
      await this.audit.record(em, {
        action: 'nomination.report',
        entityType: 'nomination',
        entityId: id,
        after: { fileName, sizeBytes: file.buffer.length },
      });
      return this.reader.view(em, ctx, n);
    });
  }

  report(
    id: number,
    reportId: number,
  ): Promise<{ fileName: string; mimeType: string; content: Buffer }> {
    return this.db.read(async (em) => {
      const r = await this.nominations.reportContent(em, id, reportId);
      if (!r) throw new AppError(NominationErrors.REPORT_NOT_FOUND);
      return {
        fileName: r.fileName,
        mimeType: r.mimeType,
        content: Buffer.from(r.contentBase64, 'base64'),
      };
    });
  }
}
