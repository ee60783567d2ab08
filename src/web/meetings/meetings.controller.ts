import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Permission } from '../../common/http/permission.decorator';
import { AppError } from '../../common/errors/app-error';
import { IdPipe } from '../../common/http/id-param.pipe';
import { YearPipe } from '../../common/http/year.pipe';
import { BallotsService } from '../../meetings/ballots.service';
import {
  AttendanceDto,
  ChairDecisionDto,
  CorrectEntryDto,
  CorrectionDto,
  CreateBallotDto,
  CreateMeetingDto,
  EntryDto,
  FinalizeDto,
  UpdateMeetingDto,
  VersionDto,
} from '../../meetings/dto/meeting.dto';
import { MeetingErrors } from '../../meetings/meeting.errors';
import { MeetingsService } from '../../meetings/meetings.service';
import { CorrectionRequestsService } from '../../meetings/correction-requests.service';
import { CorrectionDecisionDto } from '../../meetings/dto/correction-request.dto';
import { formatDate } from '../core/format';
import { emptyForm, field, submitted, ticked, validateForm, type FormState } from '../core/forms';
import { NOTICES, WebPageService, type WebRequest } from '../core/web-page.service';
import {
  attendanceFieldName,
  attendancePlain,
  countFieldName,
  entryPlain,
  meetingFieldName,
  meetingPlain,
  renameErrors,
  warningsOf,
} from './meeting-forms';
import { MeetingsPagesService } from './meetings-pages.service';
import { finalizedNotice, officerDecisionOf } from './officer-form';

/** Which form of the console a failed submission belongs to (its errors show there only). */
type ConsoleForm =
  'facts' | 'attendance' | 'open' | 'ballot' | 'finalize' | 'correction' | 'approval' | 'top';

const meetingUrl = (mid: number) => `/web/meetings/${mid}`;
const ballotUrl = (mid: number, bid: number) => `/web/meetings/${mid}/ballots/${bid}`;

/**
 * The secretary's meeting console: the bloc-year's meetings, the meeting's facts, attendance and
 * quorum, ballots, the double-entered counts with their comparison, results, ties, finalisation.
 * Same services and permission actions as src/meetings/meetings.controller.ts.
 */
@ApiExcludeController()
@Controller('web')
export class WebMeetingsController {
  constructor(
    private readonly pages: WebPageService,
    private readonly models: MeetingsPagesService,
    private readonly meetings: MeetingsService,
    private readonly ballots: BallotsService,
    private readonly corrections: CorrectionRequestsService,
  ) {}

  // ——— list and creation ———

  @Get('blocs/:id/terms/:year/meetings')
  @Permission('term.read', { bloc: 'id' })
  async list(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', IdPipe) id: number,
    @Param('year', YearPipe) year: number,
  ) {
    await this.renderList(req, res, id, year, emptyForm(), 200);
  }

  @Post('blocs/:id/terms/:year/meetings')
  @Permission('meetings.write', { bloc: 'id' })
  async create(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', IdPipe) id: number,
    @Param('year', YearPipe) year: number,
    @Body() body: unknown,
  ) {
    const values = submitted(body);
    try {
      const dto = await validateForm(CreateMeetingDto, meetingPlain(values, true));
      const m = await this.meetings.create(id, year, dto);
      this.pages.redirect(res, meetingUrl(m.id), 'created');
    } catch (e) {
      await this.pages.sendFormError(req, res, e, values, (form, status) =>
        this.renderList(
          req,
          res,
          id,
          year,
          renameErrors(form, (p) => meetingFieldName(p, values)),
          status,
        ),
      );
    }
  }

  private async renderList(
    req: WebRequest,
    res: Response,
    id: number,
    year: number,
    form: FormState,
    status: number,
  ) {
    const model = await this.models.list(req.auth!, id, year);
    this.pages.send(
      req,
      res,
      'meetings/list',
      `Hội nghị bình xét năm ${year}`,
      { ...model, form },
      { status, breadcrumbs: [{ href: '/web', label: 'Tổng quan năm' }] },
    );
  }

  // ——— the console ———

  @Get('meetings/:mid')
  @Permission('term.read', { meeting: 'mid' })
  async console(@Req() req: WebRequest, @Res() res: Response, @Param('mid', IdPipe) mid: number) {
    await this.renderConsole(req, res, mid, null, emptyForm(), 200);
  }

