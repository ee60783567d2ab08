import { ApiDoc, ApiFile, MIME } from '../common/http/api-doc';
import {
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Permission } from '../common/http/permission.decorator';
import { attachment } from '../common/http/content-disposition';
import { IdPipe } from '../common/http/id-param.pipe';
import { uploadOptions } from '../common/http/upload';
import { BlocImportService } from './bloc-import.service';
import {
  BlocImportReportDto,
  RolloverQueryDto,
  RolloverReportDto,
  TemplateQueryDto,
  UnitImportReportDto,
} from './dto/onboarding.dto';
import { BLOC_COLUMNS, IMPORT_LIMITS, UNIT_COLUMNS } from './import-columns';
import { writeTemplate } from './import-template';
import { RolloverService } from './rollover.service';
import type { UploadedTable } from './import-file';
import { UnitImportService } from './unit-import.service';

const FILE_BODY = {
  schema: {
    type: 'object' as const,
    properties: { file: { type: 'string' as const, format: 'binary' } },
  },
};
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function sendTemplate(
  res: Response,
  name: string,
  title: string,
  columns: Parameters<typeof writeTemplate>[1],
  format: 'xlsx' | 'csv' = 'xlsx',
): Promise<StreamableFile> {
  const content = await writeTemplate(title, columns, format);
  res.setHeader('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : XLSX);
  res.setHeader('Content-Disposition', attachment(`${name}.${format}`));
  return new StreamableFile(content);
}

/** Onboarding a province: units and blocs from files made from the templates, and the year rollover. */
@ApiTags('Đưa tỉnh vào sử dụng (onboarding)')
@Controller('provinces/:id')
export class OnboardingController {
  constructor(
    private readonly units: UnitImportService,
    private readonly blocs: BlocImportService,
    private readonly rollover: RolloverService,
  ) {}

  @Permission('registry.read')
  @ApiDoc('Tệp mẫu nhập danh sách đơn vị (xlsx hoặc csv)')
  @Get('units-import/template')
  @ApiFile([MIME.XLSX, MIME.CSV], 'Tệp mẫu nhập đơn vị (Excel hoặc CSV)')
  unitsTemplate(
    @Param('id', IdPipe) _id: number,
    @Query() q: TemplateQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return sendTemplate(
      res,
      'mau-nhap-don-vi',
      'Mẫu nhập đơn vị thành viên',
      UNIT_COLUMNS,
      q.format,
    );
  }

  @Permission('registry.write')
  @ApiDoc('Xem trước tệp danh sách đơn vị (không ghi gì)')
  @Post('units-import/preview')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @ApiOkResponse({
    type: UnitImportReportDto,
    description: 'Xem trước: mọi dòng và lỗi, chưa ghi gì',
  })
  @UseInterceptors(FileInterceptor('file', uploadOptions(IMPORT_LIMITS.maxBytes)))
  previewUnits(@Param('id', IdPipe) id: number, @UploadedFile() file: UploadedTable | undefined) {
    return this.units.preview(id, file);
  }

  @Permission('registry.write')
  @ApiDoc('Nhập tệp danh sách đơn vị (ghi tất cả hoặc không ghi gì)')
  @Post('units-import')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @ApiOkResponse({ type: UnitImportReportDto, description: 'Nhập: ghi tất cả hoặc không ghi gì' })
  @UseInterceptors(FileInterceptor('file', uploadOptions(IMPORT_LIMITS.maxBytes)))
  importUnits(@Param('id', IdPipe) id: number, @UploadedFile() file: UploadedTable | undefined) {
    return this.units.import(id, file);
  }

  @Permission('registry.read')
  @ApiDoc('Tệp mẫu nhập danh sách khối, cụm (xlsx hoặc csv)')
  @Get('blocs-import/template')
  @ApiFile(
    [MIME.XLSX, MIME.CSV],
    'Tệp mẫu nhập khối, cụm thi đua, năm và thành viên (Excel hoặc CSV)',
  )
  blocsTemplate(
    @Param('id', IdPipe) _id: number,
    @Query() q: TemplateQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return sendTemplate(
      res,
      'mau-nhap-khoi-cum-thi-dua',
      'Mẫu nhập khối, cụm thi đua và thành viên theo năm',
      BLOC_COLUMNS,
      q.format,
    );
  }

  @Permission('registry.write')
  @ApiDoc('Xem trước tệp danh sách khối, cụm (không ghi gì)')
  @Post('blocs-import/preview')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @ApiOkResponse({ type: BlocImportReportDto })
  @UseInterceptors(FileInterceptor('file', uploadOptions(IMPORT_LIMITS.maxBytes)))
  previewBlocs(@Param('id', IdPipe) id: number, @UploadedFile() file: UploadedTable | undefined) {
    return this.blocs.preview(id, file);
  }

  @Permission('registry.write')
  @ApiDoc('Nhập tệp danh sách khối, cụm (ghi tất cả hoặc không ghi gì)')
  @Post('blocs-import')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @ApiOkResponse({ type: BlocImportReportDto })
  @UseInterceptors(FileInterceptor('file', uploadOptions(IMPORT_LIMITS.maxBytes)))
  importBlocs(@Param('id', IdPipe) id: number, @UploadedFile() file: UploadedTable | undefined) {
    return this.blocs.import(id, file);
  }

  @Permission('registry.write')
  @ApiDoc('Xem trước việc chuyển các khối sang năm sau (không ghi gì)')
  @Post('rollover/preview')
  @HttpCode(200)
  @ApiOkResponse({
    type: RolloverReportDto,
    description: 'Xem trước nhiệm kỳ năm sau của mọi khối, cụm',
  })
  previewRollover(@Param('id', IdPipe) id: number, @Query() q: RolloverQueryDto) {
    return this.rollover.preview(id, q.year);
  }

  @Permission('registry.write')
  @ApiDoc('Chuyển các khối sang năm sau đúng như bản xem trước')
  @Post('rollover')
  @HttpCode(200)
  @ApiOkResponse({ type: RolloverReportDto, description: 'Tạo nhiệm kỳ năm sau như đã xem trước' })
  applyRollover(@Param('id', IdPipe) id: number, @Query() q: RolloverQueryDto) {
    return this.rollover.apply(id, q.year);
  }
}
