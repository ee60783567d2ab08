import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Permission } from '../../common/http/permission.decorator';
import { BlocsService } from '../../registry/blocs/blocs.service';
import { CreateTermDto, UpdateTermDto } from '../../registry/blocs/dto/bloc.dto';
import { IdPipe } from '../../common/http/id-param.pipe';
import { YearPipe } from '../../common/http/year.pipe';
import { CreateUnitDto, UpdateUnitDto } from '../../registry/units/dto/unit.dto';
import { UnitsService } from '../../registry/units/units.service';
import { formatDate } from '../core/format';
import { emptyForm, field, submitted, validateForm, type FormState } from '../core/forms';
import { WebPageService, type WebRequest } from '../core/web-page.service';
import { ScoringPagesService, unitTypeOptions } from './scoring-pages.service';
import { mapFormErrors } from './scoring-view';
import { holds, idList, mayOpenUnit } from '../core/access';

const UNITS = { href: '/web/units', label: 'Đơn vị' };
const BLOCS = { href: '/web/blocs', label: 'Khối, cụm thi đua' };
const UNIT_FIELDS = [
  'code',
  'shortName',
  'type',
  'fullName',
  'collectiveName',
  'provinceId',
  'validFrom',
  'validTo',
  'version',
];

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const pageOf = (v: unknown): number => {
  const n = typeof v === 'string' && /^\d{1,6}$/.test(v) ? Number(v) : 1;
  return n >= 1 ? n : 1;
};
/** Units and blocs: lists, pages, and the office's create/edit forms (registry.*, unit.read). */
@ApiExcludeController()
@Controller('web')
export class WebRegistryController {
  constructor(
    private readonly pages: WebPageService,
    private readonly views: ScoringPagesService,
    private readonly units: UnitsService,
    private readonly blocs: BlocsService,
  ) {}

  @Get('units')
  @Permission('registry.read')
  async unitList(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Query() query: Record<string, unknown>,
  ) {
    const model = await this.views.unitList({
      q: str(query.q),
      type: str(query.type),
      page: pageOf(query.page),
    });
    this.pages.send(req, res, 'scoring/units', 'Đơn vị thành viên', {
      ...model,
      items: model.items.map((u) => ({ ...u, open: mayOpenUnit(req.auth!, 'unit.read', u.id) })),
      canWrite: holds(req.auth!, 'registry.write'),
    });
  }

  @Get('units/new')
  @Permission('registry.write')
  async newUnit(@Req() req: WebRequest, @Res() res: Response) {
    await this.renderUnitForm(req, res, null, emptyForm(), 200);
  }

  @Post('units')
  @Permission('registry.write')
  async createUnit(@Req() req: WebRequest, @Res() res: Response, @Body() body: unknown) {
    const v = submitted(body);
    try {
      const dto = await validateForm(CreateUnitDto, {
        code: field.text(v.code),
        shortName: field.text(v.shortName),
        type: field.text(v.type),
        fullName: field.text(v.fullName),
        collectiveName: field.text(v.collectiveName),
        provinceId: field.int(v.provinceId),
        validFrom: field.date(v.validFrom),
        ...(field.text(v.validTo) ? { validTo: field.date(v.validTo) } : {}),
      });
      const u = await this.units.create(dto);
      this.pages.redirect(res, `/web/units/${u.id}`, 'created');
    } catch (e) {
      await this.pages.sendFormError(req, res, e, v, (form, status) =>
        this.renderUnitForm(req, res, null, form, status),
      );
    }
  }

  @Get('units/:unitId')
  @Permission('unit.read', { unit: 'unitId' })
  async unit(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('unitId', IdPipe) unitId: number,
  ) {
    const model = await this.views.unit(unitId);
    this.pages.send(
      req,
      res,
      'scoring/unit',
      model.unit.fullName,
      { ...model, canWrite: holds(req.auth!, 'registry.write') },
      { breadcrumbs: [UNITS] },
    );
  }

  @Get('units/:unitId/edit')
  @Permission('registry.write', { unit: 'unitId' })
  async editUnit(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('unitId', IdPipe) unitId: number,
  ) {
    await this.renderUnitForm(req, res, unitId, emptyForm(), 200);
  }

  @Post('units/:unitId')
  @Permission('registry.write', { unit: 'unitId' })
  async updateUnit(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('unitId', IdPipe) unitId: number,
    @Body() body: unknown,
  ) {
    const v = submitted(body);
    try {
      const dto = await validateForm(UpdateUnitDto, {
        version: field.int(v.version),
        shortName: field.text(v.shortName) ?? '',
        type: field.text(v.type),
        fullName: field.text(v.fullName) ?? '',
        collectiveName: field.text(v.collectiveName) ?? '',
        validFrom: field.date(v.validFrom) ?? '',
        validTo: field.date(v.validTo) ?? null,
      });
      await this.units.update(unitId, dto);
      this.pages.redirect(res, `/web/units/${unitId}`, 'saved');
    } catch (e) {
      await this.pages.sendFormError(req, res, e, v, (form, status) =>
        this.renderUnitForm(req, res, unitId, form, status),
      );
    }
  }

  @Get('blocs')
  @Permission('registry.read')
  async blocList(@Req() req: WebRequest, @Res() res: Response) {
    const model = await this.views.blocList();
    this.pages.send(req, res, 'scoring/blocs', 'Khối, cụm thi đua', model);
  }

