import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { IdPipe } from '../../common/http/id-param.pipe';
import { Permission } from '../../common/http/permission.decorator';
import { BallotsService } from '../../meetings/ballots.service';
import { ChairDecisionDto, CorrectEntryDto, EntryDto } from '../../meetings/dto/meeting.dto';
import { emptyForm, submitted, validateForm, type FormState } from '../core/forms';
import { WebPageService, type WebRequest } from '../core/web-page.service';
import {
  chairDecisionPlain,
  countFieldName,
  entryPlain,
  renameErrors,
  warningsOf,
} from './meeting-forms';
import { ballotPage, ballotUrl, meetingUrl } from './meeting-page-models';
import { MeetingsPagesService } from './meetings-pages.service';

/**
 * One ballot of a meeting: the double-entered counts with their comparison, results, ties (the
 * chair's decision or a revote). Same services and permission actions as the API's ballots.
 */
@ApiExcludeController()
@Controller('web')
export class WebBallotsController {
  constructor(
    private readonly pages: WebPageService,
    private readonly models: MeetingsPagesService,
    private readonly ballots: BallotsService,
  ) {}

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
    const nominees = (await this.models.ballotOf(mid, bid)).nominees;
    await this.pages.act(req, res, {
      values,
      run: async () => {
        const plain = entryPlain(values, nominees, entryNo !== null);
        return entryNo === null
          ? this.ballots.submitEntry(bid, await validateForm(EntryDto, plain))
          : this.ballots.correctEntry(bid, entryNo, await validateForm(CorrectEntryDto, plain));
      },
      then: () => ({ to: ballotUrl(mid, bid), notice: 'entered' }),
      again: (form, status, e) =>
        this.renderBallot(
          req,
          res,
          mid,
          bid,
          renameErrors(form, (p) => countFieldName(p, nominees)),
          status,
          e.code === 'WARNING_NOT_ACKNOWLEDGED' ? warningsOf(e.details) : [],
        ),
    });
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
    await this.pages.act(req, res, {
      values,
      run: async () => {
        await this.models.ballotOf(mid, bid);
        return this.ballots.chairDecision(
          bid,
          await validateForm(ChairDecisionDto, chairDecisionPlain(values)),
        );
      },
      then: () => ({ to: ballotUrl(mid, bid), notice: 'saved' }),
      again: (form, status) =>
        this.renderBallot(
          req,
          res,
          mid,
          bid,
          // `chosenUnitIds.0` (one choice not a number) → the group's message.
          renameErrors(form, (p) => (p.startsWith('chosenUnitIds') ? 'chosenUnitIds' : p)),
          status,
        ),
    });
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
    await this.pages.act(req, res, {
      values: submitted(body),
      run: async () => {
        await this.models.ballotOf(mid, bid);
        return this.ballots.revote(bid);
      },
      then: (m) => {
        const round = m.ballots.filter((b) => b.status === 'OPEN').at(-1);
        return { to: round ? ballotUrl(mid, round.id) : meetingUrl(mid), notice: 'created' };
      },
      again: (form, status) => this.renderBallot(req, res, mid, bid, form, status),
    });
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
    const page = ballotPage(await this.models.ballot(req.auth!, mid, bid), form, warnings);
    this.pages.send(req, res, 'meetings/ballot', page.title, page.model, {
      status,
      breadcrumbs: page.breadcrumbs,
    });
  }
}
