import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AppError } from '../../common/errors/app-error';
import { IdPipe } from '../../common/http/id-param.pipe';
import { Permission } from '../../common/http/permission.decorator';
import { ElectronicBallotsService } from '../../meetings/electronic/electronic-ballots.service';
import { renderSlips } from '../../meetings/electronic/slips-pdf';
import { MeetingErrors } from '../../meetings/meeting.errors';
import { submitted } from '../core/forms';
import { WebPageService, type WebRequest } from '../core/web-page.service';
import { ElectronicPagesService } from './electronic-pages.service';
import { consoleUrl, origin, ROOM_ADDRESS, votingPath } from './electronic-view';

/**
 * Issue 18 in the room, for the secretary: the electronic console (slips, lost slip, close, the
 * committee's confirmation) and the projector (the delegate's pages: electronic-voter.controller.ts).
 */
@ApiExcludeController()
@Controller('web')
export class WebElectronicController {
  constructor(
    private readonly pages: WebPageService,
    private readonly models: ElectronicPagesService,
    private readonly electronic: ElectronicBallotsService,
  ) {}

  @Get('meetings/:mid/ballots/:bid/dien-tu')
  @Permission('meetings.write', { meeting: 'mid', ballot: 'bid' })
  async console(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('mid', IdPipe) mid: number,
    @Param('bid', IdPipe) bid: number,
  ) {
    await this.sendConsole(req, res, mid, bid, null, 200);
  }

  @Get('meetings/:mid/ballots/:bid/may-chieu')
  @Permission('term.read', { meeting: 'mid', ballot: 'bid' })
  async projector(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('mid', IdPipe) mid: number,
    @Param('bid', IdPipe) bid: number,
  ) {
    const info = await this.models.infoOf(mid, bid);
    const s = info.status;
    const b = info.ballot;
    const voting = s.phase === 'VOTING';
    this.pages.send(
      req,
      res,
      'meetings/electronic-projector',
      `Bỏ phiếu kín điện tử: ${info.title}`,
      {
        info,
        voting,
        // turnout only while voting: never partial results
        turnout: { casts: s.casts, voters: s.voters },
        address: `${origin(req)}${votingPath(info.ballotId)}`,
        closed: s.phase === 'CLOSED',
        results:
          s.phase === 'CONFIRMED' && b.tally
            ? {
                lines: b.tally.lines.map((l) => ({
                  name: b.nominees.find((n) => n.code === l.nomineeId)?.fullName ?? l.nomineeId,
                  agree: l.agree,
                  percent: l.percentageText,
                  explanation: l.explanation,
                })),
                minutes: b.tally.minutes,
              }
            : null,
      },
    );
  }

  @Get('meetings/:mid/ballots/:bid/phieu-ma.pdf')
  @Permission('meetings.write', { meeting: 'mid', ballot: 'bid' })
  async slipsPdf(
    @Res() res: Response,
    @Param('mid', IdPipe) mid: number,
    @Param('bid', IdPipe) bid: number,
    @Query('dia-chi') room: string | undefined,
  ) {
    const info = await this.models.infoOf(mid, bid);
    const base = (room ?? '').trim().replace(/\/+$/, '');
    if (!ROOM_ADDRESS.test(base))
      throw new AppError(MeetingErrors.BALLOT_NOT_FOUND, {
        message: 'Địa chỉ máy chủ trong phòng họp phải có dạng http://192.168.1.10:3000.',
      });
    const { slips } = await this.electronic.slips(bid);
    const pdf = await renderSlips(slips, {
      ballotTitle: info.title,
      blocName: info.blocName,
      votingUrl: `${base}${votingPath(bid)}`,
      isRehearsal: info.isRehearsal,
    });
    res
      .status(200)
      .type('application/pdf')
      .setHeader('Cache-Control', 'no-store')
      .setHeader('Content-Disposition', `attachment; filename="phieu-ma-${bid}.pdf"`)
      .send(pdf);
  }

  @Post('meetings/:mid/ballots/:bid/dien-tu/huy-ma')
  @Permission('meetings.write', { meeting: 'mid', ballot: 'bid' })
  async voidSlip(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('mid', IdPipe) mid: number,
    @Param('bid', IdPipe) bid: number,
    @Body() body: unknown,
  ) {
    await this.models.infoOf(mid, bid);
    const slipNo = Number(submitted(body).slipNo);
    await this.step(req, res, mid, bid, async () => {
      if (!Number.isSafeInteger(slipNo) || slipNo < 1)
        throw new AppError(MeetingErrors.BALLOT_NOT_FOUND, {
          message: 'Hãy chọn số phiếu mã bị mất.',
        });
      await this.electronic.voidSlip(bid, slipNo);
    });
  }

  @Post('meetings/:mid/ballots/:bid/dien-tu/ket-thuc')
  @Permission('meetings.write', { meeting: 'mid', ballot: 'bid' })
  async close(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('mid', IdPipe) mid: number,
    @Param('bid', IdPipe) bid: number,
  ) {
    await this.models.infoOf(mid, bid);
    await this.step(req, res, mid, bid, () => this.electronic.close(bid));
  }

  @Post('meetings/:mid/ballots/:bid/dien-tu/xac-nhan')
  @Permission('meetings.write', { meeting: 'mid', ballot: 'bid' })
  async confirm(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('mid', IdPipe) mid: number,
    @Param('bid', IdPipe) bid: number,
  ) {
    await this.models.infoOf(mid, bid);
    await this.step(req, res, mid, bid, () => this.electronic.confirm(bid, {}));
  }

  private async step(
    req: WebRequest,
    res: Response,
    mid: number,
    bid: number,
    run: () => Promise<unknown>,
  ): Promise<void> {
    // The refusal's own sentence above the console (these forms have no field to mark).
    await this.pages.act(req, res, {
      values: {},
      run,
      then: () => ({ to: consoleUrl(mid, bid) }),
      again: (_form, status, e) => this.sendConsole(req, res, mid, bid, e.message, status),
    });
  }

  private async sendConsole(
    req: WebRequest,
    res: Response,
    mid: number,
    bid: number,
    error: string | null,
    status: number,
  ): Promise<void> {
    const info = await this.models.infoOf(mid, bid);
    const s = info.status;
    this.pages.send(
      req,
      res,
      'meetings/electronic-console',
      `Bỏ phiếu kín điện tử: ${info.title}`,
      {
        info,
        s,
        error,
        voting: s.phase === 'VOTING',
        closed: s.phase === 'CLOSED',
        confirmed: s.phase === 'CONFIRMED',
        room: origin(req),
        address: `${origin(req)}${votingPath(bid)}`,
        meetingUrl: `/web/meetings/${mid}`,
        projectorUrl: `/web/meetings/${mid}/ballots/${bid}/may-chieu`,
        boardUrl: `${votingPath(bid)}/bien-nhan`,
        slipsUrl: `/web/meetings/${mid}/ballots/${bid}/phieu-ma.pdf`,
        consoleUrl: consoleUrl(mid, bid),
      },
      {
        status,
        breadcrumbs: [{ href: `/web/meetings/${mid}`, label: 'Hội nghị bình xét' }],
      },
    );
  }
}
