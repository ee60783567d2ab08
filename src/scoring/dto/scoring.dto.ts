import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
  IsObject,
} from 'class-validator';
import { SCORING_PHASES, type ScoringPhase } from '../../domain/scoring/phase';
import { UnitDto } from '../../registry/units/dto/unit.dto';
import { SCORE_STAGES, type ScoreStageCode } from '../score-entry.entity';

export class ScoreLineInputDto {
  @ApiProperty({ example: 'I.1' }) @IsString() @Length(1, 32) code!: string;
  @ApiProperty({
    example: 95.5,
    nullable: true,
    description: 'Điểm (đến 2 chữ số thập phân); null để xóa dòng',
  })
  @ValidateIf((o: ScoreLineInputDto) => o.value !== null)
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100000)
  value!: number | null;
  @ApiPropertyOptional({
    description: 'Lý do khi khác giai đoạn trước',
    example: 'Điều chỉnh theo số liệu thống kê chính thức năm 2023',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
  @ApiPropertyOptional({
    description: 'Phiên bản của dòng đang sửa (bắt buộc khi dòng đã có)',
    example: 1,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class EnterScoresDto {
  @ApiProperty({ type: [ScoreLineInputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ScoreLineInputDto)
  lines!: ScoreLineInputDto[];
}

export class AdvancePhaseDto {
  @ApiProperty({ enum: SCORING_PHASES, example: 'REVIEW' }) @IsIn(SCORING_PHASES) to!: ScoringPhase;
  @ApiPropertyOptional({ example: 'Các đơn vị đã nộp đủ bảng tự chấm' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class DrawNumberDto {
  @ApiProperty({ example: 5 }) @IsInt() @Min(1) unitId!: number;
  @ApiProperty({ nullable: true, example: 3 })
  @ValidateIf((o: DrawNumberDto) => o.drawNumber !== null)
  @IsInt()
  @Min(1)
  @Max(1000)
  drawNumber!: number | null;
}

export class SetDrawNumbersDto {
  @ApiProperty({ type: [DrawNumberDto] })
  @IsArray()
  @ArrayMaxSize(500)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => DrawNumberDto)
  draws!: DrawNumberDto[];
}

export class EvidenceNoteDto {
  @ApiProperty({ example: 'Báo cáo số 125/BC-UBND ngày 15/12/2023 của UBND huyện Cẩm Giàng' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note!: string;
}

/** A note or a file attached to a unit's score line (minh chứng). */
export class EvidenceDto {
  @ApiProperty({ example: 7 }) id!: number;
  @ApiProperty({ example: 5 }) unitId!: number;
  @ApiProperty({ example: 'I.1' }) itemCode!: string;
  @ApiProperty({ enum: ['NOTE', 'FILE'], example: 'FILE' }) kind!: 'NOTE' | 'FILE';
  @ApiProperty({ nullable: true, type: String, example: null }) note!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'bao-cao-grdp-2023.pdf' })
  fileName!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'application/pdf' })
  mimeType!: string | null;
  @ApiProperty({ nullable: true, type: Number, example: 245760 }) sizeBytes!: number | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  })
  sha256!: string | null;
  @ApiProperty({ example: '2023-12-15T03:20:00.000Z' }) createdAt!: string;
}

export class StageQueryDto {
  @ApiPropertyOptional({ enum: SCORE_STAGES, default: 'AGREED' })
  @IsOptional()
  @IsIn(SCORE_STAGES)
  stage?: ScoreStageCode;
}

export class ScoreLineDto {
  @ApiProperty({ example: 'I.1' }) code!: string;
  @ApiProperty({ example: 98.5 }) value!: number;
  @ApiProperty({ example: '98,5' }) valueText!: string;
  @ApiProperty({ nullable: true, type: String, example: null }) reason!: string | null;
  @ApiProperty({ example: 1 }) version!: number;
}

export class FindingDto {
  @ApiProperty({ example: 'BONUS_TOTAL_CAPPED' }) code!: string;
  @ApiProperty({ enum: ['error', 'warning'], example: 'warning' }) severity!: string;
  @ApiProperty({
    example: 'Tổng điểm cộng là 55, vượt mức cộng tối đa 50; chỉ được tính 50 điểm.',
  })
  message!: string;
  @ApiPropertyOptional({ example: 'lines' }) field?: string;
}

export class TotalsDto {
  @ApiProperty({ example: 955 }) grandTotal!: number;
  @ApiProperty({ example: '955' }) grandTotalText!: string;
  @ApiProperty({ example: 955 }) criteriaTotal!: number;
  @ApiProperty({ example: 0 }) bonusTotal!: number;
  @ApiProperty({ example: 0 }) penaltyTotal!: number;
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: 'Điểm từng nhóm tiêu chí và điểm tối đa của nhóm',
    example: [
      { groupCode: 'I', subtotal: 384, maxPoints: 400 },
      { groupCode: 'II', subtotal: 184.5, maxPoints: 200 },
      { groupCode: 'III', subtotal: 145.5, maxPoints: 150 },
      { groupCode: 'IV', subtotal: 145.5, maxPoints: 150 },
      { groupCode: 'V', subtotal: 95.5, maxPoints: 100 },
    ],
  })
  groups!: {
    groupCode: string;
    subtotal: number;
    maxPoints: number;
  }[];
}

export class ScoreSheetDto {
  @ApiProperty({ type: UnitDto }) unit!: UnitDto;
  @ApiProperty({ enum: SCORE_STAGES, example: 'AGREED' }) stage!: ScoreStageCode;
  @ApiProperty({ enum: ['OPEN', 'NOT_YET_OPEN', 'CLOSED'], example: 'OPEN' }) stageStatus!: string;
  @ApiProperty({ type: [ScoreLineDto] }) lines!: ScoreLineDto[];
  @ApiProperty({ type: [String], description: 'Tiêu chí chưa có điểm', example: [] })
  missing!: string[];
  @ApiProperty({ type: TotalsDto, nullable: true }) totals!: TotalsDto | null;
  @ApiProperty({ type: [FindingDto] }) warnings!: FindingDto[];
}

export class PhaseDto {
  @ApiProperty({ enum: SCORING_PHASES, example: 'AGREED' }) phase!: ScoringPhase;
  @ApiProperty({ example: 'thống nhất điểm' }) label!: string;
  @ApiProperty({ enum: SCORING_PHASES, isArray: true, example: ['CLOSED'] })
  allowedTransitions!: ScoringPhase[];
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: 'Các lần chuyển giai đoạn, cũ trước',
    example: [
      { from: 'NOT_STARTED', to: 'SELF', reason: null, at: '2023-12-01T02:00:00.000Z' },
      { from: 'SELF', to: 'REVIEW', reason: null, at: '2024-01-10T02:00:00.000Z' },
      { from: 'REVIEW', to: 'AGREED', reason: null, at: '2024-02-20T02:00:00.000Z' },
    ],
  })
  history!: {
    from: string;
    to: string;
    reason: string | null;
    at: string;
  }[];
}

