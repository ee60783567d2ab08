import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Permission } from '../../common/http/permission.decorator';
import { IdPipe } from '../../common/http/id-param.pipe';
import { YearPipe } from '../../common/http/year.pipe';
import { CriteriaService } from '../../criteria/criteria.service';
import {
  CreateCriteriaSetDto,
  LockCriteriaSetDto,
  UpdateCriteriaSetDto,
  type CriteriaSetDto,
} from '../../criteria/dto/criteria.dto';
import {
  emptyForm,
  field,
  mapFormErrors,
  submitted,
  validateForm,
  type FormState,
} from '../core/forms';
import { WebPageService, type WebRequest } from '../core/web-page.service';
import { createCriteriaPlain, parseCriteriaForm } from './criteria-form';
import { CriteriaPagesService } from './criteria-pages.service';
import { localIsoDate } from './scoring-view';

const BLOCS = { href: '/web/blocs', label: 'Khối, cụm thi đua' };

/** The criteria editor of a bloc term: versions, draft editing, signing, revisions with a reason. */
@ApiExcludeController()
@Controller('web/blocs/:id/terms/:year/criteria')
export class WebCriteriaController {
  constructor(
    private readonly pages: WebPageService,
    private readonly views: CriteriaPagesService,
    private readonly criteria: CriteriaService,
  ) {}

  @Get()
  @Permission('term.read', { bloc: 'id' })
  async page(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', IdPipe) id: number,
    @Param('year', YearPipe) year: number,
  ) {
    await this.renderPage(req, res, id, year, emptyForm(), null, 200);
  }

  /**
   * A new version: a copy of a signed set (this year's, for a revision, or another year's), or a
   * blank first draft (`blank=1`) when the bloc has no other year to copy.
   */
  @Post()
  @Permission('criteria.write', { bloc: 'id' })
  async create(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', IdPipe) id: number,
    @Param('year', YearPipe) year: number,
    @Body() body: unknown,
  ) {
    const values = submitted(body);
    const base = `/web/blocs/${id}/terms/${year}/criteria`;
    await this.pages.act(req, res, {
      values,
      run: async () =>
        this.criteria.create(
          id,
          year,
          await validateForm(CreateCriteriaSetDto, createCriteriaPlain(values)),
        ),
      then: (set) => ({ to: `${base}/${set.id}/edit`, notice: 'created' }),
      again: (form, status) => this.renderPage(req, res, id, year, form, 'create', status),
    });
  }

  @Get(':setId/edit')
  @Permission('criteria.write', { bloc: 'id', criteriaSet: 'setId' })
  async edit(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', IdPipe) id: number,
    @Param('year', YearPipe) year: number,
    @Param('setId', IdPipe) setId: number,
  ) {
    const set = await this.views.setOfTerm(id, year, setId);
    this.renderEditor(req, res, id, year, set, emptyForm(), null, 200);
  }

  @Post(':setId')
  @Permission('criteria.write', { bloc: 'id', criteriaSet: 'setId' })
  async update(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', IdPipe) id: number,
    @Param('year', YearPipe) year: number,
    @Param('setId', IdPipe) setId: number,
    @Body() body: unknown,
  ) {
    const values = submitted(body);
    const set = await this.views.setOfTerm(id, year, setId);
    const parsed = parseCriteriaForm(values);
    await this.pages.act(req, res, {
      values,
      run: async () =>
        this.criteria.update(
          setId,
          await validateForm(UpdateCriteriaSetDto, {
            version: field.int(values.version),
            definition: { ...parsed.definition, isSample: set.isSample },
            ...(values.reason !== undefined ? { reason: values.reason.trim() } : {}),
          }),
        ),
      then: () => ({
        to: `/web/blocs/${id}/terms/${year}/criteria/${setId}/edit`,
        notice: 'saved',
      }),
      again: (form, status) =>
        this.renderEditor(req, res, id, year, set, form, parsed.rename, status),
    });
  }

  /** Signs the covenant: the draft becomes the term's criteria set (and scoring opens). */
  @Post(':setId/lock')
  @Permission('criteria.write', { bloc: 'id', criteriaSet: 'setId' })
  async lock(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', IdPipe) id: number,
    @Param('year', YearPipe) year: number,
    @Param('setId', IdPipe) setId: number,
    @Body() body: unknown,
  ) {
    const values = submitted(body);
    await this.views.setOfTerm(id, year, setId);
    await this.pages.act(req, res, {
      values,
      run: async () =>
        this.criteria.lock(
          setId,
          await validateForm(LockCriteriaSetDto, {
            version: field.int(values.version),
            signedOn: field.date(values.signedOn),
          }),
        ),
      then: () => ({ to: `/web/blocs/${id}/terms/${year}/criteria`, notice: 'saved' }),
      again: (form, status) => this.renderPage(req, res, id, year, form, 'lock', status),
    });
  }

  private async renderPage(
    req: WebRequest,
    res: Response,
    blocId: number,
    year: number,
    form: FormState,
    which: 'create' | 'lock' | null,
    status: number,
  ) {
    const model = await this.views.criteriaPage(blocId, year, req.auth!);
    const known = new Set(['copyFromYear', 'reason', 'signedOn', 'version']);
    const shown = mapFormErrors(form, (f) => f, known);
    this.pages.send(
      req,
      res,
      'scoring/criteria',
      `Bộ tiêu chí thi đua năm ${year}`,
      {
        ...model,
        createForm: which === 'create' ? shown : emptyForm(),
        lockForm: which === 'lock' ? shown : emptyForm(),
        today: localIsoDate(new Date()),
        revise: model.locked !== null,
      },
      { status, breadcrumbs: this.crumbs(blocId, model.term.blocName) },
    );
  }

  private renderEditor(
    req: WebRequest,
    res: Response,
    blocId: number,
    year: number,
    set: CriteriaSetDto,
    form: FormState,
    rename: ((f: string) => string) | null,
    status: number,
  ) {
    const editor = this.views.criteriaEditor(set);
    const shown = mapFormErrors(form, rename ?? ((f) => f), editor.known);
    this.pages.send(
      req,
      res,
      'scoring/criteria-form',
      `Sửa dự thảo bộ tiêu chí năm ${year} (phiên bản ${set.versionNo})`,
      {
        ...editor,
        set,
        form: shown,
        editable: set.status === 'DRAFT',
        base: `/web/blocs/${blocId}/terms/${year}`,
      },
      {
        status,
        breadcrumbs: [
          ...this.crumbs(blocId, null),
          { href: `/web/blocs/${blocId}/terms/${year}/criteria`, label: `Bộ tiêu chí ${year}` },
        ],
      },
    );
  }

  private crumbs(blocId: number, name: string | null) {
    return [BLOCS, { href: `/web/blocs/${blocId}`, label: name ?? 'Khối thi đua' }];
  }
}
