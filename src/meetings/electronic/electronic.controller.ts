import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Permission, Public } from '../../auth/permission.decorator';
import { clientAddress } from '../../common/http/client-address';
import { IdPipe } from '../../common/http/id-param.pipe';
import { CastDto, ConfirmDto, VoidSlipDto, VotingCodeDto } from './dto/electronic.dto';
import { ElectronicBallotsService } from './electronic-ballots.service';

@ApiTags('Bỏ phiếu kín điện tử (electronic ballots)')
@Controller()
export class ElectronicController {
  constructor(private readonly electronic: ElectronicBallotsService) {}

  @Permission('term.read')
  @Get('ballots/:bid/electronic')
  @ApiOkResponse({
    description: 'Số mã đã cấp, đã dùng, đã hủy; số phiếu đã bỏ (không có kết quả)',
  })
  status(@Param('bid', IdPipe) bid: number) {
    return this.electronic.status(bid);
  }

  @Permission('meetings.write')
  @Get('ballots/:bid/electronic/slips')
  @ApiOkResponse({ description: 'Các mã chưa dùng, để in phiếu mã (chỉ khi đang bỏ phiếu)' })
  slips(@Param('bid', IdPipe) bid: number) {
    return this.electronic.slips(bid);
  }

  @Permission('meetings.write')
  @Post('ballots/:bid/electronic/void')
  @HttpCode(200)
  voidSlip(@Param('bid', IdPipe) bid: number, @Body() dto: VoidSlipDto) {
    return this.electronic.voidSlip(bid, dto.slipNo);
  }

  @Permission('meetings.write')
  @Post('ballots/:bid/electronic/close')
  @HttpCode(200)
  close(@Param('bid', IdPipe) bid: number) {
    return this.electronic.close(bid);
  }

  @Permission('meetings.write')
  @Post('ballots/:bid/electronic/confirm')
  @HttpCode(200)
  confirm(@Param('bid', IdPipe) bid: number, @Body() dto: ConfirmDto) {
    return this.electronic.confirm(bid, dto);
  }

  /** Public, but useful only with a valid code: checks it before the ballot is shown. */
  @Public()
  @Post('voting/:bid/check')
  @HttpCode(204)
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
  @Post('voting/:bid/cast')
  @HttpCode(201)
  cast(@Param('bid', IdPipe) bid: number, @Body() dto: CastDto, @Req() req: Request) {
    return this.electronic.cast(
      { ballotId: bid, address: clientAddress(req).slice(0, 64), typed: dto.code },
      dto.choices,
    );
  }

  /** Public after the close: every receipt with its ballot's choices. */
  @Public()
  @Get('voting/:bid/receipts')
  receipts(@Param('bid', IdPipe) bid: number) {
    return this.electronic.board(bid);
  }
}
