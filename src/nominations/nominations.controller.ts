import { ApiDoc, ApiFile, MIME } from '../common/http/api-doc';
import { Permission } from '../common/http/permission.decorator';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { attachment } from '../common/http/content-disposition';
import { IdPipe } from '../common/http/id-param.pipe';
import { uploadOptions } from '../common/http/upload';
import { YearPipe } from '../common/http/year.pipe';
import {
  CouncilVoteDto,
  CreateNominationDto,
  DecisionDto,
  NominationDto,
  ProvinceNominationsQueryDto,
  TransitionNominationDto,
  UpdateNominationDto,
} from './dto/nomination.dto';
import {
  NominationSuggestionsDto,
  ProvinceNominationsDto,
  ProvinceNominationsFullDto,
} from './dto/nomination-view.dto';
import { NominationReportsService, REPORT_MAX_BYTES } from './nomination-reports.service';
import { NominationWorkflowService } from './nomination-workflow.service';
import { NominationsService } from './nominations.service';
import { ProvinceStageService } from './province-stage.service';

@ApiTags('Đề nghị khen thưởng (nominations)')
@Controller()
export class NominationsController {
  constructor(
    private readonly nominations: NominationsService,
    private readonly workflow: NominationWorkflowService,
    private readonly reports: NominationReportsService,
    private readonly provinceStage: ProvinceStageService,
  ) {}

  @Permission('term.read', { bloc: 'id' })
  @ApiDoc('Hồ sơ đề nghị khen thưởng của khối trong năm')
  @Get('blocs/:id/terms/:year/nominations')
  @ApiOkResponse({ type: [NominationDto] })
  list(@Param('id', IdPipe) id: number, @Param('year', YearPipe) year: number) {
    return this.nominations.listForTerm(id, year);
  }

  @ApiDoc('Gợi ý đề nghị khen thưởng của năm')
  @Get('blocs/:id/terms/:year/nomination-suggestions')
  @ApiOkResponse({
    type: NominationSuggestionsDto,
    description: 'Gợi ý đề nghị theo xếp hạng và chỉ tiêu, kèm kết quả kiểm tra quy định',
  })
  @Permission('term.read', { bloc: 'id' })
  suggest(@Param('id', IdPipe) id: number, @Param('year', YearPipe) year: number) {
    return this.nominations.suggest(id, year);
  }

  @Permission('nominations.write', { bloc: 'id' })
  @ApiDoc('Lập hồ sơ đề nghị khen thưởng (kiểm tra các điều kiện)')
  @Post('blocs/:id/terms/:year/nominations')
  @ApiCreatedResponse({ type: NominationDto })
  create(
    @Param('id', IdPipe) id: number,
    @Param('year', YearPipe) year: number,
    @Body() dto: CreateNominationDto,
  ) {
    return this.nominations.create(id, year, dto);
  }

  @Permission('term.read', { nomination: 'nid' })
  @ApiDoc('Một hồ sơ đề nghị khen thưởng và kết quả kiểm tra điều kiện')
  @Get('nominations/:nid')
  @ApiOkResponse({ type: NominationDto })
  get(@Param('nid', IdPipe) nid: number) {
    return this.nominations.get(nid);
  }

  @Permission('nominations.write', { nomination: 'nid' })
  @ApiDoc('Sửa hồ sơ đề nghị khen thưởng ở trạng thái dự thảo')
  @Put('nominations/:nid')
  @ApiOkResponse({ type: NominationDto })
  update(@Param('nid', IdPipe) nid: number, @Body() dto: UpdateNominationDto) {
    return this.nominations.update(nid, dto);
  }

  @Permission('nominations.write', { nomination: 'nid' })
  @ApiDoc('Chuyển trạng thái hồ sơ đề nghị khen thưởng')
  @Post('nominations/:nid/transitions')
  @HttpCode(200)
  @ApiOkResponse({ type: NominationDto })
  transition(@Param('nid', IdPipe) nid: number, @Body() dto: TransitionNominationDto) {
    return this.workflow.transition(nid, dto);
  }

  @ApiDoc('Ghi kết quả biểu quyết của Hội đồng Thi đua - Khen thưởng')
  @Post('nominations/:nid/council-vote')
  @HttpCode(200)
  @ApiOkResponse({
    type: NominationDto,
    description: 'Ghi kết quả biểu quyết của Hội đồng TĐKT tỉnh',
  })
  @Permission('province.manage', { nomination: 'nid' })
  councilVote(@Param('nid', IdPipe) nid: number, @Body() dto: CouncilVoteDto) {
    return this.workflow.councilVote(nid, dto);
  }

  @Permission('province.manage', { nomination: 'nid' })
  @ApiDoc('Ghi quyết định khen thưởng (số, ngày, cấp quyết định)')
  @Post('nominations/:nid/decision')
  @HttpCode(200)
  @ApiOkResponse({ type: NominationDto, description: 'Ghi quyết định khen thưởng' })
  decide(@Param('nid', IdPipe) nid: number, @Body() dto: DecisionDto) {
    return this.workflow.decide(nid, dto);
  }

  @ApiDoc('Tải lên báo cáo thành tích (Mẫu 02)')
  @Post('nominations/:nid/report')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
  })
  @Permission('nominations.report', { nomination: 'nid' })
  @ApiCreatedResponse({
    type: NominationDto,
    description: 'Hồ sơ kèm báo cáo thành tích đã tải lên',
  })
  @UseInterceptors(FileInterceptor('file', uploadOptions(REPORT_MAX_BYTES)))
  addReport(
    @Param('nid', IdPipe) nid: number,
    @UploadedFile() file: { originalname: string; buffer: Buffer } | undefined,
  ) {
    return this.reports.addReport(nid, file);
  }

  @Permission('term.read', { nomination: 'nid' })
  @ApiDoc('Tải báo cáo thành tích của hồ sơ')
  @Get('nominations/:nid/report/:rid')
  @ApiFile([MIME.PDF, MIME.DOCX], 'Báo cáo thành tích (PDF hoặc Word) như đã tải lên')
  async report(
    @Param('nid', IdPipe) nid: number,
    @Param('rid', IdPipe) rid: number,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const f = await this.reports.report(nid, rid);
    res.setHeader('Content-Type', f.mimeType);
    res.setHeader('Content-Disposition', attachment(f.fileName));
    return new StreamableFile(f.content);
  }

  @ApiDoc('Hồ sơ đề nghị khen thưởng của tỉnh trong năm (giai đoạn cấp tỉnh)')
  @Get('provinces/:id/nominations')
  @ApiExtraModels(ProvinceNominationsDto, ProvinceNominationsFullDto)
  @ApiOkResponse({
    schema: {
      oneOf: [
        { $ref: getSchemaPath(ProvinceNominationsDto) },
        { $ref: getSchemaPath(ProvinceNominationsFullDto) },
      ],
    },
    description:
      'Giai đoạn tỉnh: đề nghị của mọi khối trong năm, so với trần toàn tỉnh (danh sách gọn; ?detail=full: đầy đủ)',
  })
  @Permission('province.manage')
  provinceYear(@Param('id', IdPipe) id: number, @Query() q: ProvinceNominationsQueryDto) {
    return q.detail === 'full'
      ? this.provinceStage.provinceYear(id, q.year)
      : this.provinceStage.provinceYearCompact(id, q.year);
  }
}
