import { ApiDoc, ApiFile, MIME } from '../common/http/api-doc';
import { Body, Controller, Get, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { Response } from 'express';
import { Permission } from '../common/http/permission.decorator';
import { AppError, CommonErrors } from '../common/errors/app-error';
import { attachment } from '../common/http/content-disposition';
import { IdPipe } from '../common/http/id-param.pipe';
import { DOC_KINDS, type DocKind } from '../domain/documents/view-model';
import { ProvinceStageService } from '../nominations/province-stage.service';
import { ProvinceNominationsQueryDto } from '../nominations/dto/nomination.dto';
import type { DocFormat } from './document.mapper';
import { DocumentsService } from './documents.service';
import { GeneratedDocumentDto } from './dto/document-view.dto';
import { ProvinceDocumentsService } from './province-documents.service';

export class GenerateDocumentDto {
  @ApiProperty({ enum: DOC_KINDS }) @IsIn(DOC_KINDS) kind!: DocKind;
}

/** What a document's download answers, by the file's extension. */
const DOCUMENT_TYPES = [MIME.HTML, MIME.PDF, MIME.DOCX];

@ApiTags('Văn bản (documents)')
@Controller()
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly provinceDocuments: ProvinceDocumentsService,
    private readonly nominations: ProvinceStageService,
  ) {}

  @ApiDoc('Các văn bản đã lập của hội nghị')
  @Get('meetings/:mid/documents')
  @Permission('term.read', { meeting: 'mid' })
  @ApiOkResponse({
    type: GeneratedDocumentDto,
    isArray: true,
    description: 'Các văn bản đã lập của hội nghị',
  })
  list(@Param('mid', IdPipe) mid: number) {
    return this.documents.list(mid);
  }

  @ApiDoc('Lập văn bản của hội nghị đã chốt (biên bản, tờ trình, nghị quyết, bảng điểm)')
  @Post('meetings/:mid/documents')
  @Permission('meetings.write', { meeting: 'mid' })
  @ApiCreatedResponse({
    type: GeneratedDocumentDto,
    description: 'Lập (hoặc lập lại thành phiên bản mới) một văn bản từ kết quả đã chốt',
  })
  generate(@Param('mid', IdPipe) mid: number, @Body() dto: GenerateDocumentDto) {
    return this.documents.generate(mid, dto.kind);
  }

  @ApiDoc('Văn bản cấp tỉnh của năm')
  @Get('provinces/:id/documents/:file')
  @Permission('province.manage')
  @ApiFile(
    DOCUMENT_TYPES,
    'Giai đoạn tỉnh: council-list.(html|pdf|docx) hoặc draft-decision.(html|pdf|docx), ?year=2023',
  )
  async province(
    @Param('id', IdPipe) id: number,
    @Param('file') file: string,
    @Query() q: ProvinceNominationsQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile | string> {
    const m = /^(council-list|draft-decision)\.(html|pdf|docx)$/.exec(file);
    if (!m) throw new AppError(CommonErrors.ROUTE_NOT_FOUND);
    const stage = await this.nominations.provinceYear(id, q.year);
    const out = await this.provinceDocuments.province(
      id,
      q.year,
      m[1] as 'council-list' | 'draft-decision',
      m[2] as DocFormat,
      stage,
      new Date().toISOString().slice(0, 10),
    );
    return this.send(res, out, m[2] as DocFormat);
  }

  @ApiDoc('Tải một văn bản (HTML, PDF hoặc Word)')
  @Get('documents/:did/:file')
  @Permission('term.read', { document: 'did' })
  @ApiFile(DOCUMENT_TYPES, 'Văn bản dạng HTML, PDF hoặc Word: /api/documents/{id}/van-ban.pdf')
  async render(
    @Param('did', IdPipe) did: number,
    @Param('file') file: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile | string> {
    const format = /\.(html|pdf|docx)$/.exec(file)?.[1] as DocFormat | undefined;
    if (!format) throw new AppError(CommonErrors.ROUTE_NOT_FOUND);
    return this.send(res, await this.documents.render(did, format), format);
  }

  private send(
    res: Response,
    out: { fileName: string; mimeType: string; content: Buffer | string },
    format: DocFormat,
  ): StreamableFile | string {
    res.setHeader('Content-Type', out.mimeType);
    if (format === 'html') {
      res.setHeader(
        'Content-Security-Policy',
        // A document opened in the browser runs nothing and reaches nothing (sandbox, no forms).
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; form-action 'none'; base-uri 'none'; sandbox",
      );
      return out.content as string;
    }
    res.setHeader('Content-Disposition', attachment(out.fileName));
    return new StreamableFile(out.content as Buffer);
  }
}