export class RankingClassificationDto {
  @ApiProperty({ description: '1 = mức cao nhất', example: 1 }) rank!: number;
  @ApiProperty({ example: 'Hoàn thành xuất sắc nhiệm vụ' }) label!: string;
  @ApiProperty({
    description: 'Căn cứ xếp loại, bằng lời',
    example: 'Tổng điểm thống nhất 968 ≥ ngưỡng 950 điểm',
  })
  basisText!: string;
}

export class RankingEntryDto {
  @ApiProperty({ description: 'Thứ tự trên bảng', example: 1 }) position!: number;
  @ApiProperty({ description: 'Hạng (đồng hạng khi chưa phân định được)', example: 1 })
  rank!: number;
  @ApiProperty({ type: UnitDto }) unit!: UnitDto;
  @ApiProperty({ type: TotalsDto }) totals!: TotalsDto;
  @ApiProperty({ example: true }) isLeader!: boolean;
  @ApiProperty({ example: false }) unresolvedTie!: boolean;
  @ApiProperty({ nullable: true, type: String, example: null }) tieBreakExplanation!: string | null;
  @ApiProperty({ nullable: true, type: Number, example: null }) drawNumber!: number | null;
  @ApiProperty({
    type: RankingClassificationDto,
    nullable: true,
    description: 'Xếp loại thi đua của năm, nếu đã có',
  })
  classification!: RankingClassificationDto | null;
}

export class RankingDto {
  @ApiProperty({ example: 1 }) blocId!: number;
  @ApiProperty({ example: 2023 }) year!: number;
  @ApiProperty({ enum: SCORING_PHASES, example: 'CLOSED' }) phase!: ScoringPhase;
  @ApiProperty({ description: 'Điểm đã chốt (giai đoạn CLOSED)', example: true }) final!: boolean;
  @ApiProperty({ description: 'Mọi đơn vị đã có điểm thống nhất', example: true })
  complete!: boolean;
  @ApiProperty({
    description: 'Giải thích bằng lời về tình trạng bảng xếp hạng',
    example: 'Điểm đã chốt; đơn vị dẫn đầu: thành phố Hải Dương.',
  })
  statusText!: string;
  @ApiProperty({ type: UnitDto, nullable: true }) leader!: UnitDto | null;
  @ApiProperty({
    type: [String],
    description: 'Thứ tự phân định khi bằng điểm',
    example: [
      'Tổng điểm cao hơn xếp trên',
      'Bằng điểm: điểm nhóm I (Phát triển kinh tế (tăng trưởng, thu ngân sách, đầu tư, nông thôn mới)) cao hơn xếp trên',
      'Bằng điểm: bị trừ ít điểm hơn xếp trên',
      'Bằng điểm: số bốc thăm tại hội nghị nhỏ hơn xếp trên',
      'Vẫn bằng nhau: đồng hạng, ghi rõ "chưa phân định được"',
    ],
  })
  tieBreakRules!: string[];
  @ApiProperty({ type: [RankingEntryDto] }) entries!: RankingEntryDto[];
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: 'Đơn vị còn thiếu điểm thống nhất (đơn vị và các tiêu chí thiếu)',
    example: [],
  })
  incompleteUnits!: {
    unit: UnitDto;
    missingCriteria: string[];
  }[];
  @ApiProperty({ description: 'Phiên bản bộ tiêu chí đã ký', example: 1 })
  criteriaSetVersion!: number;
}

