import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Permission } from '../../common/http/permission.decorator';
import { IdPipe } from '../../common/http/id-param.pipe';
import { YearPipe } from '../../common/http/year.pipe';
import {
  CouncilVoteDto,
  CreateNominationDto,
  DecisionDto,
  TransitionNominationDto,
  UpdateNominationDto,
} from '../../nominations/dto/nomination.dto';
import { NominationWorkflowService } from '../../nominations/nomination-workflow.service';
import { NominationsService } from '../../nominations/nominations.service';
import { emptyForm, field, submitted, validateForm, type FormState } from '../core/forms';
import { holdsEverywhere } from '../core/access';
import { WebPageService, type WebRequest } from '../core/web-page.service';
import { NominationsPagesService, type NominationForms } from './nominations-pages.service';
import { acksFrom, placeError, warningsOf, type Warning } from './nominations-view';

const CRUMBS = [{ href: '/web/nominations', label: 'Đề nghị khen thưởng' }];

/** Nominations: the year's list, a bloc-year's list with suggestions and the creation form, one nomination. */
@ApiExcludeController()
@Controller('web')
export class WebNominationsController {
  constructor(
    private readonly pages: WebPageService,
    private readonly nominations: NominationsService,
    private readonly workflow: NominationWorkflowService,
    private readonly view: NominationsPagesService,
  ) {}

  @Get('nominations')
  @Permission('term.read')
  async list(@Req() req: WebRequest, @Res() res: Response, @Query('nam') year: unknown) {
    const model = await this.view.yearList(req.auth!, year);
    this.pages.send(req, res, 'nominations/list', `Đề nghị khen thưởng năm ${model.year}`, model);
  }

  @Get('blocs/:id/terms/:year/nominations')
  @Permission('term.read', { bloc: 'id' })
  async term(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', IdPipe) id: number,
    @Param('year', YearPipe) year: number,
    @Query('donVi') unitId: unknown,
    @Query('hinhThuc') tierId: unknown,
  ) {
    const prefill: Record<string, string> = {};
    if (typeof unitId === 'string' && /^\d+$/.test(unitId)) prefill.unitId = unitId;
    if (typeof tierId === 'string' && /^\d+$/.test(tierId)) prefill.tierId = tierId;
    await this.renderTerm(req, res, id, year, emptyForm(prefill), [], 200);
  }

  @Post('blocs/:id/terms/:year/nominations')
  @Permission('nominations.write', { bloc: 'id' })
  async create(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', IdPipe) id: number,
    @Param('year', YearPipe) year: number,
    @Body() body: unknown,
  ) {
    const values = submitted(body);
    await this.pages.act(req, res, {
      values,
      run: async () => {
        const acks = acksFrom(values);
        const dto = await validateForm(CreateNominationDto, {
          unitId: field.int(values.unitId),
          tierId: field.int(values.tierId),
          achievementSummary: field.text(values.achievementSummary),
          referenceDate: field.date(values.referenceDate),
          leaderExceptionBasis: field.text(values.leaderExceptionBasis),
          ...(acks.length ? { acknowledgements: acks } : {}),
        });
        return this.nominations.create(id, year, dto);
      },
      then: (n) => ({ to: `/web/nominations/${n.id}`, notice: 'created' }),
      place: (e) => placeError(e, values),
      again: (form, status, e) => this.renderTerm(req, res, id, year, form, warningsOf(e), status),
    });
  }

  @Get('nominations/:nid')
  @Permission('term.read', { nomination: 'nid' })
  async show(@Req() req: WebRequest, @Res() res: Response, @Param('nid', IdPipe) nid: number) {
    await this.renderNomination(req, res, nid, {}, [], 200);
  }

  @Post('nominations/:nid')
  @Permission('nominations.write', { nomination: 'nid' })
  async edit(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('nid', IdPipe) nid: number,
    @Body() body: unknown,
  ) {
    const values = submitted(body);
    await this.attempt(req, res, nid, 'edit', values, async () => {
      const acks = acksFrom(values);
      const dto = await validateForm(UpdateNominationDto, {
        version: field.int(values.version),
        tierId: field.int(values.tierId),
        achievementSummary: field.text(values.achievementSummary),
        referenceDate: field.date(values.referenceDate),
        ...(acks.length ? { acknowledgements: acks } : {}),
      });
      await this.nominations.update(nid, dto);
    });
  }

