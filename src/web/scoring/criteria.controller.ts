import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Permission } from '../../common/http/permission.decorator';
import { AppError } from '../../common/errors/app-error';
import { IdPipe } from '../../common/http/id-param.pipe';
import { YearPipe } from '../../common/http/year.pipe';
import { CriteriaErrors } from '../../criteria/criteria.errors';
import { CriteriaService } from '../../criteria/criteria.service';
import {
  CreateCriteriaSetDto,
  LockCriteriaSetDto,
  UpdateCriteriaSetDto,
  type CriteriaSetDto,
} from '../../criteria/dto/criteria.dto';
import { emptyForm, field, submitted, validateForm, type FormState } from '../core/forms';
import { WebPageService, type WebRequest } from '../core/web-page.service';
import { parseCriteriaForm } from './criteria-form';
import { ScoringPagesService } from './scoring-pages.service';
import { localIsoDate, mapFormErrors } from './scoring-view';

const BLOCS = { href: '/web/blocs', label: 'Khối, cụm thi đua' };

/**
 * The first draft of a bloc-year that has nothing to copy: the smallest set the service accepts
 * (the groups must add up to the scale, a group needs a criterion), to be filled in the editor.
 */
const BLANK_DEFINITION = {
  scale: 100,
  groups: [
    {
      code: 'I',
      title: 'Nhóm tiêu chí I',
      maxPoints: 100,
      criteria: [{ code: 'I.1', title: 'Tiêu chí I.1', maxPoints: 100 }],
    },
  ],
  bonusItems: [],
  penaltyItems: [],
  bonusCap: 0,
  penaltyCap: 0,
  tieBreak: [],
};

/** The criteria editor of a bloc term: versions, draft editing, signing, revisions with a reason. */
@ApiExcludeController()
@Controller('web/blocs/:id/terms/:year/criteria')
export class WebCriteriaController {
  constructor(
    private readonly pages: WebPageService,
    private readonly views: ScoringPagesService,
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
    const v = submitted(body);
    try {
      const dto = await validateForm(CreateCriteriaSetDto, {
        ...(v.blank === '1'
          ? { definition: BLANK_DEFINITION }
          : { copyFromYear: field.int(v.copyFromYear) }),
        ...(field.text(v.reason) ? { reason: field.text(v.reason) } : {}),
      });
      const set = await this.criteria.create(id, year, dto);
      this.pages.redirect(res, `/web/blocs/${id}/terms/${year}/criteria/${set.id}/edit`, 'created');
    } catch (e) {
      await this.pages.sendFormError(req, res, e, v, (form, status) =>
        this.renderPage(req, res, id, year, form, 'create', status),
      );
    }
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
    const set = await this.setOfTerm(id, year, setId);
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
    const v = submitted(body);
    const set = await this.setOfTerm(id, year, setId);
    const parsed = parseCriteriaForm(v);
    try {
      const dto = await validateForm(UpdateCriteriaSetDto, {
        version: field.int(v.version),
        definition: { ...parsed.definition, isSample: set.isSample },
        ...(v.reason !== undefined ? { reason: v.reason.trim() } : {}),
      });
      await this.criteria.update(setId, dto);
      this.pages.redirect(res, `/web/blocs/${id}/terms/${year}/criteria/${setId}/edit`, 'saved');
    } catch (e) {
      await this.pages.sendFormError(req, res, e, v, (form, status) =>
        this.renderEditor(req, res, id, year, set, form, parsed.rename, status),
      );
    }
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
    const v = submitted(body);
    await this.setOfTerm(id, year, setId);
    try {
      const dto = await validateForm(LockCriteriaSetDto, {
        version: field.int(v.version),
        signedOn: field.date(v.signedOn),
      });
      await this.criteria.lock(setId, dto);
      this.pages.redirect(res, `/web/blocs/${id}/terms/${year}/criteria`, 'saved');
    } catch (e) {
      await this.pages.sendFormError(req, res, e, v, (form, status) =>
        this.renderPage(req, res, id, year, form, 'lock', status),
      );
    }
  }

  /** The set, refused unless it belongs to the term of the path (the scope was checked on both). */
  private async setOfTerm(blocId: number, year: number, setId: number): Promise<CriteriaSetDto> {
    const term = await this.views.term(blocId, year);
    const set = await this.views.criteriaSet(setId);
    if (set.termId !== term.id) throw new AppError(CriteriaErrors.NOT_FOUND);
    return set;
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
