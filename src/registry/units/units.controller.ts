import { ApiDoc } from '../../common/http/api-doc';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { Permission } from '../../common/http/permission.decorator';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IdPipe } from '../../common/http/id-param.pipe';
import {
  CreateLineageDto,
  CreateUnitDto,
  ListUnitsQueryDto,
  UnitDetailDto,
  UnitDto,
  UnitPageDto,
  UpdateUnitDto,
} from './dto/unit.dto';
import { UnitsService } from './units.service';

@ApiTags('Đơn vị thành viên (units)')
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Permission('registry.read')
  @ApiDoc('Danh sách đơn vị')
  @Get()
  @ApiOkResponse({ type: UnitPageDto })
  list(@Query() q: ListUnitsQueryDto) {
    return this.units.list(q);
  }

  @Permission('registry.read', { unit: 'id' })
  @ApiDoc('Một đơn vị')
  @Get(':id')
  @ApiOkResponse({ type: UnitDetailDto })
  get(@Param('id', IdPipe) id: number) {
    return this.units.get(id);
  }

  @Permission('registry.write')
  @ApiDoc('Thêm đơn vị')
  @Post()
  @ApiCreatedResponse({ type: UnitDto })
  create(@Body() dto: CreateUnitDto) {
    return this.units.create(dto);
  }

  @Permission('registry.write', { unit: 'id' })
  @ApiDoc('Sửa đơn vị')
  @Patch(':id')
  @ApiOkResponse({ type: UnitDto })
  update(@Param('id', IdPipe) id: number, @Body() dto: UpdateUnitDto) {
    return this.units.update(id, dto);
  }

  @Permission('registry.write', { unit: 'id' })
  @ApiDoc('Xóa đơn vị')
  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@Param('id', IdPipe) id: number) {
    return this.units.remove(id);
  }

  @Permission('registry.write', { unit: 'id' })
  @ApiDoc('Ghi đơn vị kế thừa (sáp nhập, chia tách, đổi tên)')
  @Post(':id/successors')
  @ApiCreatedResponse({ type: UnitDetailDto })
  addSuccessor(@Param('id', IdPipe) id: number, @Body() dto: CreateLineageDto) {
    return this.units.addSuccessor(id, dto);
  }
}
