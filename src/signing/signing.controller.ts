import { ApiDoc } from '../common/http/api-doc';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Permission, Public } from '../common/http/permission.decorator';
import { AppError } from '../common/errors/app-error';
import { IdPipe } from '../common/http/id-param.pipe';
import { uploadOptions } from '../common/http/upload';
import { GeneratedDocumentDto } from '../documents/dto/document-view.dto';
import { SaveSigningProfileDto } from './dto/signing.dto';
import { PdfCheckViewDto, SigningProfileViewDto } from './dto/signing-view.dto';
import { SigningErrors } from './signing.errors';
import { SigningService } from './signing.service';

/** A signed PDF of thidua is a few hundred kilobytes; the check takes files up to 20 MB. */
export const CHECK_MAX_BYTES = 20 * 1024 * 1024;

@ApiTags('Ký số văn bản (digital signatures)')
@Controller()
export class SigningController {
  constructor(private readonly signing: SigningService) {}

  @Get('blocs/:id/signing-profile')
  @Permission('signing.manage', { bloc: 'id' })
  @ApiDoc('Chứng thư số và hình ảnh ký của khối (không bao giờ trả khóa hay mật khẩu)')
  @ApiOkResponse({ type: SigningProfileViewDto })
  getProfile(@Param('id', IdPipe) id: number) {
    return this.signing.getProfile(id);
  }

  @Put('blocs/:id/signing-profile')
  @Permission('signing.manage', { bloc: 'id' })
  @ApiDoc('Khai báo (hoặc thay) chứng thư số, ảnh chữ ký, ảnh con dấu và người được ký của khối')
  @ApiOkResponse({ type: SigningProfileViewDto })
  saveProfile(@Param('id', IdPipe) id: number, @Body() dto: SaveSigningProfileDto) {
    return this.signing.saveProfile(id, dto);
  }

  @Post('documents/:did/signature')
  @Permission('documents.sign', { document: 'did' })
  @ApiDoc('Ký số phiên bản mới nhất của văn bản (PAdES, hình ảnh theo Nghị định 30/2020)')
  @ApiCreatedResponse({
    type: GeneratedDocumentDto,
    description: 'Văn bản đã ký; tệp PDF của phiên bản này từ nay là bản đã ký',
  })
  sign(@Param('did', IdPipe) did: number) {
    return this.signing.sign(did);
  }

  @Public()
  @Post('document-checks')
  @HttpCode(200)
  @ApiDoc(
    'Kiểm tra một tệp PDF: chữ ký số, tính toàn vẹn và văn bản gốc đã lưu (không cần đăng nhập)',
  )
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiOkResponse({ type: PdfCheckViewDto, description: 'Kết quả kiểm tra' })
  @UseInterceptors(FileInterceptor('file', uploadOptions(CHECK_MAX_BYTES)))
  check(@UploadedFile() file: { buffer: Buffer } | undefined) {
    if (!file) throw new AppError(SigningErrors.FILE_MISSING);
    return this.signing.check(file.buffer);
  }
}
