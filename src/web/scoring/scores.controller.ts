import { Body, Controller, Get, Param, Post, Query, Req, Res, UploadedFile } from '@nestjs/common';
import { FileInterceptor, NoFilesInterceptor } from '@nestjs/platform-express';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { WebUpload } from '../../auth/csrf-upload';
import { Permission } from '../../common/http/permission.decorator';
import { IdPipe } from '../../common/http/id-param.pipe';
import { uploadOptions } from '../../common/http/upload';
import { YearPipe } from '../../common/http/year.pipe';
import type { ImportReportDto } from '../../scoring/dto/scoring.dto';
import { AdvancePhaseDto, EnterScoresDto } from '../../scoring/dto/scoring.dto';
import type { ScoreStageCode } from '../../scoring/score-entry.entity';
import { SCORE_SHEET_MAX_BYTES, ScoreSheetService } from '../../scoring/score-sheet.service';
import { ScoreLinesService } from '../../scoring/score-lines.service';
import { ScoringPhasesService } from '../../scoring/scoring-phases.service';
import { StagePipe } from '../../scoring/stage.pipe';
import { mayOpenUnit } from '../core/access';
import {
  emptyForm,
  field,
  mapFormErrors,
  submitted,
  validateForm,
  type FormState,
} from '../core/forms';
import { WebPageService, type WebRequest } from '../core/web-page.service';
import { changedLines, importPreviewModel, sheetFieldName } from './score-forms';
import { openStage, stageAction, STAGES } from './score-items';
import { ScoresPagesService } from './scores-pages.service';

const BLOCS = { href: '/web/blocs', label: 'Khối, cụm thi đua' };
/** The confirm form carries the previewed file back (base64): room for the 5 MB the API accepts. */
const CONFIRM_FIELD_BYTES = Math.ceil((SCORE_SHEET_MAX_BYTES * 4) / 3) + 1024;

const stageOf = (v: unknown): ScoreStageCode | null => STAGES.find((s) => s === v) ?? null;

/** The score grid, a unit's score sheet, the phase, the Excel export/import and the ranking. */
@ApiExcludeController()
@Controller('web/blocs/:id/terms/:year')
export class WebScoresController {
  constructor(
    private readonly pages: WebPageService,
    private readonly views: ScoresPagesService,
    private readonly phases: ScoringPhasesService,
    private readonly lines: ScoreLinesService,
    private readonly sheets: ScoreSheetService,
  ) {}

  @Get('scores')
  @Permission('term.read', { bloc: 'id' })
  async grid(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', IdPipe) id: number,
    @Param('year', YearPipe) year: number,
    @Query('giai-doan') stage: unknown,
  ) {
    await this.renderGrid(req, res, id, year, stage, {}, 200);
  }

  @Post('scoring/advance')
  @Permission('scoring.manage', { bloc: 'id' })
  async advance(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', IdPipe) id: number,
    @Param('year', YearPipe) year: number,
    @Body() body: unknown,
  ) {
    const values = submitted(body);
    await this.pages.act(req, res, {
      values,
      run: async () =>
        this.phases.advance(
          id,
          year,
          await validateForm(AdvancePhaseDto, {
            to: field.text(values.to),
            ...(field.text(values.reason) ? { reason: field.text(values.reason) } : {}),
          }),
        ),
      then: () => ({ to: `/web/blocs/${id}/terms/${year}/scores`, notice: 'saved' }),
      again: (form, status) =>
        this.renderGrid(req, res, id, year, undefined, { advance: form }, status),
    });
  }

  @Get('scores/:unitId')
  @Permission('unit.read', { bloc: 'id', unit: 'unitId' })
  async sheet(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', IdPipe) id: number,
    @Param('year', YearPipe) year: number,
    @Param('unitId', IdPipe) unitId: number,
  ) {
    await this.renderSheet(req, res, id, year, unitId, emptyForm(), 200);
  }

  @Post('scores/:unitId/:stage')
  @Permission((req) => stageAction(String(req.params.stage)), { bloc: 'id', unit: 'unitId' })
  async enter(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', IdPipe) id: number,
    @Param('year', YearPipe) year: number,
    @Param('unitId', IdPipe) unitId: number,
    @Param('stage', StagePipe) stage: ScoreStageCode,
    @Body() body: unknown,
  ) {
    const values = submitted(body);
    const current = await this.views.sheet(id, year, unitId, req.auth!);
    const lines = changedLines(values, current);
    const back = `/web/blocs/${id}/terms/${year}/scores/${unitId}`;
    if (lines.length === 0) return this.pages.redirect(res, back, 'saved');
    const rename = sheetFieldName(
      lines.map((l) => String(l.code)),
      current.codes,
    );
    await this.pages.act(req, res, {
      values,
      run: async () =>
        this.lines.enter(id, year, unitId, stage, await validateForm(EnterScoresDto, { lines })),
      then: () => ({ to: back, notice: 'saved' }),
      again: (form, status) => this.renderSheet(req, res, id, year, unitId, form, status, rename),
    });
  }

