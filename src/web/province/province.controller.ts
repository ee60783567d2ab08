import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Permission } from '../../common/http/permission.decorator';
import { WebPageService, type WebRequest } from '../core/web-page.service';
import { ProvincePagesService } from './province-pages.service';

/** The provincial stage: every bloc's nominations of a year, by tier, against the province-wide caps. */
@ApiExcludeController()
@Controller('web')
export class WebProvinceController {
  constructor(
    private readonly pages: WebPageService,
    private readonly models: ProvincePagesService,
  ) {}

  @Get('province')
  @Permission('province.manage')
  async province(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Query('nam') yearRaw: unknown,
    @Query('tinh') provinceRaw: unknown,
  ) {
    const model = await this.models.stage(req.auth!, yearRaw, provinceRaw);
    this.pages.send(req, res, 'province/stage', `Giai đoạn cấp tỉnh năm ${model.year}`, model);
  }
}