  @Post('meetings/:mid')
  @Permission('meetings.write', { meeting: 'mid' })
  async update(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('mid', IdPipe) mid: number,
    @Body() body: unknown,
  ) {
    const values = submitted(body);
    await this.act(
      req,
      res,
      mid,
      'facts',
      values,
      (p) => meetingFieldName(p, values),
      async () => {
        const dto = await validateForm(UpdateMeetingDto, {
          ...meetingPlain(values, false),
          version: field.int(values.version),
        });
        await this.meetings.update(mid, dto);
        return 'saved';
      },
    );
  }

  @Post('meetings/:mid/attendance')
  @Permission('meetings.write', { meeting: 'mid' })
  async attendance(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('mid', IdPipe) mid: number,
    @Body() body: unknown,
  ) {
    const values = submitted(body);
    const model = await this.models.console(req.auth!, mid);
    await this.act(
      req,
      res,
      mid,
      'attendance',
      values,
      (p) => attendanceFieldName(p, model.rows),
      async () => {
        const dto = await validateForm(AttendanceDto, attendancePlain(values, model.rows));
        await this.meetings.setAttendance(mid, dto);
        return 'saved';
      },
      '#diem-danh',
    );
  }

  @Post('meetings/:mid/open')
  @Permission('meetings.write', { meeting: 'mid' })
  async open(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('mid', IdPipe) mid: number,
    @Body() body: unknown,
  ) {
    const values = submitted(body);
    // The button sits in the attendance form: the roll as it shows on screen is saved first, so
    // that opening never throws away what was ticked and not yet saved.
    const withRoll = Object.keys(values).some((k) => k.startsWith('present.'));
    const model = withRoll ? await this.models.console(req.auth!, mid) : null;
    await this.act(
      req,
      res,
      mid,
      withRoll ? 'attendance' : 'open',
      values,
      (p) => (model ? attendanceFieldName(p, model.rows) : p),
      async () => {
        let version: number;
        if (model) {
          const roll = await validateForm(AttendanceDto, attendancePlain(values, model.rows));
          version = (await this.meetings.setAttendance(mid, roll)).version;
        } else {
          version = (await validateForm(VersionDto, { version: field.int(values.version) }))
            .version;
        }
        await this.meetings.open(mid, version);
        return 'meetingOpened';
      },
      '#phieu-bau',
    );
  }

  @Post('meetings/:mid/ballots')
  @Permission('meetings.write', { meeting: 'mid' })
  async createBallot(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('mid', IdPipe) mid: number,
    @Body() body: unknown,
  ) {
    const values = submitted(body);
    await this.act(
      req,
      res,
      mid,
      'ballot',
      values,
      (p) => p,
      async () => {
        const dto = await validateForm(CreateBallotDto, {
          tierId: field.int(values.tierId) ?? '',
          seats: field.int(values.seats) ?? '',
          method: values.method ?? '',
          ...(values.mode ? { mode: values.mode } : {}),
        });
        await this.ballots.create(mid, dto);
        return 'created';
      },
      '#phieu-bau',
    );
  }

  @Post('meetings/:mid/ballots/:bid/open')
  @Permission('meetings.write', { meeting: 'mid', ballot: 'bid' })
  async openBallot(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('mid', IdPipe) mid: number,
    @Param('bid', IdPipe) bid: number,
    @Body() body: unknown,
  ) {
    const values = submitted(body);
    await this.act(
      req,
      res,
      mid,
      'ballot',
      values,
      (p) => p,
      async () => {
        await this.requireBallot(mid, bid);
        const dto = await validateForm(VersionDto, { version: field.int(values.version) });
        await this.ballots.open(bid, dto.version);
        return 'ballotOpened';
      },
      '#phieu-bau',
    );
  }

  @Post('meetings/:mid/open-ballots')
  @Permission('meetings.write', { meeting: 'mid' })
  async openAllBallots(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('mid', IdPipe) mid: number,
    @Body() body: unknown,
  ) {
    const values = submitted(body);
    await this.act(
      req,
      res,
      mid,
      'ballot',
      values,
      (p) => p,
      async () => {
        // The versions the page showed (`version.<ballot id>`): a ballot changed since is refused.
        const versions = new Map<number, number>();
        for (const [k, v] of Object.entries(values)) {
          const id = /^version\.(\d+)$/.exec(k)?.[1];
          const n = field.int(v);
          if (id && typeof n === 'number') versions.set(Number(id), n);
        }
        await this.ballots.openAll(mid, versions);
        return 'ballotsOpened';
      },
      '#phieu-bau',
    );
  }

