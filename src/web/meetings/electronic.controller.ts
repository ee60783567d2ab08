import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Permission, Public } from '../../common/http/permission.decorator';
import { AppError } from '../../common/errors/app-error';
import { clientAddress } from '../../common/http/client-address';
import { IdPipe } from '../../common/http/id-param.pipe';
import { CHOICE_LABELS, CHOICES, checkChoices, type Choice } from '../../domain/voting/electronic';
import {
  ElectronicBallotsService,
  type BallotInfo,
} from '../../meetings/electronic/electronic-ballots.service';
import { renderSlips } from '../../meetings/electronic/slips-pdf';
import { MeetingErrors } from '../../meetings/meeting.errors';
import { statusOfError, submitted } from '../core/forms';
import { WebPageService, type WebRequest } from '../core/web-page.service';

const consoleUrl = (mid: number, bid: number) => `/web/meetings/${mid}/ballots/${bid}/dien-tu`;
/** The short address a delegate types (shown on the projector and printed on the slips). */
export const votingPath = (bid: number) => `/web/bp/${bid}`;
/** The room's address as the phones reach it: "http://192.168.1.10:3000" (no path, no query). */
const ROOM_ADDRESS = /^https?:\/\/[A-Za-z0-9.[\]:-]{1,100}$/;

/** The choices of a submitted ballot form, one per nominee (`c0`, `c1`, …); null where unmarked. */
function choicesOf(values: Record<string, string>, count: number): (Choice | null)[] {
  return Array.from({ length: count }, (_, i) => {
    const v = values[`c${i}`];
    return v && (CHOICES as readonly string[]).includes(v) ? (v as Choice) : null;
  });
}

/** The nominees with their three options, the delegate's marks ticked ("Không có ý kiến" when none). */
function ballotRows(info: BallotInfo, marks: readonly (Choice | null)[]) {
  return info.nominees.map((name, i) => ({
    index: i,
    name,
    options: CHOICES.map((c) => ({
      value: c,
      label: CHOICE_LABELS[c],
      checked: (marks[i] ?? 'NO_OPINION') === c,
    })),
  }));
}

/**
 * Issue 18 in the room. Public (no sign-in; useful only with a valid code): the delegate's pages
 * (code, ballot, confirmation, receipt) and the receipt board after the close. For the secretary:
 * the electronic console (slips, lost slip, close, the committee's confirmation) and the projector.
 */
@ApiExcludeController()
@Controller('web')
export class WebElectronicController {
  constructor(
    private readonly pages: WebPageService,
    private readonly electronic: ElectronicBallotsService,
  ) {}

  // ——— the delegate's phone ———

  @Public()
  @Get('bp/:bid')
  async codePage(@Req() req: WebRequest, @Res() res: Response, @Param('bid', IdPipe) bid: number) {
    const info = await this.voterInfo(bid);
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
    const info = await this.voterInfo(bid);
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
    const info = await this.voterInfo(bid);
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
    const info = await this.voterInfo(bid);
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
    const info = await this.voterInfo(bid);
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

  // ——— the secretary and the projector ———

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
    const info = await this.infoOf(mid, bid);
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
    const info = await this.infoOf(mid, bid);
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
    await this.infoOf(mid, bid);
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
    await this.infoOf(mid, bid);
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
    await this.infoOf(mid, bid);
    await this.step(req, res, mid, bid, () => this.electronic.confirm(bid, {}));
  }

  // ——— internals ———

  /** A paper ballot has no voting page: "not found" rather than a conflict. */
  private async voterInfo(bid: number): Promise<BallotInfo> {
    try {
      return await this.electronic.ballotInfo(bid);
    } catch (e) {
      if (e instanceof AppError && e.code === 'BALLOT_NOT_ELECTRONIC')
        throw new AppError(MeetingErrors.BALLOT_NOT_FOUND);
      throw e;
    }
  }

  private async infoOf(mid: number, bid: number): Promise<BallotInfo> {
    const info = await this.voterInfo(bid);
    if (info.meetingId !== mid) throw new AppError(MeetingErrors.BALLOT_NOT_FOUND);
    return info;
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
    const info = await this.infoOf(mid, bid);
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

const address = (req: WebRequest): string => clientAddress(req).slice(0, 64);

/** The address this request reached the server at ("http://192.168.1.10:3000"). */
function origin(req: WebRequest): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}
