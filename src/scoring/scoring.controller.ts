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
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { attachment } from '../common/http/content-disposition';
import { uploadOptions } from '../common/http/upload';
import { IdPipe } from '../common/http/id-param.pipe';
import { YearPipe } from '../common/http/year.pipe';
import {
  AdvancePhaseDto,
  EnterScoresDto,
  EvidenceDto,
  EvidenceNoteDto,
  ImportReportDto,
  PhaseDto,
  RankingDto,
  ScoreSheetDto,
  SetDrawNumbersDto,
  StageQueryDto,
} from './dto/scoring.dto';
import { EVIDENCE_MAX_BYTES, EvidenceService } from './evidence.service';
import { SCORE_SHEET_MAX_BYTES, ScoreSheetService } from './score-sheet.service';
import type { ScoreStageCode } from './score-entry.entity';
import { RankingService } from './ranking.service';
import { ScoreLinesService } from './score-lines.service';
import { ScoringPhasesService } from './scoring-phases.service';
import { StagePipe } from './stage.pipe';

const FILE_BODY = {
  schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
};

@ApiTags('Chấm điểm, xếp hạng (scoring)')
@Controller('blocs/:id/terms/:year')
export class ScoringController {
  constructor(
    private readonly phases: ScoringPhasesService,
    private readonly lines: ScoreLinesService,
    private readonly rankings: RankingService,
    private readonly evidence: EvidenceService,
    private readonly sheets: ScoreSheetService,
  ) {}

