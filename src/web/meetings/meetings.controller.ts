import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Permission } from '../../common/http/permission.decorator';
import { IdPipe } from '../../common/http/id-param.pipe';
import { YearPipe } from '../../common/http/year.pipe';
import { BallotsService } from '../../meetings/ballots.service';
import {
  AttendanceDto,
  CreateBallotDto,
  CreateMeetingDto,
  FinalizeDto,
  UpdateMeetingDto,
  VersionDto,
} from '../../meetings/dto/meeting.dto';
import { MeetingsService } from '../../meetings/meetings.service';
import { emptyForm, field, submitted, validateForm, type FormState } from '../core/forms';
import { WebPageService, type WebRequest } from '../core/web-page.service';
import {
  attendanceFieldName,
  attendancePlain,
  meetingFieldName,
  meetingPlain,
  renameErrors,
} from './meeting-forms';
import { meetingUrl } from './meeting-page-models';
import { MeetingsPagesService } from './meetings-pages.service';
import { ConsolePageService } from './console-page.service';
import { finalizedNotice, officerDecisionOf } from './officer-form';

/**
 * The secretary's meeting console: the bloc-year's meetings, the meeting's facts, attendance and
 * quorum, ballots, finalisation (one ballot's page: ballots.controller.ts; corrections:
 * corrections.controller.ts).
 * Same services and permission actions as src/meetings/meetings.controller.ts.
 */
@ApiExcludeController()
@Controller('web')
export class WebMeetingsController {
  constructor(
    private readonly pages: WebPageService,
    private readonly models: MeetingsPagesService,
    private readonly consolePage: ConsolePageService,
    private readonly meetings: MeetingsService,
    private readonly ballots: BallotsService,
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
    await this.pages.act(req, res, {
      values,
      run: async () =>
        this.meetings.create(
          id,
          year,
          await validateForm(CreateMeetingDto, meetingPlain(values, true)),
        ),
      then: (m) => ({ to: meetingUrl(m.id), notice: 'created' }),
      again: (form, status) =>
        this.renderList(
          req,
          res,
          id,
          year,
          renameErrors(form, (p) => meetingFieldName(p, values)),
          status,
        ),
    });
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
    await this.consolePage.send(req, res, mid, null, emptyForm(), 200);
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
    await this.consolePage.act(req, res, mid, {
      which: 'facts',
      values,
      rename: (p) => meetingFieldName(p, values),
      run: async () => {
        const dto = await validateForm(UpdateMeetingDto, {
          ...meetingPlain(values, false),
          version: field.int(values.version),
        });
        await this.meetings.update(mid, dto);
        return 'saved';
      },
    });
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
    await this.consolePage.act(req, res, mid, {
      which: 'attendance',
      values,
      rename: (p) => attendanceFieldName(p, model.rows),
      run: async () => {
        const dto = await validateForm(AttendanceDto, attendancePlain(values, model.rows));
        await this.meetings.setAttendance(mid, dto);
        return 'saved';
      },
      anchor: '#diem-danh',
    });
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
    await this.consolePage.act(req, res, mid, {
      which: withRoll ? 'attendance' : 'open',
      values,
      rename: (p) => (model ? attendanceFieldName(p, model.rows) : p),
      run: async () => {
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
      anchor: '#phieu-bau',
    });
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
    await this.consolePage.act(req, res, mid, {
      which: 'ballot',
      values,
      run: async () => {
        const dto = await validateForm(CreateBallotDto, {
          tierId: field.int(values.tierId) ?? '',
          seats: field.int(values.seats) ?? '',
          method: values.method ?? '',
          ...(values.mode ? { mode: values.mode } : {}),
        });
        await this.ballots.create(mid, dto);
        return 'created';
      },
      anchor: '#phieu-bau',
    });
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
    await this.consolePage.act(req, res, mid, {
      which: 'ballot',
      values,
      run: async () => {
        await this.models.ballotOf(mid, bid);
        const dto = await validateForm(VersionDto, { version: field.int(values.version) });
        await this.ballots.open(bid, dto.version);
        return 'ballotOpened';
      },
      anchor: '#phieu-bau',
    });
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
    await this.consolePage.act(req, res, mid, {
      which: 'ballot',
      values,
      run: async () => {
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
      anchor: '#phieu-bau',
    });
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
    await this.consolePage.act(req, res, mid, {
      which: 'finalize',
      values,
      run: async () => {
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
    });
  }
}
