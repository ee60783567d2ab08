import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { BlocsService } from '../../registry/blocs/blocs.service';
import { CreateTermDto, UpdateTermDto } from '../../registry/blocs/dto/bloc.dto';
import { IdPipe } from '../../common/http/id-param.pipe';
import { Permission } from '../../common/http/permission.decorator';
import { YearPipe } from '../../common/http/year.pipe';
import { CreateUnitDto, UpdateUnitDto } from '../../registry/units/dto/unit.dto';
import { UnitsService } from '../../registry/units/units.service';
import { holds, mayOpenUnit } from '../core/access';
import { emptyForm, field, submitted, validateForm, type FormState } from '../core/forms';
import { WebPageService, type WebRequest } from '../core/web-page.service';
import { createUnitPlain, termBody, updateUnitPlain } from './registry-forms';
import { RegistryPagesService } from './registry-pages.service';

const UNITS = { href: '/web/units', label: 'Đơn vị' };
const BLOCS = { href: '/web/blocs', label: 'Khối, cụm thi đua' };

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
    private readonly models: RegistryPagesService,
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
    const model = await this.models.unitList({
      q: str(query.q),
      type: str(query.type),
      page: pageOf(query.page),
    });
    this.pages.send(req, res, 'registry/units', 'Đơn vị thành viên', {
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
    const values = submitted(body);
    await this.pages.act(req, res, {
      values,
      run: async () =>
        this.units.create(await validateForm(CreateUnitDto, createUnitPlain(values))),
      then: (u) => ({ to: `/web/units/${u.id}`, notice: 'created' }),
      again: (form, status) => this.renderUnitForm(req, res, null, form, status),
    });
  }

  @Get('units/:unitId')
  @Permission('unit.read', { unit: 'unitId' })
  async unit(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('unitId', IdPipe) unitId: number,
  ) {
    const model = await this.models.unit(unitId);
    this.pages.send(
      req,
      res,
      'registry/unit',
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
    const values = submitted(body);
    await this.pages.act(req, res, {
      values,
      run: async () =>
        this.units.update(unitId, await validateForm(UpdateUnitDto, updateUnitPlain(values))),
      then: () => ({ to: `/web/units/${unitId}`, notice: 'saved' }),
      again: (form, status) => this.renderUnitForm(req, res, unitId, form, status),
    });
  }

  @Get('blocs')
  @Permission('registry.read')
  async blocList(@Req() req: WebRequest, @Res() res: Response) {
    const model = await this.models.blocList();
    this.pages.send(req, res, 'registry/blocs', 'Khối, cụm thi đua', model);
  }

  @Get('blocs/:id')
  @Permission('registry.read', { bloc: 'id' })
  async bloc(@Req() req: WebRequest, @Res() res: Response, @Param('id', IdPipe) id: number) {
    const model = await this.models.bloc(id, req.auth!);
    this.pages.send(req, res, 'registry/bloc', model.bloc.name, model, { breadcrumbs: [BLOCS] });
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
    const values = submitted(body);
    await this.pages.act(req, res, {
      values,
      run: async () => {
        const dto = await validateForm(CreateTermDto, {
          year: field.int(values.year),
          ...termBody(values),
        });
        await this.blocs.createTerm(id, dto);
        return dto.year;
      },
      then: (year) => ({ to: `/web/blocs/${id}#nam-${year}`, notice: 'created' }),
      again: (form, status) => this.renderTermForm(req, res, id, null, form, status),
    });
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
    const values = submitted(body);
    await this.pages.act(req, res, {
      values,
      run: async () =>
        this.blocs.updateTerm(
          id,
          year,
          await validateForm(UpdateTermDto, {
            version: field.int(values.version),
            ...termBody(values),
          }),
        ),
      then: () => ({ to: `/web/blocs/${id}#nam-${year}`, notice: 'saved' }),
      again: (form, status) => this.renderTermForm(req, res, id, year, form, status),
    });
  }

  private async renderUnitForm(
    req: WebRequest,
    res: Response,
    unitId: number | null,
    form: FormState,
    status: number,
  ) {
    const model = await this.models.unitForm(unitId, form);
    const unit = model.unit;
    this.pages.send(
      req,
      res,
      'registry/unit-form',
      unit ? `Sửa đơn vị: ${unit.fullName}` : 'Thêm đơn vị',
      model,
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
    const model = await this.models.termForm(blocId, year, form);
    const title = model.term
      ? `Sửa danh sách năm ${model.term.year}: ${model.bloc.name}`
      : `Thêm năm thi đua: ${model.bloc.name}`;
    this.pages.send(req, res, 'registry/term-form', title, model, {
      status,
      breadcrumbs: [BLOCS, { href: `/web/blocs/${blocId}`, label: model.bloc.name }],
    });
  }
}