  /** Upload → preview: what the import would write and every refused row; nothing is written. */
  @Post('score-sheet/preview')
  @Permission('scores.review.write', { bloc: 'id' })
  @WebUpload(FileInterceptor('file', uploadOptions(SCORE_SHEET_MAX_BYTES)))
  async preview(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', IdPipe) id: number,
    @Param('year', YearPipe) year: number,
    @Body() body: unknown,
    @UploadedFile() file: { buffer: Buffer; originalname: string } | undefined,
  ) {
    const v = submitted(body);
    const stage = stageOf(v.stage) ?? (await this.openOrAgreed(id, year));
    try {
      const report = await this.sheets.preview(id, year, stage, file?.buffer);
      this.renderPreview(
        req,
        res,
        id,
        year,
        stage,
        report,
        file!.buffer,
        file!.originalname,
        null,
        200,
      );
    } catch (e) {
      await this.pages.sendFormError(req, res, e, {}, (form, status) =>
        this.renderGrid(req, res, id, year, undefined, { upload: form }, status),
      );
    }
  }

  /** Confirm: the previewed file again, imported all or nothing. */
  @Post('score-sheet/import')
  @Permission('scores.review.write', { bloc: 'id' })
  @WebUpload(NoFilesInterceptor({ limits: { fieldSize: CONFIRM_FIELD_BYTES, fields: 6 } }))
  async import(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', IdPipe) id: number,
    @Param('year', YearPipe) year: number,
    @Body() body: unknown,
  ) {
    const v = submitted(body);
    const stage = stageOf(v.stage) ?? (await this.openOrAgreed(id, year));
    const buffer = /^[A-Za-z0-9+/=]+$/.test(v.sheet ?? '')
      ? Buffer.from(v.sheet!, 'base64')
      : undefined;
    await this.pages.act(req, res, {
      values: {},
      run: () => this.sheets.import(id, year, stage, buffer),
      then: () => ({
        to: `/web/blocs/${id}/terms/${year}/scores?giai-doan=${stage}`,
        notice: 'imported',
      }),
      again: async (form, status, e) => {
        // A refused file: the preview again, with every refused row.
        if (e.code === 'SHEET_REJECTED' && buffer) {
          const report = await this.sheets.preview(id, year, stage, buffer);
          const name = field.text(v.fileName) ?? 'bang-diem.xlsx';
          return this.renderPreview(
            req,
            res,
            id,
            year,
            stage,
            report,
            buffer,
            name,
            e.message,
            422,
          );
        }
        return this.renderGrid(req, res, id, year, undefined, { upload: form }, status);
      },
    });
  }

  @Get('ranking')
  @Permission('term.read', { bloc: 'id' })
  async ranking(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', IdPipe) id: number,
    @Param('year', YearPipe) year: number,
  ) {
    const ranking = await this.views.ranking(id, year);
    const model = {
      ...ranking,
      entries: ranking.entries.map((e) => ({
        ...e,
        open: mayOpenUnit(req.auth!, 'unit.read', e.unit.id, id),
      })),
    };
    this.pages.send(req, res, 'scoring/ranking', `Xếp hạng thi đua năm ${year}`, model, {
      breadcrumbs: this.crumbs(id, model.term.blocName),
    });
  }

  private async openOrAgreed(id: number, year: number): Promise<ScoreStageCode> {
    return openStage((await this.phases.phase(id, year)).phase) ?? 'AGREED';
  }

  private async renderGrid(
    req: WebRequest,
    res: Response,
    id: number,
    year: number,
    stage: unknown,
    forms: { advance?: FormState; upload?: FormState },
    status: number,
  ) {
    const model = await this.views.grid(id, year, req.auth!, stage);
    this.pages.send(
      req,
      res,
      'scoring/scores',
      `Bảng điểm thi đua năm ${year}`,
      {
        ...model,
        advanceForm: forms.advance
          ? mapFormErrors(forms.advance, (f) => f, new Set(['to', 'reason']))
          : emptyForm(),
        uploadForm: forms.upload
          ? mapFormErrors(forms.upload, () => 'file', new Set(['file']))
          : emptyForm(),
      },
      { status, breadcrumbs: this.crumbs(id, model.term.blocName) },
    );
  }

  private async renderSheet(
    req: WebRequest,
    res: Response,
    id: number,
    year: number,
    unitId: number,
    form: FormState,
    status: number,
    rename: (f: string) => string = (f) => f,
  ) {
    const model = await this.views.sheet(id, year, unitId, req.auth!);
    const shown = mapFormErrors(form, rename, model.known);
    this.pages.send(
      req,
      res,
      'scoring/score-sheet',
      `Phiếu chấm điểm năm ${year}: ${model.unit.fullName}`,
      {
        ...model,
        form: shown,
        action: model.open ? `${model.base}/scores/${unitId}/${model.open}` : null,
      },
      {
        status,
        breadcrumbs: [
          ...this.crumbs(id, model.term.blocName),
          { href: `${model.base}/scores`, label: `Bảng điểm ${year}` },
        ],
      },
    );
  }

  private renderPreview(
    req: WebRequest,
    res: Response,
    id: number,
    year: number,
    stage: ScoreStageCode,
    report: ImportReportDto,
    buffer: Buffer,
    fileName: string,
    message: string | null,
    status: number,
  ) {
    this.pages.send(
      req,
      res,
      'scoring/import-preview',
      `Xem trước khi nhập bảng điểm năm ${year}`,
      importPreviewModel(
        `/web/blocs/${id}/terms/${year}`,
        stage,
        report,
        buffer,
        fileName,
        message,
      ),
      {
        status,
        breadcrumbs: [
          BLOCS,
          { href: `/web/blocs/${id}/terms/${year}/scores`, label: `Bảng điểm ${year}` },
        ],
      },
    );
  }

  private crumbs(id: number, name: string) {
    return [BLOCS, { href: `/web/blocs/${id}`, label: name }];
  }
}
