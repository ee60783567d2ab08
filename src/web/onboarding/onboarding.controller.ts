import { WebUpload } from '../../auth/csrf-upload';
import { Body, Controller, Get, Post, Query, Req, Res, UploadedFile } from '@nestjs/common';
import { FileInterceptor, NoFilesInterceptor } from '@nestjs/platform-express';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Permission } from '../../common/http/permission.decorator';
import { AppError } from '../../common/errors/app-error';
import { uploadOptions } from '../../common/http/upload';
import { BlocImportService } from '../../onboarding/bloc-import.service';
import type { BlocImportReportDto, UnitImportReportDto } from '../../onboarding/dto/onboarding.dto';
import { IMPORT_LIMITS } from '../../onboarding/import-columns';
import { RolloverService } from '../../onboarding/rollover.service';
import type { UploadedTable } from '../../onboarding/import-file';
import { UnitImportService } from '../../onboarding/unit-import.service';
import { ProvincesService } from '../../registry/provinces/provinces.service';
import { submitted, type FormState } from '../core/forms';
import { WebPageService, type WebRequest } from '../core/web-page.service';
import {
  homeModel,
  importPreviewModel,
  rolloverPreviewModel,
  type ImportKind as Kind,
} from './onboarding-view';

const HOME = { href: '/web/onboarding', label: 'Nhập dữ liệu tỉnh' };
/** The confirm form carries the previewed file back (base64). */
const CONFIRM_FIELD_BYTES = Math.ceil((IMPORT_LIMITS.maxBytes * 4) / 3) + 1024;

const int = (v: string | undefined): number | null => (v && /^\d{1,9}$/.test(v) ? Number(v) : null);

/**
 * "Nhập dữ liệu tỉnh": the office picks its province, downloads the templates, uploads the units
 * and blocs files (preview, then confirm), and rolls a year over (preview, then confirm).
 */
@ApiExcludeController()
@Controller('web/onboarding')
export class WebOnboardingController {
  constructor(
    private readonly pages: WebPageService,
    private readonly provinces: ProvincesService,
    private readonly units: UnitImportService,
    private readonly blocs: BlocImportService,
    private readonly rollover: RolloverService,
  ) {}

  @Get()
  @Permission('registry.write')
  home(@Req() req: WebRequest, @Res() res: Response, @Query('tinh') tinh?: string) {
    return this.renderHome(req, res, int(tinh), null, 200);
  }

  private async renderHome(
    req: WebRequest,
    res: Response,
    provinceId: number | null,
    form: FormState | null,
    status: number,
  ) {
    const model = homeModel(await this.provinces.list(), provinceId, form);
    this.pages.send(req, res, 'onboarding/home', 'Nhập dữ liệu tỉnh', model, { status });
  }

  @Post('units/preview')
  @Permission('registry.write')
  @WebUpload(FileInterceptor('file', uploadOptions(IMPORT_LIMITS.maxBytes)))
  previewUnits(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: unknown,
    @UploadedFile() file: UploadedTable | undefined,
  ) {
    return this.preview(req, res, 'units', body, file);
  }

  @Post('blocs/preview')
  @Permission('registry.write')
  @WebUpload(FileInterceptor('file', uploadOptions(IMPORT_LIMITS.maxBytes)))
  previewBlocs(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: unknown,
    @UploadedFile() file: UploadedTable | undefined,
  ) {
    return this.preview(req, res, 'blocs', body, file);
  }

  @Post('units/import')
  @Permission('registry.write')
  @WebUpload(NoFilesInterceptor({ limits: { fieldSize: CONFIRM_FIELD_BYTES, fields: 6 } }))
  importUnits(@Req() req: WebRequest, @Res() res: Response, @Body() body: unknown) {
    return this.confirm(req, res, 'units', body);
  }

  @Post('blocs/import')
  @Permission('registry.write')
  @WebUpload(NoFilesInterceptor({ limits: { fieldSize: CONFIRM_FIELD_BYTES, fields: 6 } }))
  importBlocs(@Req() req: WebRequest, @Res() res: Response, @Body() body: unknown) {
    return this.confirm(req, res, 'blocs', body);
  }