  @ApiDoc('Tải bảng chấm điểm Excel của năm')
  @Get('score-sheet.xlsx')
  @ApiFile(MIME.XLSX, 'Bảng điểm Excel (đơn vị × tiêu chí, điểm tối đa, công thức tổng)')
  // Every member's scores at any stage (self-scoring included): for those who run the scoring, not
  // for a unit's representative, who reads only their own unit's sheet.
  @Permission('scoring.manage', { bloc: 'id' })
  async exportSheet(
    @Param('id', IdPipe) id: number,
    @Param('year', YearPipe) year: number,
    @Query() q: StageQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const f = await this.sheets.export(id, year, q.stage ?? 'AGREED');
    res.setHeader(
      'Content-Type',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    res.setHeader('Content-Disposition', attachment(f.fileName));
    return new StreamableFile(f.content);
  }

  @ApiDoc('Xem trước bảng chấm điểm Excel (không ghi gì)')
  @Post('score-sheet/preview')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @ApiOkResponse({
    type: ImportReportDto,
    description: 'Xem trước: liệt kê mọi lỗi theo dòng, chưa ghi gì',
  })
  @Permission('scores.review.write', { bloc: 'id' })
  @UseInterceptors(FileInterceptor('file', uploadOptions(SCORE_SHEET_MAX_BYTES)))
  previewSheet(
    @Param('id', IdPipe) id: number,
    @Param('year', YearPipe) year: number,
    @Query() q: StageQueryDto,
    @UploadedFile() file: { buffer: Buffer } | undefined,
  ) {
    return this.sheets.preview(id, year, q.stage ?? 'AGREED', file?.buffer);
  }

  @Permission('scores.review.write', { bloc: 'id' })
  @ApiDoc('Nhập bảng chấm điểm Excel (ghi tất cả hoặc không ghi gì)')
  @Post('score-sheet/import')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @ApiOkResponse({ type: ImportReportDto, description: 'Nhập: ghi tất cả hoặc không ghi gì' })
  @UseInterceptors(FileInterceptor('file', uploadOptions(SCORE_SHEET_MAX_BYTES)))
  importSheet(
    @Param('id', IdPipe) id: number,
    @Param('year', YearPipe) year: number,
    @Query() q: StageQueryDto,
    @UploadedFile() file: { buffer: Buffer } | undefined,
  ) {
    return this.sheets.import(id, year, q.stage ?? 'AGREED', file?.buffer);
  }

  @Permission('term.read', { bloc: 'id' })
  @ApiDoc('Giai đoạn chấm điểm của năm')
  @Get('scoring')
  @ApiOkResponse({ type: PhaseDto })
  phase(@Param('id', IdPipe) id: number, @Param('year', YearPipe) year: number) {
    return this.phases.phase(id, year);
  }

  @Permission('scoring.manage', { bloc: 'id' })
  @ApiDoc('Chuyển sang giai đoạn chấm điểm tiếp theo')
  @Post('scoring/advance')
  @HttpCode(200)
  @ApiOkResponse({ type: PhaseDto })
  advance(
    @Param('id', IdPipe) id: number,
    @Param('year', YearPipe) year: number,
    @Body() dto: AdvancePhaseDto,
  ) {
    return this.phases.advance(id, year, dto);
  }

  @Permission('term.read', { bloc: 'id' })
  @ApiDoc('Bảng xếp hạng các đơn vị theo điểm thống nhất')
  @Get('ranking')
  @ApiOkResponse({ type: RankingDto })
  ranking(@Param('id', IdPipe) id: number, @Param('year', YearPipe) year: number) {
    return this.rankings.ranking(id, year);
  }

  @Permission('scoring.manage', { bloc: 'id' })
  @ApiDoc('Ghi số bốc thăm của các đơn vị (phân định khi bằng điểm)')
  @Put('draw-numbers')
  @ApiOkResponse({ type: RankingDto })
  draws(
    @Param('id', IdPipe) id: number,
    @Param('year', YearPipe) year: number,
    @Body() dto: SetDrawNumbersDto,
  ) {
    return this.rankings.setDrawNumbers(id, year, dto);
  }

  @Permission('unit.read', { bloc: 'id', unit: 'unitId' })
  @ApiDoc('Bảng điểm của một đơn vị')
  @Get('scores/:unitId')
  @ApiOkResponse({ type: ScoreSheetDto })
  sheet(
    @Param('id', IdPipe) id: number,
    @Param('year', YearPipe) year: number,
    @Param('unitId', IdPipe) unitId: number,
    @Query() q: StageQueryDto,
  ) {
    return this.lines.sheet(id, year, unitId, q.stage ?? 'AGREED');
  }

  @Permission(
    (req) => (req.params.stage === 'SELF' ? 'scores.self.write' : 'scores.review.write'),
    { bloc: 'id', unit: 'unitId' },
  )
  @ApiDoc('Nhập điểm của một đơn vị cho một giai đoạn')
  @Put('scores/:unitId/:stage')
  @ApiOkResponse({ type: ScoreSheetDto })
  enter(
    @Param('id', IdPipe) id: number,
    @Param('year', YearPipe) year: number,
    @Param('unitId', IdPipe) unitId: number,
    @Param('stage', StagePipe) stage: ScoreStageCode,
    @Body() dto: EnterScoresDto,
  ) {
    return this.lines.enter(id, year, unitId, stage, dto);
  }

  @Permission('unit.read', { bloc: 'id', unit: 'unitId' })
  @ApiDoc('Minh chứng của một đơn vị')
  @Get('scores/:unitId/evidence')
  @ApiOkResponse({ type: [EvidenceDto] })
  listEvidence(
    @Param('id', IdPipe) id: number,
    @Param('year', YearPipe) year: number,
    @Param('unitId', IdPipe) unitId: number,
  ) {
    return this.evidence.list(id, year, unitId);
  }

  @Permission('scores.self.write', { bloc: 'id', unit: 'unitId' })
  @ApiDoc('Thêm ghi chú minh chứng cho một tiêu chí')
  @Post('scores/:unitId/evidence/:itemCode/note')
  @ApiCreatedResponse({ type: EvidenceDto })
  addNote(
    @Param('id', IdPipe) id: number,
    @Param('year', YearPipe) year: number,
    @Param('unitId', IdPipe) unitId: number,
    @Param('itemCode') itemCode: string,
    @Body() dto: EvidenceNoteDto,
  ) {
    return this.evidence.addNote(id, year, unitId, itemCode, dto.note);
  }

  @Permission('scores.self.write', { bloc: 'id', unit: 'unitId' })
  @ApiDoc('Tải lên tệp minh chứng cho một tiêu chí')
  @Post('scores/:unitId/evidence/:itemCode/file')
  @ApiCreatedResponse({ type: EvidenceDto })
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @UseInterceptors(FileInterceptor('file', uploadOptions(EVIDENCE_MAX_BYTES)))
  addFile(
    @Param('id', IdPipe) id: number,
    @Param('year', YearPipe) year: number,
    @Param('unitId', IdPipe) unitId: number,
    @Param('itemCode') itemCode: string,
    @UploadedFile() file: { originalname: string; buffer: Buffer } | undefined,
  ) {
    return this.evidence.addFile(id, year, unitId, itemCode, file);
  }

  @Permission('unit.read', { bloc: 'id', evidence: 'evidenceId' })
  @ApiDoc('Tải tệp minh chứng')
  @Get('evidence/:evidenceId/content')
  @ApiFile(
    [MIME.PDF, MIME.PNG, MIME.JPEG, MIME.DOCX, MIME.XLSX],
    'Tệp minh chứng như đã tải lên (PDF, ảnh PNG/JPEG, Word hoặc Excel; loại theo nội dung tệp)',
  )
  async evidenceContent(
    @Param('id', IdPipe) id: number,
    @Param('year', YearPipe) year: number,
    @Param('evidenceId', IdPipe) evidenceId: number,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const f = await this.evidence.download(id, year, evidenceId);
    res.setHeader('Content-Type', f.mimeType);
    res.setHeader('Content-Disposition', attachment(f.fileName));
    return new StreamableFile(f.content);
  }
}
