import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Permission, Public } from '../../common/http/permission.decorator';
import { ApiDoc } from '../../common/http/api-doc';
import { clientAddress } from '../../common/http/client-address';
import { IdPipe } from '../../common/http/id-param.pipe';
import { CastDto, ConfirmDto, VoidSlipDto, VotingCodeDto } from './dto/electronic.dto';
import {
  CastBallotDto,
  ElectronicStatusDto,
  ReceiptDto,
  SlipsDto,
  VoidSlipResultDto,
} from './dto/electronic-view.dto';
import { MeetingViewDto } from '../dto/meeting-view.dto';
import { ElectronicBallotsService } from './electronic-ballots.service';

@ApiTags('Bỏ phiếu kín điện tử (electronic ballots)')
@Controller()
export class ElectronicController {
  constructor(private readonly electronic: ElectronicBallotsService) {}

  @Permission('term.read', { ballot: 'bid' })
  @ApiDoc(
    'Tình hình bỏ phiếu điện tử của một phiếu bầu: mã đã cấp, đã dùng, đã hủy (không có kết quả trước khi kết thúc)',
  )
  @Get('ballots/:bid/electronic')
  @ApiOkResponse({
    type: ElectronicStatusDto,
    description: 'Số mã đã cấp, đã dùng, đã hủy; số phiếu đã bỏ (không có kết quả)',
  })
  status(@Param('bid', IdPipe) bid: number) {
    return this.electronic.status(bid);
  }

  @Permission('meetings.write', { ballot: 'bid' })
  @ApiDoc('Các mã bỏ phiếu chưa dùng, để in phiếu mã (chỉ khi đang bỏ phiếu)')
  @Get('ballots/:bid/electronic/slips')
  @ApiOkResponse({
    type: SlipsDto,
    description: 'Các mã chưa dùng, để in phiếu mã (chỉ khi đang bỏ phiếu)',
  })
  slips(@Param('bid', IdPipe) bid: number) {
    return this.electronic.slips(bid);
  }

  @Permission('meetings.write', { ballot: 'bid' })
  @ApiDoc('Hủy mã của một phiếu mã bị mất và cấp một mã thay thế')
  @Post('ballots/:bid/electronic/void')
  @HttpCode(200)
  @ApiOkResponse({
    type: VoidSlipResultDto,
    description: 'Tình hình bỏ phiếu sau khi hủy mã, kèm số phiếu mã thay thế',
  })
  voidSlip(@Param('bid', IdPipe) bid: number, @Body() dto: VoidSlipDto) {
    return this.electronic.voidSlip(bid, dto.slipNo);
  }

  @Permission('meetings.write', { ballot: 'bid' })
  @ApiDoc('Kết thúc bỏ phiếu điện tử: số phiếu tính từ các phiếu đã bỏ')
  @Post('ballots/:bid/electronic/close')
  @HttpCode(200)
  @ApiOkResponse({
    type: ElectronicStatusDto,
    description: 'Đã kết thúc: chờ Ban kiểm phiếu xác nhận số phiếu',
  })
  close(@Param('bid', IdPipe) bid: number) {
    return this.electronic.close(bid);
  }

  @Permission('meetings.write', { ballot: 'bid' })
  @ApiDoc('Ban kiểm phiếu xác nhận số phiếu đã tính (thay cho nhập hai lần)')
  @Post('ballots/:bid/electronic/confirm')
  @HttpCode(200)
  @ApiOkResponse({
    type: MeetingViewDto,
    description: 'Hội nghị với số phiếu đã xác nhận và kết quả kiểm phiếu',
  })
  confirm(@Param('bid', IdPipe) bid: number, @Body() dto: ConfirmDto) {
    return this.electronic.confirm(bid, dto);
  }

  /** Public, but useful only with a valid code: checks it before the ballot is shown. */
  @Public()
  @ApiDoc('Đại biểu kiểm tra mã bỏ phiếu trước khi xem phiếu (công khai, cần mã hợp lệ)')
  @Post('voting/:bid/check')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Mã hợp lệ và chưa dùng: có thể xem phiếu' })
  async check(
    @Param('bid', IdPipe) bid: number,
    @Body() dto: VotingCodeDto,
    @Req() req: Request,
  ): Promise<void> {
    await this.electronic.checkCode({
      ballotId: bid,
      address: clientAddress(req).slice(0, 64),
      typed: dto.code,
    });
  }

  /** Public, but only with a valid unused code: one cast, answered with its receipt. */
  @Public()
  @ApiDoc('Đại biểu bỏ phiếu bằng mã chưa dùng; trả về mã biên nhận')
  @Post('voting/:bid/cast')
  @HttpCode(201)
  @ApiCreatedResponse({ type: ReceiptDto, description: 'Đã bỏ phiếu: mã biên nhận và lựa chọn' })
  cast(@Param('bid', IdPipe) bid: number, @Body() dto: CastDto, @Req() req: Request) {
    return this.electronic.cast(
      { ballotId: bid, address: clientAddress(req).slice(0, 64), typed: dto.code },
      dto.choices,
    );
  }

  /** Public after the close: every receipt with its ballot's choices. */
  @Public()
  @ApiDoc('Bảng biên nhận sau khi kết thúc: mỗi mã biên nhận với lựa chọn của lá phiếu')
  @Get('voting/:bid/receipts')
  @ApiOkResponse({
    type: CastBallotDto,
    isArray: true,
    description: 'Mỗi mã biên nhận với lựa chọn của lá phiếu (chỉ sau khi kết thúc)',
  })
  receipts(@Param('bid', IdPipe) bid: number) {
    return this.electronic.board(bid);
  }
}
