import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Permission } from '../../common/http/permission.decorator';
import { ClassificationService } from '../../classification/classification.service';
import {
  DeriveClassificationDto,
  SaveClassificationSchemeDto,
  type ClassificationDto,
} from '../../classification/dto/classification.dto';
import { IdPipe } from '../../common/http/id-param.pipe';
import { YearPipe } from '../../common/http/year.pipe';
import {
  CLASSIFICATION_METHOD_LABELS,
  CLASSIFICATION_METHODS,
} from '../../domain/classification/scale';
import { holdsOnBloc } from '../core/access';
import { emptyForm, field, submitted, validateForm, type FormState } from '../core/forms';
import { WebPageService, type WebRequest } from '../core/web-page.service';

const BLOCS = { href: '/web/blocs', label: 'Khối, cụm thi đua' };
/** Rows of the scale form: enough for the usual four levels and two more. */
const LEVEL_ROWS = 6;
const DEFAULT_LEVELS = [
  'Hoàn thành xuất sắc nhiệm vụ',
  'Hoàn thành tốt nhiệm vụ',
  'Hoàn thành nhiệm vụ',
  'Không hoàn thành nhiệm vụ',
];

/** The yearly classification of a bloc term: its scale, each unit's level and basis, derivation. */
@ApiExcludeController()
@Controller('web/blocs/:id/terms/:year/classification')
export class WebClassificationController {
  constructor(
    private readonly pages: WebPageService,
    private readonly classification: ClassificationService,
  ) {}

  @Get()
  @Permission('term.read', { bloc: 'id' })
  async show(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', IdPipe) id: number,
    @Param('year', YearPipe) year: number,
  ) {
    await this.render(req, res, id, year, {}, 200);
  }

  @Post('scheme')
  @Permission('scoring.manage', { bloc: 'id' })
  async saveScheme(
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
        this.classification.saveScheme(
          id,
          year,
          await validateForm(SaveClassificationSchemeDto, schemePlain(values)),
        ),
      then: () => ({ to: `/web/blocs/${id}/terms/${year}/classification`, notice: 'saved' }),
      again: (form, status) => this.render(req, res, id, year, { scheme: form }, status),
    });
  }

  @Post('derive')
  @Permission('scoring.manage', { bloc: 'id' })
  async derive(
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
        this.classification.derive(
          id,
          year,
          await validateForm(DeriveClassificationDto, {
            schemeVersion: field.int(values.schemeVersion),
          }),
        ),
      then: () => ({ to: `/web/blocs/${id}/terms/${year}/classification`, notice: 'saved' }),
      again: (form, status) => this.render(req, res, id, year, { derive: form }, status),
    });
  }

  private async render(
    req: WebRequest,
    res: Response,
    id: number,
    year: number,
    forms: { scheme?: FormState; derive?: FormState },
    status: number,
  ) {
    const c = await this.classification.get(id, year);
    const manage = holdsOnBloc(req.auth!, 'scoring.manage', id);
    this.pages.send(
      req,
      res,
      'scoring/classification',
      `Xếp loại thi đua năm ${year}`,
      {
        ...c,
        base: `/web/blocs/${id}/terms/${year}`,
        manage,
        editable: manage && c.units.length === 0,
        derivable: manage && c.scheme?.method === 'DERIVED',
        voted: c.scheme?.method === 'VOTED',
        methodOptions: CLASSIFICATION_METHODS.map((m) => ({
          value: m,
          label: CLASSIFICATION_METHOD_LABELS[m],
        })),
        levelRows: levelRows(c),
        schemeForm: forms.scheme ?? emptyForm(),
        deriveForm: forms.derive ?? emptyForm(),
      },
      { status, breadcrumbs: [BLOCS, { href: `/web/blocs/${id}`, label: `Năm ${year}` }] },
    );
  }
}

/** The scale form's rows: the stored levels, else the usual four labels. */
function levelRows(c: ClassificationDto) {
  const stored = c.scheme?.levels ?? DEFAULT_LEVELS.map((label) => ({ label, minPoints: null }));
  return Array.from({ length: LEVEL_ROWS }, (_, i) => ({
    labelText: `Mức ${i + 1}`,
    minText: `Tổng điểm từ (mức ${i + 1})`,
    labelName: `levels.${i}.label`,
    minName: `levels.${i}.minPoints`,
    label: stored[i]?.label ?? '',
    minPoints:
      stored[i]?.minPoints === null || stored[i]?.minPoints === undefined
        ? ''
        : String(stored[i].minPoints).replace('.', ','),
  }));
}

/** The scale form as `SaveClassificationSchemeDto`'s plain object: the rows with a label. */
function schemePlain(v: Record<string, string>): Record<string, unknown> {
  const levels = Array.from({ length: LEVEL_ROWS }, (_, i) => ({
    label: field.text(v[`levels.${i}.label`]),
    minPoints: field.decimal(v[`levels.${i}.minPoints`]),
  }))
    .filter((l) => l.label !== undefined)
    .map((l) => ({
      label: l.label,
      ...(l.minPoints === undefined ? {} : { minPoints: l.minPoints }),
    }));
  return { method: field.text(v.method), basis: field.text(v.basis), levels };
}