  @Post('meetings/:mid/finalize')
  @Permission('meetings.write', { meeting: 'mid' })
  async finalize(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('mid', IdPipe) mid: number,
    @Body() body: unknown,
  ) {
    const values = submitted(body);
    await this.act(
      req,
      res,
      mid,
      'finalize',
      values,
      (p) => p,
      async () => {
        const plain: Record<string, unknown> = { version: field.int(values.version) };
        for (const key of ['nextHead', 'nextDeputy'] as const) {
          const decision = officerDecisionOf(values, key);
          if (decision) plain[key] = decision;
        }
        const end = field.time(values.endTime);
        if (end !== undefined) plain.endTime = end;
        const done = await this.meetings.finalize(mid, await validateForm(FinalizeDto, plain));
        return finalizedNotice(done);
      },
    );
  }

  @Post('meetings/:mid/corrections')
  @Permission('meetings.correct', { meeting: 'mid' })
  async correct(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('mid', IdPipe) mid: number,
    @Body() body: unknown,
  ) {
    const values = submitted(body);
    await this.act(
      req,
      res,
      mid,
      'correction',
      values,
      (p) => p,
      async () => {
        const dto = await validateForm(CorrectionDto, {
          version: field.int(values.version),
          reason: field.text(values.reason) ?? '',
        });
        const view = await this.meetings.correct(mid, dto);
        return view.pendingCorrection ? 'correctionRequested' : 'corrected';
      },
    );
  }

  /** The administrator's step: approve (the correction version opens) … */
  @Post('meetings/:mid/correction-requests/:rid/approve')
  @Permission('meetings.correct.approve', { meeting: 'mid' })
  approveCorrection(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('mid', IdPipe) mid: number,
    @Param('rid', IdPipe) rid: number,
    @Body() body: unknown,
  ) {
    return this.decideCorrection(req, res, mid, rid, body, 'APPROVED');
  }

  /** … or reject with a reason (the finalized meeting stays as it was). */
  @Post('meetings/:mid/correction-requests/:rid/reject')
  @Permission('meetings.correct.approve', { meeting: 'mid' })
  rejectCorrection(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('mid', IdPipe) mid: number,
    @Param('rid', IdPipe) rid: number,
    @Body() body: unknown,
  ) {
    return this.decideCorrection(req, res, mid, rid, body, 'REJECTED');
  }

  private async decideCorrection(
    req: WebRequest,
    res: Response,
    mid: number,
    rid: number,
    body: unknown,
    to: 'APPROVED' | 'REJECTED',
  ) {
    const values = submitted(body);
    try {
      const note = field.text(values.note);
      const dto = await validateForm(CorrectionDecisionDto, {
        version: field.int(values.version),
        ...(note !== undefined ? { note } : {}),
      });
      const view =
        to === 'APPROVED'
          ? await this.corrections.approve(mid, rid, dto)
          : await this.corrections.reject(mid, rid, dto);
      this.pages.redirect(
        res,
        meetingUrl(view.id),
        to === 'APPROVED' ? 'correctionApproved' : 'correctionRejected',
      );
    } catch (e) {
      await this.pages.sendFormError(req, res, e, values, (form, status) =>
        this.renderConsole(req, res, mid, 'approval', form, status),
      );
    }
  }

  /**
   * Runs one console action: on success 303 back to the console (or the new version after a
   * correction); on a refusal the console again with the typed values and the messages next to
   * the fields of the form concerned.
   */
  private async act(
    req: WebRequest,
    res: Response,
    mid: number,
    which: ConsoleForm,
    values: Record<string, string>,
    rename: (path: string) => string,
    run: () => Promise<keyof typeof NOTICES>,
    anchor = '',
  ): Promise<void> {
    try {
      const notice = await run();
      const target = which === 'correction' ? await this.latestVersion(mid) : mid;
      // redirect() puts the notice in the query, before the fragment that brings the section into view.
      this.pages.redirect(res, `${meetingUrl(target)}${anchor}`, notice);
    } catch (e) {
      await this.pages.sendFormError(req, res, e, values, (form, status) =>
        this.renderConsole(req, res, mid, which, renameErrors(form, rename), status),
      );
    }
  }

