import { ApiDoc } from '../../common/http/api-doc';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { Permission } from '../../common/http/permission.decorator';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IdPipe } from '../../common/http/id-param.pipe';
import {
  CreateProvinceDto,
  ListProvincesQueryDto,
  ProvinceDto,
  UpdateProvinceDto,
} from './dto/province.dto';
import { ProvincesService } from './provinces.service';

@ApiTags('Tỉnh (provinces)')
@Controller('provinces')
export class ProvincesController {
  constructor(private readonly provinces: ProvincesService) {}

  @Permission('registry.read')
  @ApiDoc('Danh sách tỉnh, thành phố (lọc theo ngày hiệu lực)')
  @Get()
  @ApiOkResponse({ type: [ProvinceDto] })
  list(@Query() q: ListProvincesQueryDto) {
    return this.provinces.list(q);
  }

  @Permission('registry.read')
  @ApiDoc('Một tỉnh, thành phố')
  @Get(':id')
  @ApiOkResponse({ type: ProvinceDto })
  get(@Param('id', IdPipe) id: number) {
    return this.provinces.get(id);
  }

  @Permission('reference.write')
  @ApiDoc('Thêm tỉnh, thành phố')
  @Post()
  @ApiCreatedResponse({ type: ProvinceDto })
  create(@Body() dto: CreateProvinceDto) {
    return this.provinces.create(dto);
  }

  @Permission('reference.write')
  @ApiDoc('Sửa tỉnh, thành phố')
  @Patch(':id')
  @ApiOkResponse({ type: ProvinceDto })
  update(@Param('id', IdPipe) id: number, @Body() dto: UpdateProvinceDto) {
    return this.provinces.update(id, dto);
  }
}
