import { Injectable } from '@nestjs/common';
import type { Authenticated } from '../../auth/auth.service';
import { AppError } from '../../common/errors/app-error';
import { DOC_KIND_LABELS, DOC_KINDS } from '../../domain/documents/view-model';
import { DocumentErrors } from '../../documents/document.errors';
import type { DocumentDto } from '../../documents/document.mapper';
import { DocumentsService } from '../../documents/documents.service';
import { MeetingsService } from '../../meetings/meetings.service';
import { holds } from '../core/access';

/** The meeting documents' page models: the list with the issue form, one document. */
@Injectable()
export class DocumentsPagesService {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly documents: DocumentsService,
  ) {}

  async list(auth: Authenticated, mid: number) {
    const m = await this.meetings.get(mid);
    const docs = await this.documents.list(mid);
    const issued = new Set(docs.map((d) => d.kind));
    return {
      meeting: m,
      finalized: m.status === 'FINALIZED',
      canWrite: holds(auth, 'meetings.write') && m.status === 'FINALIZED',
      kinds: DOC_KINDS.map((k) => ({ value: k, label: DOC_KIND_LABELS[k], issued: issued.has(k) })),
      documents: docs
        .slice()
        .sort(
          (a, b) =>
            DOC_KINDS.indexOf(a.kind) - DOC_KINDS.indexOf(b.kind) || b.versionNo - a.versionNo,
        )
        .map((d) => webDoc(d)),
    };
  }

  /** The meeting's document (404 when it belongs to another meeting). */
  async document(mid: number, did: number) {
    const m = await this.meetings.get(mid);
    const doc = (await this.documents.list(mid)).find((d) => d.id === did);
    if (!doc) throw new AppError(DocumentErrors.NOT_FOUND);
    return { meeting: m, doc: webDoc(doc) };
  }
}

function webDoc(d: DocumentDto) {
  const base = `/web/meetings/${d.meetingId}/documents/${d.id}`;
  return {
    ...d,
    page: base,
    html: `${base}/van-ban.html`,
    pdf: `${base}/van-ban.pdf`,
    docx: `${base}/van-ban.docx`,
  };
}