  /** After a correction the new version is the live meeting of the term. */
  private async latestVersion(mid: number): Promise<number> {
    const m = await this.meetings.get(mid);
    const all = await this.meetings.list(m.blocId, m.year);
    const next = all.find((x) => x.supersedesId === mid);
    return next?.id ?? mid;
  }

  private async renderConsole(
    req: WebRequest,
    res: Response,
    mid: number,
    which: ConsoleForm | null,
    form: FormState,
    status: number,
  ) {
    const model = await this.models.console(req.auth!, mid);
    const m = model.meeting;
    const forms: Record<ConsoleForm, FormState> = {
      facts: emptyForm(),
      attendance: emptyForm(),
      open: emptyForm(),
      ballot: emptyForm(),
      finalize: emptyForm(),
      correction: emptyForm(),
      approval: emptyForm(),
      top: emptyForm(),
    };
    // A refusal of a form the page no longer shows (the meeting moved on meanwhile, e.g. it was
    // finalized in another tab) is shown at the top of the page.
    const shown: Record<ConsoleForm, boolean> = {
      facts: model.canEditFacts,
      attendance: model.canEditAttendance,
      open: model.canOpen,
      ballot: true,
      finalize: model.canFinalize,
      correction: model.canCorrect,
      approval: model.canDecideCorrection,
      top: true,
    };
    if (which) forms[shown[which] ? which : 'top'] = form;
    // After a refused attendance submission the boxes show what was sent (an unticked box sends
    // nothing), else what is stored. `version` is always sent by the attendance form.
    const sent = 'version' in forms.attendance.values ? forms.attendance.values : null;
    const rows = model.rows.map((r) => ({
      ...r,
      writtenChecked: sent ? field.bool(sent[`written.${r.id}`]) : r.written,
    }));
    this.pages.send(
      req,
      res,
      'meetings/console',
      `Hội nghị bình xét ngày ${formatDate(m.meetingDate)}`,
      { ...model, rows, forms },
      {
        status,
        breadcrumbs: [
          { href: '/web', label: 'Tổng quan năm' },
          {
            href: `/web/blocs/${m.blocId}/terms/${m.year}/meetings`,
            label: `${m.blocName}, năm ${m.year}`,
          },
        ],
      },
    );
  }

  // ——— one ballot: counts, comparison, results, ties ———

  @Get('meetings/:mid/ballots/:bid')
  @Permission('term.read', { meeting: 'mid', ballot: 'bid' })
  async ballot(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('mid', IdPipe) mid: number,
    @Param('bid', IdPipe) bid: number,
  ) {
    await this.renderBallot(req, res, mid, bid, emptyForm(), 200);
  }

  @Post('meetings/:mid/ballots/:bid/entries')
  @Permission('meetings.write', { meeting: 'mid', ballot: 'bid' })
  async entry(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('mid', IdPipe) mid: number,
    @Param('bid', IdPipe) bid: number,
    @Body() body: unknown,
  ) {
    await this.countAction(req, res, mid, bid, body, null);
  }

  @Post('meetings/:mid/ballots/:bid/entries/:no')
  @Permission('meetings.write', { meeting: 'mid', ballot: 'bid' })
  async correctEntry(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('mid', IdPipe) mid: number,
    @Param('bid', IdPipe) bid: number,
    @Param('no', IdPipe) no: number,
    @Body() body: unknown,
  ) {
    await this.countAction(req, res, mid, bid, body, no);
  }

  private async countAction(
    req: WebRequest,
    res: Response,
    mid: number,
    bid: number,
    body: unknown,
    entryNo: number | null,
  ) {
    const values = submitted(body);
    const nominees = (await this.requireBallot(mid, bid)).nominees;
    try {
      const plain = entryPlain(values, nominees, entryNo !== null);
      if (entryNo === null)
        await this.ballots.submitEntry(bid, await validateForm(EntryDto, plain));
      else
        await this.ballots.correctEntry(bid, entryNo, await validateForm(CorrectEntryDto, plain));
      this.pages.redirect(res, ballotUrl(mid, bid), 'entered');
    } catch (e) {
      const warnings =
        e instanceof AppError && e.code === 'WARNING_NOT_ACKNOWLEDGED' ? warningsOf(e.details) : [];
      await this.pages.sendFormError(req, res, e, values, (form, status) =>
        this.renderBallot(
          req,
          res,
          mid,
          bid,
          renameErrors(form, (p) => countFieldName(p, nominees)),
          status,
          warnings,
        ),
      );
    }
  }