  @Post('nominations/:nid/acknowledgements')
  @Permission('nominations.write', { nomination: 'nid' })
  async acknowledge(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('nid', IdPipe) nid: number,
    @Body() body: unknown,
  ) {
    const values = submitted(body);
    await this.attempt(req, res, nid, 'ack', values, async () => {
      const acks = acksFrom(values);
      const dto = await validateForm(UpdateNominationDto, {
        version: field.int(values.version),
        ...(acks.length ? { acknowledgements: acks } : {}),
      });
      await this.nominations.update(nid, dto);
    });
  }

  @Post('nominations/:nid/transitions')
  @Permission('nominations.write', { nomination: 'nid' })
  async transition(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('nid', IdPipe) nid: number,
    @Body() body: unknown,
  ) {
    const values = submitted(body);
    const to = values.to ?? '';
    const reasonField = `reason_${to}`;
    await this.attempt(
      req,
      res,
      nid,
      'transition',
      values,
      async () => {
        const dto = await validateForm(TransitionNominationDto, {
          version: field.int(values.version),
          to,
          reason: field.text(values[reasonField]),
        });
        await this.workflow.transition(nid, dto);
      },
      reasonField,
    );
  }

  @Post('nominations/:nid/council-vote')
  @Permission('province.manage', { nomination: 'nid' })
  async councilVote(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('nid', IdPipe) nid: number,
    @Body() body: unknown,
  ) {
    const values = submitted(body);
    await this.attempt(req, res, nid, 'council', values, async () => {
      const dto = await validateForm(CouncilVoteDto, {
        version: field.int(values.version),
        members: field.int(values.members),
        present: field.int(values.present),
        valid: field.int(values.valid),
        agree: field.int(values.agree),
        councilDate: field.date(values.councilDate),
        note: field.text(values.note),
      });
      await this.workflow.councilVote(nid, dto);
    });
  }

  @Post('nominations/:nid/decision')
  @Permission('province.manage', { nomination: 'nid' })
  async decide(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('nid', IdPipe) nid: number,
    @Body() body: unknown,
  ) {
    const values = submitted(body);
    await this.attempt(req, res, nid, 'decision', values, async () => {
      const dto = await validateForm(DecisionDto, {
        version: field.int(values.version),
        decisionNumber: field.text(values.decisionNumber),
        decisionDate: field.date(values.decisionDate),
        decider: field.text(values.decider),
      });
      await this.workflow.decide(nid, dto);
    });
  }

  // ——— internals ———

  /** Runs one form's command (`WebPageService.act`): success → back to the page, failure → the page with that form's errors. */
  private async attempt(
    req: WebRequest,
    res: Response,
    nid: number,
    which: keyof NominationForms,
    values: Record<string, string>,
    work: () => Promise<void>,
    reasonField?: string,
  ): Promise<void> {
    await this.pages.act(req, res, {
      values,
      run: work,
      then: () => ({ to: `/web/nominations/${nid}`, notice: 'saved' }),
      place: (e) => placeError(e, values, { reasonField }),
      again: (form, status, e) =>
        this.renderNomination(req, res, nid, { [which]: form }, warningsOf(e), status),
    });
  }

  private async renderTerm(
    req: WebRequest,
    res: Response,
    id: number,
    year: number,
    form: FormState,
    warnings: Warning[],
    status: number,
  ): Promise<void> {
    const model = await this.view.term(req.auth!, id, year, form, warnings);
    this.pages.send(
      req,
      res,
      'nominations/term',
      `Đề nghị khen thưởng: ${model.blocName}, năm ${year}`,
      model,
      { status, breadcrumbs: this.crumbs(req, year) },
    );
  }

  private async renderNomination(
    req: WebRequest,
    res: Response,
    nid: number,
    forms: Partial<NominationForms>,
    warnings: Warning[],
    status: number,
  ): Promise<void> {
    const model = await this.view.nomination(req.auth!, nid, forms, warnings);
    const n = model.n;
    this.pages.send(
      req,
      res,
      'nominations/show',
      `Hồ sơ đề nghị: ${n.unit.fullName} (${n.tierName})`,
      model,
      {
        status,
        breadcrumbs: [
          ...this.crumbs(req, n.year),
          {
            href: `/web/blocs/${n.blocId}/terms/${n.year}/nominations`,
            label: `${n.blocName}, năm ${n.year}`,
          },
        ],
      },
    );
  }

  /** The province-wide list of the year, for the roles that may open it. */
  private crumbs(req: WebRequest, year: number) {
    return holdsEverywhere(req.auth!, 'term.read')
      ? [{ href: `/web/nominations?nam=${year}`, label: CRUMBS[0]!.label }]
      : [];
  }
}
