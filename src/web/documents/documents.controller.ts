import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Permission } from '../../common/http/permission.decorator';
import { AppError, CommonErrors } from '../../common/errors/app-error';
import { FieldCodes } from '../../common/errors/field-errors';
import { attachment } from '../../common/http/content-disposition';
import { IdPipe } from '../../common/http/id-param.pipe';
import { PERMISSIONS } from '../../domain/auth/permissions';
import { SigningService } from '../../signing/signing.service';
import { GenerateDocumentDto } from '../../documents/documents.controller';
import type { DocFormat } from '../../documents/document.mapper';
import { DocumentsService } from '../../documents/documents.service';
import { formatDate } from '../core/format';
import {
  emptyForm,
  statusOfError,
  submitted,
  ticked,
  validateForm,
  type FormState,
} from '../core/forms';
import { WebPageService, type WebRequest } from '../core/web-page.service';
import { DocumentsPagesService } from './documents-pages.service';

const NO_KIND = {
  field: 'kinds',
  code: FieldCodes.REQUIRED,
  message: 'Vui lòng chọn ít nhất một văn bản.',
};

/**
 * The meeting's official documents: issue them (one or several at once), preview each as HTML in
 * a sandboxed frame, download PDF and Word. Same services and actions as
 * src/documents/documents.controller.ts.
 */
@ApiExcludeController()
@Controller('web')
export class WebMeetingDocumentsController {
  constructor(
    private readonly pages: WebPageService,
    private readonly models: DocumentsPagesService,
    private readonly documents: DocumentsService,
    private readonly signing: SigningService,
  ) {}

  @Get('meetings/:mid/documents')
  @Permission('term.read', { meeting: 'mid' })
  async list(@Req() req: WebRequest, @Res() res: Response, @Param('mid', IdPipe) mid: number) {
    await this.render(req, res, mid, emptyForm(), 200);
  }

  @Post('meetings/:mid/documents')
  @Permission('meetings.write', { meeting: 'mid' })
  async generate(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('mid', IdPipe) mid: number,
    @Body() body: unknown,
  ) {
    const values = submitted(body);
    await this.pages.act(req, res, {
      values,
      run: async () => {
        const kinds = [...new Set((values.kinds ?? '').split(',').filter(Boolean))];
        if (kinds.length === 0)
          throw new AppError(CommonErrors.VALIDATION_FAILED, { details: [NO_KIND] });
        const dtos: GenerateDocumentDto[] = [];
        for (const kind of kinds) dtos.push(await validateForm(GenerateDocumentDto, { kind }));
        // All kinds in one transaction: a failure on one issues none.
        await this.documents.generateMany(
          mid,
          dtos.map((d) => d.kind),
        );
      },
      then: () => ({ to: `/web/meetings/${mid}/documents`, notice: 'issued' }),
      again: (form, status) => {
        // The boxes are one group: its first message shows next to it.
        const first = Object.values(form.errors)[0];
        const errors: Record<string, string> = first ? { kinds: first } : {};
        return this.render(req, res, mid, { ...form, errors }, status);
      },
    });
  }

  @Get('meetings/:mid/documents/:did')
  @Permission('term.read', { meeting: 'mid', document: 'did' })
  async document(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('mid', IdPipe) mid: number,
    @Param('did', IdPipe) did: number,
  ) {
    await this.renderDocument(req, res, mid, did, null, 200);
  }

  /** Signs the version shown (same service and action as POST /api/documents/:did/signature). */
  @Post('meetings/:mid/documents/:did/ky-so')
  @Permission('documents.sign', { meeting: 'mid', document: 'did' })
  async sign(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('mid', IdPipe) mid: number,
    @Param('did', IdPipe) did: number,
  ) {
    await this.models.document(mid, did);
    try {
      await this.signing.sign(did);
      this.pages.redirect(res, `/web/meetings/${mid}/documents/${did}`, 'signed');
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      // a refusal (not on the signers' list, certificate expired…) is said on the page itself
      await this.renderDocument(req, res, mid, did, e.message, statusOfError(e));
    }
  }

  private async renderDocument(
    req: WebRequest,
    res: Response,
    mid: number,
    did: number,
    signError: string | null,
    status: number,
  ) {
    const model = await this.models.document(mid, did);
    const m = model.meeting;
    const role = req.auth!.user.role;
    const canSign =
      PERMISSIONS['documents.sign'][role] !== undefined && !model.doc.signature && !m.isRehearsal;
    this.pages.send(
      req,
      res,
      'documents/show',
      `${model.doc.kindLabel} số ${model.doc.numberText}`,
      { ...model, canSign, signError },
      {
        status,
        breadcrumbs: [
          { href: '/web', label: 'Tổng quan năm' },
          {
            href: `/web/meetings/${mid}`,
            label: `Hội nghị ngày ${formatDate(m.meetingDate)}`,
          },
          { href: `/web/meetings/${mid}/documents`, label: 'Văn bản' },
        ],
      },
    );
  }

  /** The stored document as HTML (for the sandboxed preview frame), PDF or Word. */
  @Get('meetings/:mid/documents/:did/:file')
  @Permission('term.read', { meeting: 'mid', document: 'did' })
  async file(
    @Res() res: Response,
    @Param('mid', IdPipe) mid: number,
    @Param('did', IdPipe) did: number,
    @Param('file') file: string,
  ) {
    const format = /^van-ban\.(html|pdf|docx)$/.exec(file)?.[1] as DocFormat | undefined;
    if (!format) throw new AppError(CommonErrors.ROUTE_NOT_FOUND);
    await this.models.document(mid, did);
    const out = await this.documents.render(did, format);
    res.setHeader('Content-Type', out.mimeType);
    res.setHeader('Cache-Control', 'no-store');
    if (format === 'html') {
      // Shown inside our own page only, with no script and no way out of its frame.
      res.setHeader(
        'Content-Security-Policy',
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox",
      );
      res.setHeader('X-Frame-Options', 'SAMEORIGIN');
      res.send(out.content);
      return;
    }
    res.setHeader('Content-Disposition', attachment(out.fileName));
    res.send(out.content);
  }

  private async render(
    req: WebRequest,
    res: Response,
    mid: number,
    form: FormState,
    status: number,
  ) {
    const model = await this.models.list(req.auth!, mid);
    const m = model.meeting;
    // After a refusal the kinds as submitted; else those not issued yet.
    const sent = ticked(form, 'kinds');
    const kinds = model.kinds.map((k) => ({
      ...k,
      checked: sent ? sent.has(k.value) : !k.issued,
    }));
    this.pages.send(
      req,
      res,
      'documents/list',
      `Văn bản hội nghị ngày ${formatDate(m.meetingDate)}`,
      { ...model, kinds, form },
      {
        status,
        breadcrumbs: [
          { href: '/web', label: 'Tổng quan năm' },
          {
            href: `/web/meetings/${mid}`,
            label: `Hội nghị ngày ${formatDate(m.meetingDate)}`,
          },
        ],
      },
    );
  }
}