  @Post('meetings/:mid/ballots/:bid/chair-decision')
  @Permission('meetings.write', { meeting: 'mid', ballot: 'bid' })
  async chairDecision(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('mid', IdPipe) mid: number,
    @Param('bid', IdPipe) bid: number,
    @Body() body: unknown,
  ) {
    const values = submitted(body);
    try {
      await this.requireBallot(mid, bid);
      const chosen = (values.chosenUnitIds ?? '')
        .split(',')
        .filter(Boolean)
        .map((v) => field.int(v));
      const plain: Record<string, unknown> = { chosenUnitIds: chosen };
      const note = field.text(values.note);
      if (note) plain.note = note;
      await this.ballots.chairDecision(bid, await validateForm(ChairDecisionDto, plain));
      this.pages.redirect(res, ballotUrl(mid, bid), 'saved');
    } catch (e) {
      await this.pages.sendFormError(req, res, e, values, (form, status) =>
        this.renderBallot(
          req,
          res,
          mid,
          bid,
          // `chosenUnitIds.0` (one choice not a number) → the group's message.
          renameErrors(form, (p) => (p.startsWith('chosenUnitIds') ? 'chosenUnitIds' : p)),
          status,
        ),
      );
    }
  }

  @Post('meetings/:mid/ballots/:bid/revote')
  @Permission('meetings.write', { meeting: 'mid', ballot: 'bid' })
  async revote(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('mid', IdPipe) mid: number,
    @Param('bid', IdPipe) bid: number,
    @Body() body: unknown,
  ) {
    const values = submitted(body);
    try {
      await this.requireBallot(mid, bid);
      const m = await this.ballots.revote(bid);
      const round = m.ballots.filter((b) => b.status === 'OPEN').at(-1);
      this.pages.redirect(res, round ? ballotUrl(mid, round.id) : meetingUrl(mid), 'created');
    } catch (e) {
      await this.pages.sendFormError(req, res, e, values, (form, status) =>
        this.renderBallot(req, res, mid, bid, form, status),
      );
    }
  }

  /** The ballot must belong to the meeting of the path (else 404, as for an unknown ballot). */
  private async requireBallot(mid: number, bid: number) {
    const m = await this.meetings.get(mid);
    const b = m.ballots.find((x) => x.id === bid);
    if (!b) throw new AppError(MeetingErrors.BALLOT_NOT_FOUND);
    return b;
  }

  private async renderBallot(
    req: WebRequest,
    res: Response,
    mid: number,
    bid: number,
    form: FormState,
    status: number,
    warnings: { code: string; message: string }[] = [],
  ) {
    const model = await this.models.ballot(req.auth!, mid, bid);
    const m = model.meeting;
    // Warnings asked for now, and those acknowledged in the submission being shown again.
    const asked = new Map(warnings.map((w) => [w.code, w.message]));
    for (const k of Object.keys(form.values))
      if (k.startsWith('ack.') && !asked.has(k.slice(4))) asked.set(k.slice(4), '');
    // The chair's choices as submitted after a refusal (the form always sends `note`).
    const chosen = ticked(form, 'chosenUnitIds', 'note');
    const tie = model.results?.tie;
    const results = model.results && {
      ...model.results,
      tie: tie && {
        ...tie,
        candidates: tie.candidates.map((c) => ({
          ...c,
          checked: chosen?.has(String(c.value)) ?? false,
        })),
      },
    };
    this.pages.send(
      req,
      res,
      'meetings/ballot',
      `Phiếu bầu: ${model.ballot.tierName}${model.ballot.roundNo > 1 ? ` (vòng ${model.ballot.roundNo})` : ''}`,
      {
        ...model,
        results,
        form,
        showsForm:
          model.mode === 'enter' ||
          model.mode === 'correct' ||
          Boolean(model.canWrite && model.results?.tie?.pending),
        warnings: [...asked].map(([code, message]) => ({ code, message, name: `ack.${code}` })),
      },
      {
        status,
        breadcrumbs: [
          { href: '/web', label: 'Tổng quan năm' },
          {
            href: `/web/blocs/${m.blocId}/terms/${m.year}/meetings`,
            label: `${m.blocName}, năm ${m.year}`,
          },
          {
            href: meetingUrl(mid),
            label: `Hội nghị ngày ${formatDate(m.meetingDate)}`,
          },
        ],
      },
    );
  }
}
