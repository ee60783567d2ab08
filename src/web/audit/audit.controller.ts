import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Permission } from '../../common/http/permission.decorator';
import { WebPageService, type WebRequest } from '../core/web-page.service';
import { AuditPagesService } from './audit-pages.service';

/** The audit log: filters by date, user and record, pages of 50, the chain check, the CSV export. */
@ApiExcludeController()
@Controller('web')
export class WebAuditController {
  constructor(
    private readonly pages: WebPageService,
    private readonly models: AuditPagesService,
  ) {}

  @Get('audit')
  @Permission('audit.read')
  async list(@Req() req: WebRequest, @Res() res: Response, @Query() query: unknown) {
    const model = await this.models.log(query);
    this.pages.send(req, res, 'audit/log', 'Nhật ký thay đổi', model, {
      status: model.form.message ? 400 : 200,
    });
  }
}
