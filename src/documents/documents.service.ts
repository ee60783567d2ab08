import { createHash } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/errors/app-error';
import { Db } from '../database/db.service';
import { DOCUMENT_BUILDERS } from '../domain/documents/builders';
import type { MeetingDocSource } from '../domain/documents/source';
import {
  DOC_KIND_LABELS,
  DOC_TYPE_SYMBOL,
  type DocKind,
  type DocumentViewModel,
} from '../domain/documents/view-model';
import { MeetingsService } from '../meetings/meetings.service';
import type { GeneratedDocumentEntity } from './document.entity';
import { DocumentErrors } from './document.errors';
import { canonicalJson, toDto, type DocFormat, type DocumentDto } from './document.mapper';
import { DocumentsRepository } from './documents.repository';
import { MeetingDocSources } from './meeting-doc-sources';
import { renderDocx } from './render/docx-renderer';
import { precompileTemplates, renderHtml, TEMPLATE_VERSION } from './render/html-renderer';
import { renderPdf } from './render/pdf-renderer';

/**
 * Official documents of a finalized meeting: the locked data is gathered into a snapshot, numbered
 * in the issuer's series, stored with its SHA-256 and template version, and rendered on request as
 * HTML, PDF or Word from the same view model.
 */
@Injectable()
export class DocumentsService implements OnModuleInit {
  constructor(
    private readonly db: Db,
    private readonly docs: DocumentsRepository,
    private readonly meetings: MeetingsService,
    private readonly sources: MeetingDocSources,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    precompileTemplates();
  }

  list(meetingId: number): Promise<DocumentDto[]> {
    return this.db.read(async (em) => {
      await this.meetings.view(em, meetingId);
      const docs = await this.docs.list(em, meetingId);
      const signatures = await this.docs.signaturesOf(
        em,
        docs.map((d) => d.id),
      );
      return docs.map((d) => toDto(d, signatures.get(d.id) ?? null));
    });
  }

  /** One document version with its signature, if any. */
  dto(id: number): Promise<DocumentDto> {
    return this.db.read(async (em) => {
      const doc = await this.docs.findById(em, id);
      if (!doc) throw new AppError(DocumentErrors.NOT_FOUND);
      return toDto(doc, await this.docs.signatureInfo(em, id));
    });
  }

  kindLabel(kind: DocKind): string {
    return DOC_KIND_LABELS[kind];
  }

  /** Generates (or regenerates as a new version, same number) one document of a finalized meeting. */
  generate(meetingId: number, kind: DocKind): Promise<DocumentDto> {
    return this.db.write((em) => this.generateIn(em, meetingId, kind));
  }

  /**
   * Generates several kinds of a meeting's documents in one transaction: either all are issued or
   * none is (a failure on one kind rolls back the others).
   */
  generateMany(meetingId: number, kinds: readonly DocKind[]): Promise<DocumentDto[]> {
    return this.db.write(async (em) => {
      const out: DocumentDto[] = [];
      for (const kind of kinds) out.push(await this.generateIn(em, meetingId, kind));
      return out;
    });
  }

  /** The latest version of a meeting's document of a kind, generating the first one when there is none. */
  async latestOrGenerate(meetingId: number, kind: DocKind): Promise<DocumentDto> {
    const existing = await this.db.read((em) => this.docs.latest(em, meetingId, kind));
    return existing ? toDto(existing) : this.generate(meetingId, kind);
  }

  /**
   * A draft of a meeting's document (`npm run report -- --draft`): built from the locked data as it
   * stands, stored nowhere, given no number ("Số:      /BB-…") and marked "DỰ THẢO" on every page.
   */
  async draft(
    meetingId: number,
    kind: DocKind,
    format: DocFormat,
  ): Promise<{ fileName: string; content: Buffer | string }> {
    const source = await this.db.read((em) => this.sources.source(em, meetingId));
    const snapshot = { ...source.doc, numbers: { ...source.doc.numbers, [kind]: 0 } };
    const sha = createHash('sha256').update(canonicalJson(snapshot)).digest('hex');
    const built = DOCUMENT_BUILDERS[kind](snapshot, sha, TEMPLATE_VERSION);
    const vm: DocumentViewModel = {
      ...built,
      header: {
        ...built.header,
        numberText: built.header.numberText.replace(/^Số: 00\//, 'Số:      /'),
      },
      watermark: built.watermark ?? 'DỰ THẢO',
    };
    const fileName = `${kind.toLowerCase()}-du-thao.${format}`;
    if (format === 'html') return { fileName, content: renderHtml(vm) };
    if (format === 'pdf') return { fileName, content: await renderPdf(vm) };
    return { fileName, content: await renderDocx(vm) };
  }

  /** Renders a stored document from its snapshot (never from live data). */
  async render(
    id: number,
    format: DocFormat,
  ): Promise<{ fileName: string; mimeType: string; content: Buffer | string }> {
    const [doc, signedPdf] = await this.db.read(
      async (em) =>
        [
          await this.docs.findById(em, id),
          format === 'pdf' ? await this.docs.signedPdf(em, id) : null,
        ] as const,
    );
    if (!doc) throw new AppError(DocumentErrors.NOT_FOUND);
    const vm = this.viewModel(doc);
    const name = `${doc.kind.toLowerCase()}-${doc.numberText.replace(/\//g, '-')}-v${doc.versionNo}`;
    switch (format) {
      case 'html':
        return {
          fileName: `${name}.html`,
          mimeType: 'text/html; charset=utf-8',
          content: renderHtml(vm),
        };
      case 'pdf':
        // A signed version is served as the exact bytes that were signed, never laid out again.
        return {
          fileName: signedPdf ? `${name}-da-ky-so.pdf` : `${name}.pdf`,
          mimeType: 'application/pdf',
          content: signedPdf ?? (await renderPdf(vm)),
        };
      case 'docx':
        return {
          fileName: `${name}.docx`,
          mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          content: await renderDocx(vm),
        };
    }
  }

  viewModel(doc: GeneratedDocumentEntity): DocumentViewModel {
    return DOCUMENT_BUILDERS[doc.kind](
      JSON.parse(doc.snapshot) as MeetingDocSource,
      doc.snapshotSha256,
      doc.templateVersion,
    );
  }

  /** One document inside the caller's transaction (no Db call: Db jobs must not nest). */
  private async generateIn(
    em: EntityManager,
    meetingId: number,
    kind: DocKind,
  ): Promise<DocumentDto> {
    const source = await this.sources.source(em, meetingId);
    const previous = await this.docs.latest(em, meetingId, kind);
    const number =
      previous?.number ??
      (await this.docs.nextNumber(
        em,
        `bloc:${source.blocId}`,
        Number(source.doc.meeting.date.slice(0, 4)),
      ));
    const snapshot = { ...source.doc, numbers: { ...source.doc.numbers, [kind]: number } };
    const json = canonicalJson(snapshot);
    const sha = createHash('sha256').update(json).digest('hex');
    const saved = await this.docs.insert(em, {
      meetingId,
      kind,
      versionNo: (previous?.versionNo ?? 0) + 1,
      number,
      numberText: `${number < 10 ? `0${number}` : number}/${DOC_TYPE_SYMBOL[kind]}-${snapshot.issuerSymbol}`,
      snapshot: json,
      snapshotSha256: sha,
      templateVersion: TEMPLATE_VERSION,
    });
    await this.audit.record(em, {
      action: 'document.generate',
      entityType: 'generated_document',
      entityId: saved.id,
      after: { kind, versionNo: saved.versionNo, number, sha256: sha },
    });
    return toDto(saved);
  }
}
