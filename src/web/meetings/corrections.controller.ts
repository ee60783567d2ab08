import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { IdPipe } from '../../common/http/id-param.pipe';
import { Permission } from '../../common/http/permission.decorator';
import { CorrectionRequestsService } from '../../meetings/correction-requests.service';
import { CorrectionDecisionDto } from '../../meetings/dto/correction-request.dto';
import { CorrectionDto } from '../../meetings/dto/meeting.dto';
import { MeetingsService } from '../../meetings/meetings.service';
import { field, submitted, validateForm } from '../core/forms';
import { WebPageService, type WebRequest } from '../core/web-page.service';
import { ConsolePageService } from './console-page.service';
import { meetingUrl } from './meeting-page-models';

/**
 * Corrections of a finalized meeting from its console: the request (or the correction itself
 * where no approval is needed), the administrator's approval or rejection.
 */
@ApiExcludeController()
@Controller('web')
export class WebCorrectionsController {
  constructor(
    private readonly pages: WebPageService,
    private readonly consolePage: ConsolePageService,
    private readonly meetings: MeetingsService,
    private readonly corrections: CorrectionRequestsService,
  ) {}

  @Post('meetings/:mid/corrections')
  @Permission('meetings.correct', { meeting: 'mid' })
  async correct(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('mid', IdPipe) mid: number,
    @Body() body: unknown,
  ) {
    const values = submitted(body);
    await this.consolePage.act(req, res, mid, {
      which: 'correction',
      values,
      run: async () => {
        const dto = await validateForm(CorrectionDto, {
          version: field.int(values.version),
          reason: field.text(values.reason) ?? '',
        });
        const view = await this.meetings.correct(mid, dto);
        return view.pendingCorrection ? 'correctionRequested' : 'corrected';
      },
    });
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
    await this.pages.act(req, res, {
      values,
      run: async () => {
        const note = field.text(values.note);
        const dto = await validateForm(CorrectionDecisionDto, {
          version: field.int(values.version),
          ...(note !== undefined ? { note } : {}),
        });
        return to === 'APPROVED'
          ? this.corrections.approve(mid, rid, dto)
          : this.corrections.reject(mid, rid, dto);
      },
      then: (view) => ({
        to: meetingUrl(view.id),
        notice: to === 'APPROVED' ? 'correctionApproved' : 'correctionRejected',
      }),
      again: (form, status) => this.consolePage.send(req, res, mid, 'approval', form, status),
    });
  }
}
