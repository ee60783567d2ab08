import { ApiDoc } from '../common/http/api-doc';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { Permission } from '../common/http/permission.decorator';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IdPipe } from '../common/http/id-param.pipe';
import { YearPipe } from '../common/http/year.pipe';
import { CriteriaService } from './criteria.service';
import {
  CreateCriteriaSetDto,
  CriteriaSetDto,
  CriteriaSetSummaryDto,
  LockCriteriaSetDto,
  UpdateCriteriaSetDto,
} from './dto/criteria.dto';

@ApiTags('Bộ tiêu chí thi đua (criteria sets)')
@Controller()
export class CriteriaController {
  constructor(private readonly criteria: CriteriaService) {}

  @Permission('term.read', { bloc: 'id' })
  @ApiDoc('Các phiên bản bộ tiêu chí của năm')
  @Get('blocs/:id/terms/:year/criteria-sets')
  @ApiOkResponse({ type: [CriteriaSetSummaryDto] })
  list(@Param('id', IdPipe) id: number, @Param('year', YearPipe) year: number) {
    return this.criteria.list(id, year);
  }

  @ApiDoc('Bộ tiêu chí hiện hành của năm')
  @Get('blocs/:id/terms/:year/criteria-sets/current')
  @ApiOkResponse({
    type: CriteriaSetDto,
    description: 'Bộ đã ký giao ước, hoặc bản dự thảo nếu chưa ký',
  })
  @Permission('term.read', { bloc: 'id' })
  current(@Param('id', IdPipe) id: number, @Param('year', YearPipe) year: number) {
    return this.criteria.current(id, year);
  }

  @Permission('criteria.write', { bloc: 'id' })
  @ApiDoc('Lập phiên bản bộ tiêu chí của năm')
  @Post('blocs/:id/terms/:year/criteria-sets')
  @ApiCreatedResponse({ type: CriteriaSetDto })
  create(
    @Param('id', IdPipe) id: number,
    @Param('year', YearPipe) year: number,
    @Body() dto: CreateCriteriaSetDto,
  ) {
    return this.criteria.create(id, year, dto);
  }

  @Permission('term.read', { criteriaSet: 'setId' })
  @ApiDoc('Một phiên bản bộ tiêu chí')
  @Get('criteria-sets/:setId')
  @ApiOkResponse({ type: CriteriaSetDto })
  get(@Param('setId', IdPipe) setId: number) {
    return this.criteria.get(setId);
  }

  @Permission('criteria.write', { criteriaSet: 'setId' })
  @ApiDoc('Sửa phiên bản bộ tiêu chí')
  @Put('criteria-sets/:setId')
  @ApiOkResponse({ type: CriteriaSetDto })
  update(@Param('setId', IdPipe) setId: number, @Body() dto: UpdateCriteriaSetDto) {
    return this.criteria.update(setId, dto);
  }

  @Permission('criteria.write', { criteriaSet: 'setId' })
  @ApiDoc('Khóa bộ tiêu chí khi ký giao ước thi đua')
  @Post('criteria-sets/:setId/lock')
  @HttpCode(200)
  @ApiOkResponse({ type: CriteriaSetDto, description: 'Ký kết giao ước: khóa bộ tiêu chí' })
  lock(@Param('setId', IdPipe) setId: number, @Body() dto: LockCriteriaSetDto) {
    return this.criteria.lock(setId, dto);
  }

  @Permission('criteria.write', { criteriaSet: 'setId' })
  @ApiDoc('Xóa phiên bản bộ tiêu chí')
  @Delete('criteria-sets/:setId')
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@Param('setId', IdPipe) setId: number) {
    return this.criteria.remove(setId);
  }
}