  @Post('rollover/preview')
  @Permission('registry.write')
  async previewRollover(@Req() req: WebRequest, @Res() res: Response, @Body() body: unknown) {
    const v = submitted(body);
    const provinceId = int(v.provinceId);
    const year = int(v.year);
    if (provinceId === null || year === null || year < 1990 || year > 2099)
      return this.pages.redirect(res, '/web/onboarding');
    try {
      const report = await this.rollover.preview(provinceId, year);
      this.sendRollover(req, res, provinceId, report, null, 200);
    } catch (e) {
      await this.pages.sendFormError(req, res, e, {}, (form, status) =>
        this.renderHome(req, res, provinceId, form, status),
      );
    }
  }

  @Post('rollover')
  @Permission('registry.write')
  async applyRollover(@Req() req: WebRequest, @Res() res: Response, @Body() body: unknown) {
    const v = submitted(body);
    const provinceId = int(v.provinceId);
    const year = int(v.year);
    if (provinceId === null || year === null) return this.pages.redirect(res, '/web/onboarding');
    try {
      await this.rollover.apply(provinceId, year);
      this.pages.redirect(res, `/web/onboarding?tinh=${provinceId}`, 'created');
    } catch (e) {
      if (e instanceof AppError && e.kind === 'CONFLICT')
        return this.sendRollover(
          req,
          res,
          provinceId,
          await this.rollover.preview(provinceId, year),
          e.message,
          409,
        );
      throw e;
    }
  }

  private async preview(
    req: WebRequest,
    res: Response,
    kind: Kind,
    body: unknown,
    file: UploadedTable | undefined,
  ) {
    const provinceId = int(submitted(body).provinceId);
    if (provinceId === null) return this.pages.redirect(res, '/web/onboarding');
    try {
      const report =
        kind === 'units'
          ? await this.units.preview(provinceId, file)
          : await this.blocs.preview(provinceId, file);
      this.sendPreview(req, res, kind, provinceId, report, file!, null, 200);
    } catch (e) {
      await this.pages.sendFormError(req, res, e, {}, (form, status) =>
        this.renderHome(req, res, provinceId, form, status),
      );
    }
  }

  private async confirm(req: WebRequest, res: Response, kind: Kind, body: unknown) {
    const v = submitted(body);
    const provinceId = int(v.provinceId);
    const buffer = /^[A-Za-z0-9+/=]+$/.test(v.sheet ?? '')
      ? Buffer.from(v.sheet!, 'base64')
      : undefined;
    if (provinceId === null || !buffer) return this.pages.redirect(res, '/web/onboarding');
    const file = { originalname: v.fileName ?? 'tep.xlsx', buffer };
    try {
      if (kind === 'units') await this.units.import(provinceId, file);
      else await this.blocs.import(provinceId, file);
      this.pages.redirect(res, `/web/onboarding?tinh=${provinceId}`, 'imported');
    } catch (e) {
      if (e instanceof AppError && (e.kind === 'RULE_VIOLATION' || e.kind === 'CONFLICT')) {
        const report =
          kind === 'units'
            ? await this.units.preview(provinceId, file)
            : await this.blocs.preview(provinceId, file);
        return this.sendPreview(
          req,
          res,
          kind,
          provinceId,
          report,
          file,
          e.message,
          e.kind === 'CONFLICT' ? 409 : 422,
        );
      }
      throw e;
    }
  }

  private sendPreview(
    req: WebRequest,
    res: Response,
    kind: Kind,
    provinceId: number,
    report: UnitImportReportDto | BlocImportReportDto,
    file: UploadedTable,
    message: string | null,
    status: number,
  ) {
    const { title, model } = importPreviewModel(kind, provinceId, report, file, message);
    this.pages.send(req, res, 'onboarding/import-preview', title, model, {
      status,
      breadcrumbs: [HOME],
    });
  }

  private sendRollover(
    req: WebRequest,
    res: Response,
    provinceId: number,
    report: Awaited<ReturnType<RolloverService['preview']>>,
    message: string | null,
    status: number,
  ) {
    const { title, model } = rolloverPreviewModel(provinceId, report, message);
    this.pages.send(req, res, 'onboarding/rollover-preview', title, model, {
      status,
      breadcrumbs: [HOME],
    });
  }
}