  @Get('blocs/:id')
  @Permission('registry.read', { bloc: 'id' })
  async bloc(@Req() req: WebRequest, @Res() res: Response, @Param('id', IdPipe) id: number) {
    const model = await this.views.bloc(id, req.auth!);
    this.pages.send(req, res, 'scoring/bloc', model.bloc.name, model, { breadcrumbs: [BLOCS] });
  }

  @Get('blocs/:id/terms/new')
  @Permission('registry.write', { bloc: 'id' })
  async newTerm(@Req() req: WebRequest, @Res() res: Response, @Param('id', IdPipe) id: number) {
    await this.renderTermForm(req, res, id, null, emptyForm(), 200);
  }

  @Post('blocs/:id/terms')
  @Permission('registry.write', { bloc: 'id' })
  async createTerm(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', IdPipe) id: number,
    @Body() body: unknown,
  ) {
    const v = submitted(body);
    try {
      const dto = await validateForm(CreateTermDto, { year: field.int(v.year), ...termBody(v) });
      await this.blocs.createTerm(id, dto);
      this.pages.redirect(res, `/web/blocs/${id}#nam-${dto.year}`, 'created');
    } catch (e) {
      await this.pages.sendFormError(req, res, e, v, (form, status) =>
        this.renderTermForm(req, res, id, null, form, status),
      );
    }
  }

  @Get('blocs/:id/terms/:year/edit')
  @Permission('registry.write', { bloc: 'id' })
  async editTerm(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', IdPipe) id: number,
    @Param('year', YearPipe) year: number,
  ) {
    await this.renderTermForm(req, res, id, year, emptyForm(), 200);
  }

  @Post('blocs/:id/terms/:year')
  @Permission('registry.write', { bloc: 'id' })
  async updateTerm(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', IdPipe) id: number,
    @Param('year', YearPipe) year: number,
    @Body() body: unknown,
  ) {
    const v = submitted(body);
    try {
      const dto = await validateForm(UpdateTermDto, {
        version: field.int(v.version),
        ...termBody(v),
      });
      await this.blocs.updateTerm(id, year, dto);
      this.pages.redirect(res, `/web/blocs/${id}#nam-${year}`, 'saved');
    } catch (e) {
      await this.pages.sendFormError(req, res, e, v, (form, status) =>
        this.renderTermForm(req, res, id, year, form, status),
      );
    }
  }

  private async renderUnitForm(
    req: WebRequest,
    res: Response,
    unitId: number | null,
    form: FormState,
    status: number,
  ) {
    const unit = unitId === null ? null : await this.units.get(unitId);
    const stored = unit
      ? {
          ...unit,
          validFrom: formatDate(unit.validFrom),
          validTo: formatDate(unit.validTo),
        }
      : { code: '', type: 'XA', validFrom: '', validTo: '', provinceId: '' };
    const known = new Set(UNIT_FIELDS);
    const title = unit ? `Sửa đơn vị: ${unit.fullName}` : 'Thêm đơn vị';
    this.pages.send(
      req,
      res,
      'scoring/unit-form',
      title,
      {
        unit,
        stored,
        form: mapFormErrors(form, (f) => f, known),
        typeOptions: unitTypeOptions,
        provinceOptions: await this.views.provinceOptions(),
        action: unit ? `/web/units/${unit.id}` : '/web/units',
      },
      {
        status,
        breadcrumbs: unit
          ? [UNITS, { href: `/web/units/${unit.id}`, label: unit.fullName }]
          : [UNITS],
      },
    );
  }

  private async renderTermForm(
    req: WebRequest,
    res: Response,
    blocId: number,
    year: number | null,
    form: FormState,
    status: number,
  ) {
    const term = year === null ? null : await this.views.term(blocId, year);
    const model = await this.views.termForm(blocId, year, term);
    const typed = form.values.memberUnitIds;
    const sent = idList(typed);
    const units =
      typed === undefined && Object.keys(form.values).length === 0
        ? model.units
        : model.units.map((u) => ({ ...u, checked: sent.includes(u.id) }));
    const known = new Set([
      'year',
      'memberUnitIds',
      'headUnitId',
      'deputyUnitId',
      'secretaryName',
      'note',
      'version',
      ...model.units.map((u) => `member.${u.id}`),
    ]);
    const shown = mapFormErrors(
      form,
      (f) => {
        const m = /^memberUnitIds\.(\d+)$/.exec(f);
        if (!m) return f;
        const id = sent[Number(m[1])];
        return typeof id === 'number' ? `member.${id}` : 'memberUnitIds';
      },
      known,
    );
    const title = term
      ? `Sửa danh sách năm ${term.year}: ${model.bloc.name}`
      : `Thêm năm thi đua: ${model.bloc.name}`;
    this.pages.send(
      req,
      res,
      'scoring/term-form',
      title,
      {
        ...model,
        units: units.map((u) => ({ ...u, error: shown.errors[`member.${u.id}`] ?? null })),
        form: shown,
        action: term ? `/web/blocs/${blocId}/terms/${term.year}` : `/web/blocs/${blocId}/terms`,
      },
      { status, breadcrumbs: [BLOCS, { href: `/web/blocs/${blocId}`, label: model.bloc.name }] },
    );
  }
}

/** The term form's fields as the API's body: member ids from the ticked boxes, officers, names. */
function termBody(v: Record<string, string>): Record<string, unknown> {
  return {
    memberUnitIds: idList(v.memberUnitIds),
    headUnitId: field.int(v.headUnitId) ?? null,
    deputyUnitId: field.int(v.deputyUnitId) ?? null,
    secretaryName: field.text(v.secretaryName) ?? null,
    note: field.text(v.note) ?? null,
  };
}
