import { ApiDoc } from '../../common/http/api-doc';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { Permission } from '../../common/http/permission.decorator';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Query } from '@nestjs/common';
import { IdPipe } from '../../common/http/id-param.pipe';
import { YearPipe } from '../../common/http/year.pipe';
import { BlocsService } from './blocs.service';
import {
  BlocDto,
  BlocPageDto,
  CreateBlocDto,
  CreateTermDto,
  ListBlocsQueryDto,
  TermDto,
  UpdateBlocDto,
  UpdateTermDto,
} from './dto/bloc.dto';

@ApiTags('Khối, cụm thi đua (blocs)')
@Controller('blocs')
export class BlocsController {
  constructor(private readonly blocs: BlocsService) {}

  @Permission('registry.read')
  @ApiDoc('Danh sách khối, cụm thi đua')
  @Get()
  @ApiOkResponse({ type: BlocPageDto })
  list(@Query() q: ListBlocsQueryDto) {
    return this.blocs.list(q);
  }

  @Permission('registry.read', { bloc: 'id' })
  @ApiDoc('Một khối, cụm thi đua')
  @Get(':id')
  @ApiOkResponse({ type: BlocDto })
  get(@Param('id', IdPipe) id: number) {
    return this.blocs.get(id);
  }

  @Permission('registry.write')
  @ApiDoc('Thêm khối, cụm thi đua')
  @Post()
  @ApiCreatedResponse({ type: BlocDto })
  create(@Body() dto: CreateBlocDto) {
    return this.blocs.create(dto);
  }

  @Permission('registry.write', { bloc: 'id' })
  @ApiDoc('Sửa khối, cụm thi đua')
  @Patch(':id')
  @ApiOkResponse({ type: BlocDto })
  update(@Param('id', IdPipe) id: number, @Body() dto: UpdateBlocDto) {
    return this.blocs.update(id, dto);
  }

  @Permission('registry.write', { bloc: 'id' })
  @ApiDoc('Xóa khối, cụm thi đua')
  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@Param('id', IdPipe) id: number) {
    return this.blocs.remove(id);
  }

  @Permission('registry.read', { bloc: 'id' })
  @ApiDoc('Các năm hoạt động của khối')
  @Get(':id/terms')
  @ApiOkResponse({ type: [TermDto] })
  listTerms(@Param('id', IdPipe) id: number) {
    return this.blocs.listTerms(id);
  }

  @Permission('registry.read', { bloc: 'id' })
  @ApiDoc('Một năm hoạt động của khối')
  @Get(':id/terms/:year')
  @ApiOkResponse({ type: TermDto })
  getTerm(@Param('id', IdPipe) id: number, @Param('year', YearPipe) year: number) {
    return this.blocs.getTerm(id, year);
  }

  @Permission('registry.write', { bloc: 'id' })
  @ApiDoc('Lập năm hoạt động của khối (thành viên, trưởng, phó khối)')
  @Post(':id/terms')
  @ApiCreatedResponse({ type: TermDto })
  createTerm(@Param('id', IdPipe) id: number, @Body() dto: CreateTermDto) {
    return this.blocs.createTerm(id, dto);
  }

  @Permission('registry.write', { bloc: 'id' })
  @ApiDoc('Sửa năm hoạt động của khối')
  @Put(':id/terms/:year')
  @ApiOkResponse({ type: TermDto })
  updateTerm(
    @Param('id', IdPipe) id: number,
    @Param('year', YearPipe) year: number,
    @Body() dto: UpdateTermDto,
  ) {
    return this.blocs.updateTerm(id, year, dto);
  }
}