/** A column of the sheet: a criterion, bonus or penalty item. */
export class ImportItemDto {
  @ApiProperty({ example: 'I.1' }) code!: string;
  @ApiProperty({ example: 'Tăng trưởng kinh tế (GRDP)' }) title!: string;
}

/** One value of a unit row of the sheet, with the item it scores. */
export class ImportValueDto {
  @ApiProperty({ example: 'I.1' }) code!: string;
  @ApiProperty({ example: 'Tăng trưởng kinh tế (GRDP)' }) title!: string;
  @ApiProperty({ example: 96.5 }) value!: number;
  @ApiProperty({ example: '96,5' }) valueText!: string;
}

/** A value the import would add (before null), change, or remove (after null: the cell was emptied). */
export class ImportValueChangeDto {
  @ApiProperty({ example: 'I.1' }) code!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: Number }) before!: number | null;
  @ApiProperty({ nullable: true, type: String }) beforeText!: string | null;
  @ApiProperty({ nullable: true, type: Number }) after!: number | null;
  @ApiProperty({ nullable: true, type: String }) afterText!: string | null;
}

/** A unit's total (src/domain/scoring/totals.ts), or why none can be given. */
export class ImportTotalDto {
  @ApiProperty({ nullable: true, type: Number, example: 968 }) grandTotal!: number | null;
  @ApiProperty({ nullable: true, type: String, example: '968' }) grandTotalText!: string | null;
  @ApiProperty({ type: [String], description: 'Tiêu chí chưa có điểm (không tính được tổng)' })
  missingCriteria!: string[];
}

export class ImportRowDto {
  @ApiProperty({ description: 'Số dòng trong Excel' }) rowNumber!: number;
  @ApiProperty() unitCode!: string;
  @ApiProperty({ nullable: true, type: Number }) unitId!: number | null;
  @ApiProperty({ nullable: true, type: String, example: 'huyện Kim Thành' })
  unitName!: string | null;
  @ApiProperty({ type: [ImportValueDto], description: 'Các điểm của dòng, theo thứ tự cột' })
  values!: ImportValueDto[];
  @ApiProperty({ description: 'Số điểm sẽ ghi: thêm + sửa + xóa' }) changes!: number;
  @ApiProperty({ description: 'Điểm mới (chưa có trong dữ liệu)' }) added!: number;
  @ApiProperty({ description: 'Điểm sửa (khác điểm đang lưu)' }) changed!: number;
  @ApiProperty({ description: 'Điểm xóa (ô để trống, đang có điểm)' }) removed!: number;
  @ApiProperty({ description: 'Điểm giữ nguyên' }) unchanged!: number;
  @ApiProperty({ type: [ImportValueChangeDto] }) valueChanges!: ImportValueChangeDto[];
  @ApiProperty({ type: ImportTotalDto, nullable: true, description: 'Tổng điểm đang lưu' })
  totalBefore!: ImportTotalDto | null;
  @ApiProperty({ type: ImportTotalDto, nullable: true, description: 'Tổng điểm sau khi nhập' })
  totalAfter!: ImportTotalDto | null;
  @ApiProperty({ type: [FindingDto] }) errors!: FindingDto[];
}

export class ImportReportDto {
  @ApiProperty() ok!: boolean;
  @ApiProperty({ description: 'Số dòng đơn vị đọc được trong tệp' }) unitRows!: number;
  @ApiProperty({
    description:
      'Số điểm sẽ ghi (xem trước) hoặc đã ghi (nhập): thêm + sửa + xóa; 0 khi tệp bị từ chối',
  })
  linesToWrite!: number;
  @ApiProperty() linesAdded!: number;
  @ApiProperty() linesChanged!: number;
  @ApiProperty() linesRemoved!: number;
  @ApiProperty() linesUnchanged!: number;
  @ApiProperty() unitsAffected!: number;
  @ApiProperty({ type: [FindingDto] }) fileErrors!: FindingDto[];
  @ApiProperty({ type: [ImportItemDto], description: 'Các cột điểm của bộ tiêu chí, theo thứ tự' })
  items!: ImportItemDto[];
  @ApiProperty({ type: [ImportRowDto] }) rows!: ImportRowDto[];
  @ApiProperty() saved!: boolean;
}
