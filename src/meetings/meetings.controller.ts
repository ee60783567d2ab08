import { ApiDoc } from '../common/http/api-doc';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Permission } from '../common/http/permission.decorator';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IdPipe } from '../common/http/id-param.pipe';
import { YearPipe } from '../common/http/year.pipe';
import { BallotsService } from './ballots.service';
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
} from './dto/meeting.dto';
import { MeetingViewDto } from './dto/meeting-view.dto';
import { MeetingsService } from './meetings.service';

const VIEW = {
  type: MeetingViewDto,
  description:
    'Hội nghị: điểm danh, số đại biểu tối thiểu, phiếu bầu, hai lần nhập, kết quả kiểm phiếu',
};

@ApiTags('Hội nghị bình xét (meetings)')
@Controller()
export class MeetingsController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly ballots: BallotsService,
  ) {}

  @Permission('term.read', { bloc: 'id' })
  @ApiDoc('Các hội nghị của khối trong năm')
  @Get('blocs/:id/terms/:year/meetings')
  @ApiOkResponse({ ...VIEW, isArray: true })
  list(@Param('id', IdPipe) id: number, @Param('year', YearPipe) year: number) {
    return this.meetings.list(id, year);
  }

  @Permission('meetings.write', { bloc: 'id' })
  @ApiDoc('Tạo hội nghị tổng kết (chính thức hoặc diễn tập)')
  @Post('blocs/:id/terms/:year/meetings')
  @ApiCreatedResponse(VIEW)
  create(
    @Param('id', IdPipe) id: number,
    @Param('year', YearPipe) year: number,
    @Body() dto: CreateMeetingDto,
  ) {
    return this.meetings.create(id, year, dto);
  }

  @Permission('term.read', { meeting: 'mid' })
  @ApiDoc('Một hội nghị')
  @Get('meetings/:mid')
  @ApiOkResponse(VIEW)
  get(@Param('mid', IdPipe) mid: number) {
    return this.meetings.get(mid);
  }

  @Permission('meetings.write', { meeting: 'mid' })
  @ApiDoc('Sửa thông tin hội nghị')
  @Put('meetings/:mid')
  @ApiOkResponse(VIEW)
  update(@Param('mid', IdPipe) mid: number, @Body() dto: UpdateMeetingDto) {
    return this.meetings.update(mid, dto);
  }

  @Permission('meetings.write', { meeting: 'mid' })
  @ApiDoc('Điểm danh thành viên dự hội nghị')
  @Put('meetings/:mid/attendance')
  @ApiOkResponse(VIEW)
  attendance(@Param('mid', IdPipe) mid: number, @Body() dto: AttendanceDto) {
    return this.meetings.setAttendance(mid, dto);
  }

  @Permission('meetings.write', { meeting: 'mid' })
  @ApiDoc('Khai mạc hội nghị')
  @Post('meetings/:mid/open')
  @HttpCode(200)
  @ApiOkResponse(VIEW)
  open(@Param('mid', IdPipe) mid: number, @Body() dto: VersionDto) {
    return this.meetings.open(mid, dto.version);
  }

  @Permission('meetings.write', { meeting: 'mid' })
  @ApiDoc('Tạo phiếu bầu cho một hình thức khen thưởng')
  @Post('meetings/:mid/ballots')
  @ApiCreatedResponse(VIEW)
  createBallot(@Param('mid', IdPipe) mid: number, @Body() dto: CreateBallotDto) {
    return this.ballots.create(mid, dto);
  }

  @Permission('meetings.write', { ballot: 'bid' })
  @ApiDoc('Mở bỏ phiếu (kiểm tra số thành viên có mặt, cố định quy định biểu quyết)')
  @Post('ballots/:bid/open')
  @HttpCode(200)
  @ApiOkResponse(VIEW)
  openBallot(@Param('bid', IdPipe) bid: number, @Body() dto: VersionDto) {
    return this.ballots.open(bid, dto.version);
  }

  @Permission('meetings.write', { ballot: 'bid' })
  @ApiDoc('Nhập kết quả kiểm phiếu (lần 1 hoặc lần 2, do hai người khác nhau)')
  @Post('ballots/:bid/entries')
  @ApiCreatedResponse(VIEW)
  submitEntry(@Param('bid', IdPipe) bid: number, @Body() dto: EntryDto) {
    return this.ballots.submitEntry(bid, dto);
  }

  @Permission('meetings.write', { ballot: 'bid' })
  @ApiDoc('Sửa một lần nhập kết quả kiểm phiếu bị lệch')
  @Put('ballots/:bid/entries/:no')
  @ApiOkResponse(VIEW)
  correctEntry(
    @Param('bid', IdPipe) bid: number,
    @Param('no', IdPipe) no: number,
    @Body() dto: CorrectEntryDto,
  ) {
    return this.ballots.correctEntry(bid, no, dto);
  }

  @Permission('meetings.write', { ballot: 'bid' })
  @ApiDoc('Ghi quyết định của chủ trì khi số phiếu bằng nhau')
  @Post('ballots/:bid/chair-decision')
  @HttpCode(200)
  @ApiOkResponse(VIEW)
  chairDecision(@Param('bid', IdPipe) bid: number, @Body() dto: ChairDecisionDto) {
    return this.ballots.chairDecision(bid, dto);
  }

  @Permission('meetings.write', { ballot: 'bid' })
  @ApiDoc('Bỏ phiếu lại')
  @Post('ballots/:bid/revote')
  @HttpCode(200)
  @ApiOkResponse(VIEW)
  revote(@Param('bid', IdPipe) bid: number) {
    return this.ballots.revote(bid);
  }

  @Permission('meetings.write', { meeting: 'mid' })
  @ApiDoc('Chốt kết quả hội nghị')
  @Post('meetings/:mid/finalize')
  @HttpCode(200)
  @ApiOkResponse(VIEW)
  finalize(@Param('mid', IdPipe) mid: number, @Body() dto: FinalizeDto) {
    return this.meetings.finalize(mid, dto);
  }

  @Permission('meetings.correct', { meeting: 'mid' })
  @ApiDoc('Đính chính hội nghị đã chốt (phiên bản mới kèm lý do)')
  @Post('meetings/:mid/corrections')
  @ApiCreatedResponse(VIEW)
  @ApiAcceptedResponse({
    type: MeetingViewDto,
    description:
      'Cơ quan tổ chức yêu cầu quản trị viên duyệt: đề nghị đính chính đang chờ (pendingCorrection), hội nghị vẫn đã chốt',
  })
  async correct(
    @Param('mid', IdPipe) mid: number,
    @Body() dto: CorrectionDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const view = await this.meetings.correct(mid, dto);
    if (view.pendingCorrection) res.status(202);
    return view;
  }
}
