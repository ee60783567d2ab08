import { Injectable } from '@nestjs/common';
import type { Authenticated } from '../../auth/auth.service';
import { BlocsService } from '../../registry/blocs/blocs.service';
import { ProvinceStageService } from '../../nominations/province-stage.service';
import { visibleBlocs } from '../core/visible-blocs';

const DOCS = [
  { file: 'council-list', label: 'Danh sách trình Hội đồng TĐKT tỉnh' },
  { file: 'draft-decision', label: 'Dự thảo quyết định khen thưởng' },
];

/** The provincial stage's page model, from the same services as the API. */
@Injectable()
export class ProvincePagesService {
  constructor(
    private readonly blocs: BlocsService,
    private readonly nominations: ProvinceStageService,
  ) {}

  /** Every bloc's nominations of a year (`?nam=`) in one province (`?tinh=`), by tier. */
  async stage(auth: Authenticated, yearRaw: unknown, provinceRaw: unknown) {
    const { year, years, blocs } = await visibleBlocs(this.blocs, auth, yearRaw);
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
    return {
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
  }
}
