import { Controller, Get, Post, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../../common/http/permission.decorator';
import { AppError } from '../../common/errors/app-error';
import { uploadOptions } from '../../common/http/upload';
import { CHECK_MAX_BYTES } from '../../signing/signing.controller';
import { SigningErrors } from '../../signing/signing.errors';
import { SigningService, type PdfCheckDto } from '../../signing/signing.service';
import { formatDateTime } from '../core/format';
import { statusOfError } from '../core/forms';
import { WebPageService, type WebRequest } from '../core/web-page.service';

/**
 * The public check of a document (no sign-in): anyone who received a PDF uploads it and reads, in
 * Vietnamese, whether it is a document issued by thidua, whether its bytes are unchanged since
 * signing and who signed it with which certificate. Same service as POST /api/document-checks.
 */
@ApiExcludeController()
@Controller('web')
export class WebDocumentCheckController {
  constructor(
    private readonly pages: WebPageService,
    private readonly signing: SigningService,
  ) {}

  @Public()
  @Get('kiem-tra-van-ban')
  page(@Req() req: WebRequest, @Res() res: Response): void {
    this.pages.send(req, res, 'signing/check', 'Kiểm tra văn bản điện tử', {
      result: null,
      error: null,
    });
  }

  @Public()
  @Post('kiem-tra-van-ban')
  @UseInterceptors(FileInterceptor('file', uploadOptions(CHECK_MAX_BYTES)))
  async check(
    @Req() req: WebRequest,
    @Res() res: Response,
    @UploadedFile() file: { buffer: Buffer; originalname: string } | undefined,
  ): Promise<void> {
    try {
      if (!file) throw new AppError(SigningErrors.FILE_MISSING);
      const result = await this.signing.check(file.buffer);
      this.pages.send(req, res, 'signing/check', 'Kiểm tra văn bản điện tử', {
        result: present(result, file.originalname),
        error: null,
      });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      this.pages.send(
        req,
        res,
        'signing/check',
        'Kiểm tra văn bản điện tử',
        { result: null, error: e.message },
        { status: statusOfError(e) },
      );
    }
  }
}

/** The check's answer in words a clerk reads (dates dd/mm/yyyy HH:mm, local time). */
function present(r: PdfCheckDto, fileName: string) {
  return {
    fileName,
    sha256: r.sha256,
    signed: r.signed,
    intact: r.intact,
    verdict: !r.signed
      ? 'Tệp không có chữ ký số.'
      : r.intact
        ? 'Chữ ký số hợp lệ: nội dung tệp không thay đổi kể từ khi ký.'
        : 'Chữ ký số KHÔNG hợp lệ: tệp đã bị thay đổi sau khi ký, hoặc chữ ký không khớp với chứng thư.',
    signatures: r.signatures.map((s, i) => ({
      no: i + 1,
      valid: s.valid,
      coversWholeFile: s.coversWholeFile,
      signedAt: s.signedAt ? formatDateTime(s.signedAt) : 'không ghi',
      signer: s.certificate?.commonName ?? 'không đọc được',
      subject: s.certificate?.subject ?? '',
      issuer: s.certificate?.issuer ?? '',
      serial: s.certificate?.serial ?? '',
      validity: s.certificate
        ? `từ ${formatDateTime(s.certificate.validFrom)} đến ${formatDateTime(s.certificate.validTo)}`
        : '',
    })),
    record: r.record && {
      ...r.record,
      signedAt: formatDateTime(r.record.signedAt),
    },
  };
}
