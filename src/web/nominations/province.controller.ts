import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Permission } from '../../common/http/permission.decorator';
import { ProvinceStageService } from '../../nominations/province-stage.service';
import { WebPageService, type WebRequest } from '../core/web-page.service';
import { NominationsPagesService } from './nominations-pages.service';

const DOCS = [
  { file: 'council-list', label: 'Danh sách trình Hội đồng TĐKT tỉnh' },
  { file: 'draft-decision', label: 'Dự thảo quyết định khen thưởng' },
];

/** The provincial stage: every bloc's nominations of a year, by tier, against the province-wide caps. */
@ApiExcludeController()
@Controller('web')
export class WebProvinceController {
  constructor(
    private readonly pages: WebPageService,
    private readonly nominations: ProvinceStageService,
    private readonly view: NominationsPagesService,
  ) {}

  @Get('province')
  @Permission('province.manage')
  async province(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Query('nam') yearRaw: unknown,
    @Query('tinh') provinceRaw: unknown,
  ) {
    const { year, years, blocs } = await this.view.visibleBlocs(req.auth!, yearRaw);
    const provinceIds = [...new Set(blocs.map((b) => b.provinceId))].sort((a, b) => a - b);
    const asked = typeof provinceRaw === 'string' ? Number(provinceRaw) : NaN;
    const provinceId = provinceIds.includes(asked) ? asked : (provinceIds[0] ?? null);
    const stage =
      provinceId === null ? null : await this.nominations.provinceYear(provinceId, year);
    const tiers = (stage?.tiers ?? []).map((t) => ({
      ...t.tier,
      cap: t.cap,
      over: t.cap !== null && t.cap.used > t.cap.allowed,
      items: t.nominations.map((n) => ({
        id: n.id,
        unitName: n.unit.fullName,
        blocName: n.blocName,
        status: n.status,
        statusLabel: n.statusLabel,
        council: n.council,
        decision: n.decision,
        action:
          n.status === 'SUBMITTED'
            ? { href: `/web/nominations/${n.id}#hoi-dong`, label: 'Ghi biểu quyết của Hội đồng' }
            : n.status === 'PASSED'
              ? { href: `/web/nominations/${n.id}#quyet-dinh`, label: 'Ghi quyết định' }
              : { href: `/web/nominations/${n.id}`, label: 'Xem hồ sơ' },
      })),
    }));
    const model = {
      year,
      years,
      provinceId,
      provinceIds,
      blocLeaders: stage?.blocLeaders ?? 0,
      tiers,
      total: tiers.reduce((n, t) => n + t.items.length, 0),
      documents:
        provinceId === null
          ? []
          : DOCS.map((d) => ({
              ...d,
              base: `/api/provinces/${provinceId}/documents/${d.file}`,
            })),
    };
    this.pages.send(req, res, 'nominations/province', `Giai đoạn cấp tỉnh năm ${year}`, model);
  }
}
