import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AppError } from '../../common/errors/app-error';
import { IdPipe } from '../../common/http/id-param.pipe';
import { Public } from '../../common/http/permission.decorator';
import { CHOICE_LABELS, checkChoices, type Choice } from '../../domain/voting/electronic';
import {
  ElectronicBallotsService,
  type BallotInfo,
} from '../../meetings/electronic/electronic-ballots.service';
import { statusOfError, submitted } from '../core/forms';
import { WebPageService, type WebRequest } from '../core/web-page.service';
import { ElectronicPagesService } from './electronic-pages.service';
import { address, ballotRows, choicesOf, votingPath } from './electronic-view';

/**
 * Issue 18 in the room, the delegate's phone. Public (no sign-in; useful only with a valid code):
 * code, ballot, confirmation, receipt, and the receipt board after the close.
 */
@ApiExcludeController()
@Controller('web')
export class WebElectronicVoterController {
  constructor(
    private readonly pages: WebPageService,
    private readonly models: ElectronicPagesService,
    private readonly electronic: ElectronicBallotsService,
  ) {}

  @Public()
  @Get('bp/:bid')
  async codePage(@Req() req: WebRequest, @Res() res: Response, @Param('bid', IdPipe) bid: number) {
    const info = await this.models.voterInfo(bid);
    this.sendVoter(req, res, 'meetings/electronic-code', info, { error: null }, 200);
  }

  @Public()
  @Post('bp/:bid')
  async ballotPage(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('bid', IdPipe) bid: number,
    @Body() body: unknown,
  ) {
    const values = submitted(body);
    const info = await this.models.voterInfo(bid);
    try {
      const code = (values.code ?? '').slice(0, 40);
      await this.electronic.checkCode({ ballotId: bid, address: address(req), typed: code });
      this.sendBallot(req, res, info, code, [], null, 200);
    } catch (e) {
      this.sendCodeError(req, res, info, e);
    }
  }

  @Public()
  @Post('bp/:bid/xac-nhan')
  async confirmPage(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('bid', IdPipe) bid: number,
    @Body() body: unknown,
  ) {
    const values = submitted(body);
    const info = await this.models.voterInfo(bid);
    const code = (values.code ?? '').slice(0, 40);
    const marks = choicesOf(values, info.nominees.length);
    const checked = checkChoices(info.nominees.length, info.seats, marks);
    if (!checked.ok)
      return this.sendBallot(req, res, info, code, marks, checked.error.message, 422);
    this.sendVoter(
      req,
      res,
      'meetings/electronic-confirm',
      info,
      {
        code,
        lines: info.nominees.map((name, i) => ({
          index: i,
          name,
          value: checked.value[i],
          label: CHOICE_LABELS[checked.value[i]!],
        })),
        approvals: checked.value.filter((c) => c === 'AGREE').length,
      },
      200,
    );
  }

  @Public()
  @Post('bp/:bid/bo-phieu')
  async castPage(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('bid', IdPipe) bid: number,
    @Body() body: unknown,
  ) {
    const values = submitted(body);
    const info = await this.models.voterInfo(bid);
    const code = (values.code ?? '').slice(0, 40);
    const marks = choicesOf(values, info.nominees.length);
    if (values.sua === '1') return this.sendBallot(req, res, info, code, marks, null, 200);
    try {
      const r = await this.electronic.cast(
        { ballotId: bid, address: address(req), typed: code },
        marks.map((m) => m ?? 'NO_OPINION'),
      );
      this.sendVoter(
        req,
        res,
        'meetings/electronic-receipt',
        info,
        {
          receipt: r.receipt,
          lines: info.nominees.map((name, i) => ({ name, label: CHOICE_LABELS[r.choices[i]!] })),
        },
        201,
      );
    } catch (e) {
      if (e instanceof AppError && e.code === 'VOTING_CHOICE_INVALID')
        return this.sendBallot(req, res, info, code, marks, e.message, 422);
      this.sendCodeError(req, res, info, e);
    }
  }

  @Public()
  @Get('bp/:bid/bien-nhan')
  async boardPage(@Req() req: WebRequest, @Res() res: Response, @Param('bid', IdPipe) bid: number) {
    const info = await this.models.voterInfo(bid);
    const board = await this.electronic.board(bid);
    this.sendVoter(
      req,
      res,
      'meetings/electronic-board',
      info,
      {
        rows: board.map((b) => ({
          receipt: b.receipt,
          choices: b.choices.map((c) => CHOICE_LABELS[c]),
        })),
        count: board.length,
      },
      200,
    );
  }

  @Public()
  @Get('huong-dan/bo-phieu-dien-tu')
  help(@Req() req: WebRequest, @Res() res: Response) {
    this.pages.send(req, res, 'meetings/electronic-help', 'Hướng dẫn bỏ phiếu kín điện tử', {});
  }

  private sendVoter(
    req: WebRequest,
    res: Response,
    page: string,
    info: BallotInfo,
    model: object,
    status: number,
  ): void {
    this.pages.send(
      req,
      res,
      page,
      info.title,
      {
        ...model,
        info,
        votingPath: votingPath(info.ballotId),
        voting: info.status.phase === 'VOTING',
        published: info.status.phase === 'CLOSED' || info.status.phase === 'CONFIRMED',
      },
      { status },
    );
  }

  private sendBallot(
    req: WebRequest,
    res: Response,
    info: BallotInfo,
    code: string,
    marks: readonly (Choice | null)[],
    error: string | null,
    status: number,
  ): void {
    this.sendVoter(
      req,
      res,
      'meetings/electronic-ballot',
      info,
      { code, rows: ballotRows(info, marks), error },
      status,
    );
  }

  private sendCodeError(req: WebRequest, res: Response, info: BallotInfo, e: unknown): void {
    if (!(e instanceof AppError)) throw e;
    const wait = (e.extra as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    if (wait) res.setHeader('Retry-After', String(wait));
    this.sendVoter(
      req,
      res,
      'meetings/electronic-code',
      info,
      { error: e.message },
      statusOfError(e),
    );
  }
}
