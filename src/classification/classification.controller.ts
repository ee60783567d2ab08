import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiDoc } from '../common/http/api-doc';
import { Permission } from '../common/http/permission.decorator';
import { IdPipe } from '../common/http/id-param.pipe';
import { YearPipe } from '../common/http/year.pipe';
import { ClassificationService } from './classification.service';
import {
  ClassificationDto,
  ClassificationVoteDto,
  DeriveClassificationDto,
  SaveClassificationSchemeDto,
} from './dto/classification.dto';

@ApiTags('Xếp loại thi đua của năm')
@Controller('blocs/:id/terms/:year/classification')
export class ClassificationController {
  constructor(private readonly classification: ClassificationService) {}

  @Permission('term.read', { bloc: 'id' })
  @ApiDoc('Xếp loại thi đua của các đơn vị trong năm: thang xếp loại và kết quả')
  @Get()
  @ApiOkResponse({ type: ClassificationDto })
  get(@Param('id', IdPipe) id: number, @Param('year', YearPipe) year: number) {
    return this.classification.get(id, year);
  }

  @Permission('scoring.manage', { bloc: 'id' })
  @ApiDoc('Đặt thang xếp loại thi đua của năm (các mức, cách xác định, ngưỡng điểm)')
  @Put('scheme')
  @ApiOkResponse({ type: ClassificationDto })
  saveScheme(
    @Param('id', IdPipe) id: number,
    @Param('year', YearPipe) year: number,
    @Body() dto: SaveClassificationSchemeDto,
  ) {
    return this.classification.saveScheme(id, year, dto);
  }

  @Permission('scoring.manage', { bloc: 'id' })
  @ApiDoc('Xếp loại các đơn vị theo tổng điểm thống nhất và ngưỡng của thang')
  @Post('derive')
  @HttpCode(200)
  @ApiOkResponse({ type: ClassificationDto })
  derive(
    @Param('id', IdPipe) id: number,
    @Param('year', YearPipe) year: number,
    @Body() dto: DeriveClassificationDto,
  ) {
    return this.classification.derive(id, year, dto);
  }

  @Permission('meetings.write', { bloc: 'id' })
  @ApiDoc('Ghi kết quả biểu quyết xếp loại của hội nghị cho một mức')
  @Post('votes')
  @HttpCode(200)
  @ApiOkResponse({ type: ClassificationDto })
  vote(
    @Param('id', IdPipe) id: number,
    @Param('year', YearPipe) year: number,
    @Body() dto: ClassificationVoteDto,
  ) {
    return this.classification.vote(id, year, dto);
  }
}
