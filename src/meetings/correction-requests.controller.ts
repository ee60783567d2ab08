import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiDoc } from '../common/http/api-doc';
import { Permission } from '../common/http/permission.decorator';
import { IdPipe } from '../common/http/id-param.pipe';
import { CorrectionRequestsService } from './correction-requests.service';
import { CorrectionDecisionDto } from './dto/correction-request.dto';
import { CorrectionRequestViewDto, MeetingViewDto } from './dto/meeting-view.dto';

@ApiTags('Hội nghị bình xét (meetings)')
@Controller()
export class CorrectionRequestsController {
  constructor(private readonly requests: CorrectionRequestsService) {}

  @Permission('term.read', { meeting: 'mid' })
  @ApiDoc('Các đề nghị đính chính của một hội nghị')
  @Get('meetings/:mid/correction-requests')
  @ApiOkResponse({
    type: CorrectionRequestViewDto,
    isArray: true,
    description: 'Các đề nghị đính chính của hội nghị (chờ duyệt, đã duyệt, từ chối)',
  })
  list(@Param('mid', IdPipe) mid: number) {
    return this.requests.list(mid);
  }

  @Permission('meetings.correct.approve', { meeting: 'mid' })
  @ApiDoc('Duyệt đề nghị đính chính (quản trị viên, không phải người đề nghị)')
  @Post('meetings/:mid/correction-requests/:rid/approve')
  @HttpCode(200)
  @ApiOkResponse({
    type: MeetingViewDto,
    description: 'Đã duyệt: phiên bản đính chính được mở (trả về phiên bản mới)',
  })
  approve(
    @Param('mid', IdPipe) mid: number,
    @Param('rid', IdPipe) rid: number,
    @Body() dto: CorrectionDecisionDto,
  ) {
    return this.requests.approve(mid, rid, dto);
  }

  @Permission('meetings.correct.approve', { meeting: 'mid' })
  @ApiDoc('Từ chối đề nghị đính chính, kèm lý do')
  @Post('meetings/:mid/correction-requests/:rid/reject')
  @HttpCode(200)
  @ApiOkResponse({
    type: MeetingViewDto,
    description: 'Đã từ chối (kèm lý do): hội nghị giữ nguyên bản đã chốt',
  })
  reject(
    @Param('mid', IdPipe) mid: number,
    @Param('rid', IdPipe) rid: number,
    @Body() dto: CorrectionDecisionDto,
  ) {
    return this.requests.reject(mid, rid, dto);
  }
}
