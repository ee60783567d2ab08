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
  @ApiPropertyOptional({ description: 'Lý do khi khác giai đoạn trước' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
  @ApiPropertyOptional({ description: 'Phiên bản của dòng đang sửa (bắt buộc khi dòng đã có)' })
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
  @ApiProperty({ enum: SCORING_PHASES }) @IsIn(SCORING_PHASES) to!: ScoringPhase;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) reason?: string;
}

export class DrawNumberDto {
  @ApiProperty() @IsInt() @Min(1) unitId!: number;
  @ApiProperty({ nullable: true })
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
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(2000) note!: string;
}

export class StageQueryDto {
  @ApiPropertyOptional({ enum: SCORE_STAGES, default: 'AGREED' })
  @IsOptional()
  @IsIn(SCORE_STAGES)
  stage?: ScoreStageCode;
}

export class ScoreLineDto {
  @ApiProperty() code!: string;
  @ApiProperty({ example: 95.5 }) value!: number;
  @ApiProperty({ example: '95,5' }) valueText!: string;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty() version!: number;
}

export class FindingDto {
  @ApiProperty() code!: string;
  @ApiProperty({ enum: ['error', 'warning'] }) severity!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional() field?: string;
}

export class TotalsDto {
  @ApiProperty({ example: 955 }) grandTotal!: number;
  @ApiProperty({ example: '955' }) grandTotalText!: string;
  @ApiProperty() criteriaTotal!: number;
  @ApiProperty() bonusTotal!: number;
  @ApiProperty() penaltyTotal!: number;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) groups!: {
    groupCode: string;
    subtotal: number;
    maxPoints: number;
  }[];
}

export class ScoreSheetDto {
  @ApiProperty({ type: UnitDto }) unit!: UnitDto;
  @ApiProperty({ enum: SCORE_STAGES }) stage!: ScoreStageCode;
  @ApiProperty({ enum: ['OPEN', 'NOT_YET_OPEN', 'CLOSED'] }) stageStatus!: string;
  @ApiProperty({ type: [ScoreLineDto] }) lines!: ScoreLineDto[];
  @ApiProperty({ type: [String], description: 'Tiêu chí chưa có điểm' }) missing!: string[];
  @ApiProperty({ type: TotalsDto, nullable: true }) totals!: TotalsDto | null;
  @ApiProperty({ type: [FindingDto] }) warnings!: FindingDto[];
}

export class PhaseDto {
  @ApiProperty({ enum: SCORING_PHASES }) phase!: ScoringPhase;
  @ApiProperty() label!: string;
  @ApiProperty({ enum: SCORING_PHASES, isArray: true }) allowedTransitions!: ScoringPhase[];
  @ApiProperty({ type: 'array', items: { type: 'object' } }) history!: {
    from: string;
    to: string;
    reason: string | null;
    at: string;
  }[];
}

export class RankingClassificationDto {
  @ApiProperty({ description: '1 = mức cao nhất' }) rank!: number;
  @ApiProperty({ example: 'Hoàn thành xuất sắc nhiệm vụ' }) label!: string;
  @ApiProperty({ description: 'Căn cứ xếp loại, bằng lời' }) basisText!: string;
}

export class RankingEntryDto {
  @ApiProperty() position!: number;
  @ApiProperty() rank!: number;
  @ApiProperty({ type: UnitDto }) unit!: UnitDto;
  @ApiProperty({ type: TotalsDto }) totals!: TotalsDto;
  @ApiProperty() isLeader!: boolean;
  @ApiProperty() unresolvedTie!: boolean;
  @ApiProperty({ nullable: true, type: String }) tieBreakExplanation!: string | null;
  @ApiProperty({ nullable: true, type: Number }) drawNumber!: number | null;
  @ApiProperty({
    type: RankingClassificationDto,
    nullable: true,
    description: 'Xếp loại thi đua của năm, nếu đã có',
  })
  classification!: RankingClassificationDto | null;
}

export class RankingDto {
  @ApiProperty() blocId!: number;
  @ApiProperty() year!: number;
  @ApiProperty({ enum: SCORING_PHASES }) phase!: ScoringPhase;
  @ApiProperty({ description: 'Điểm đã chốt (giai đoạn CLOSED)' }) final!: boolean;
  @ApiProperty() complete!: boolean;
  @ApiProperty({ description: 'Giải thích bằng lời về tình trạng bảng xếp hạng' })
  statusText!: string;
  @ApiProperty({ type: UnitDto, nullable: true }) leader!: UnitDto | null;
  @ApiProperty({ type: [String], description: 'Thứ tự phân định khi bằng điểm' })
  tieBreakRules!: string[];
  @ApiProperty({ type: [RankingEntryDto] }) entries!: RankingEntryDto[];
  @ApiProperty({ type: 'array', items: { type: 'object' } }) incompleteUnits!: {
    unit: UnitDto;
    missingCriteria: string[];
  }[];
  @ApiProperty() criteriaSetVersion!: number;
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
