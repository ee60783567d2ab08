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
import { UnitDto } from '../../units/dto/unit.dto';
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

export class ImportReportDto {
  @ApiProperty() ok!: boolean;
  @ApiProperty({ description: 'Số dòng điểm sẽ ghi (xem trước) hoặc đã ghi (nhập)' })
  linesToWrite!: number;
  @ApiProperty() unitsAffected!: number;
  @ApiProperty({ type: [FindingDto] }) fileErrors!: FindingDto[];
  @ApiProperty({ type: 'array', items: { type: 'object' } }) rows!: {
    rowNumber: number;
    unitCode: string;
    changes: number;
    errors: FindingDto[];
  }[];
  @ApiProperty() saved!: boolean;
}
