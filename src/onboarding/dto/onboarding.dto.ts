import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { toInt } from '../../common/http/pagination';

export class TemplateQueryDto {
  @ApiPropertyOptional({ enum: ['xlsx', 'csv'], default: 'xlsx' })
  @IsOptional()
  @IsIn(['xlsx', 'csv'])
  format?: 'xlsx' | 'csv';
}

export class RolloverQueryDto {
  @ApiProperty({ description: 'Năm đang có; tạo nhiệm kỳ của năm sau', example: 2026 })
  @Transform(toInt)
  @IsInt()
  @Min(1990)
  @Max(2099)
  year!: number;
}

export class ImportFindingDto {
  @ApiProperty() code!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional() field?: string;
}

export class UnitImportRowDto {
  @ApiProperty() rowNumber!: number;
  @ApiProperty() code!: string;
  @ApiProperty({ enum: ['INSERT', 'UPDATE', 'UNCHANGED'], nullable: true, type: String })
  action!: 'INSERT' | 'UPDATE' | 'UNCHANGED' | null;
  @ApiProperty({ description: 'Số liên kết kế thừa mới của dòng' }) newLinks!: number;
  @ApiProperty({ type: [ImportFindingDto] }) errors!: ImportFindingDto[];
}

export class UnitImportReportDto {
  @ApiProperty() ok!: boolean;
  @ApiProperty() provinceId!: number;
  @ApiProperty() rowsRead!: number;
  @ApiProperty() unitsToInsert!: number;
  @ApiProperty() unitsToUpdate!: number;
  @ApiProperty() unitsUnchanged!: number;
  @ApiProperty() linksToInsert!: number;
  @ApiProperty({ description: 'Số bản ghi sẽ ghi (xem trước) hoặc đã ghi (nhập)' })
  written!: number;
  @ApiProperty({ type: [ImportFindingDto] }) fileErrors!: ImportFindingDto[];
  @ApiProperty({ type: [UnitImportRowDto] }) rows!: UnitImportRowDto[];
  @ApiProperty() saved!: boolean;
}

export class BlocImportTermDto {
  @ApiProperty() blocCode!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ enum: ['INSERT', 'UPDATE', 'UNCHANGED'], nullable: true, type: String })
  action!: 'INSERT' | 'UPDATE' | 'UNCHANGED' | null;
  @ApiProperty() memberCount!: number;
  @ApiProperty({ nullable: true, type: String }) headUnitCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) deputyUnitCode!: string | null;
  @ApiProperty({ type: [Number] }) rowNumbers!: number[];
  @ApiProperty({ type: [ImportFindingDto] }) errors!: ImportFindingDto[];
}

export class BlocImportReportDto {
  @ApiProperty() ok!: boolean;
  @ApiProperty() provinceId!: number;
  @ApiProperty() rowsRead!: number;
  @ApiProperty() blocsToInsert!: number;
  @ApiProperty() blocsToUpdate!: number;
  @ApiProperty() termsToInsert!: number;
  @ApiProperty() termsToUpdate!: number;
  @ApiProperty() termsUnchanged!: number;
  @ApiProperty() membersToWrite!: number;
  @ApiProperty({ description: 'Số bản ghi sẽ ghi (xem trước) hoặc đã ghi (nhập)' })
  written!: number;
  @ApiProperty({ type: [ImportFindingDto] }) fileErrors!: ImportFindingDto[];
  @ApiProperty({ type: [ImportFindingDto], description: 'Lỗi theo dòng' })
  rowErrors!: ImportFindingDto[];
  @ApiProperty({ type: [BlocImportTermDto] }) terms!: BlocImportTermDto[];
  @ApiProperty() saved!: boolean;
}

export class RolloverMemberDto {
  @ApiProperty() unitId!: number;
  @ApiProperty() unitCode!: string;
  @ApiProperty() unitName!: string;
}

export class RolloverRefusalDto extends RolloverMemberDto {
  @ApiProperty() code!: string;
  @ApiProperty() message!: string;
}

export class RolloverBlocDto {
  @ApiProperty() blocId!: number;
  @ApiProperty() blocCode!: string;
  @ApiProperty() blocName!: string;
  @ApiProperty({ enum: ['CREATE', 'EXISTS', 'NO_TERM', 'REFUSED'] })
  outcome!: 'CREATE' | 'EXISTS' | 'NO_TERM' | 'REFUSED';
  @ApiProperty() message!: string;
  @ApiProperty({ type: [RolloverMemberDto] }) members!: RolloverMemberDto[];
  @ApiProperty({ type: [RolloverRefusalDto] }) refused!: RolloverRefusalDto[];
  @ApiProperty({ nullable: true, type: RolloverMemberDto }) head!: RolloverMemberDto | null;
  @ApiProperty({ nullable: true, type: RolloverMemberDto }) deputy!: RolloverMemberDto | null;
  @ApiProperty({ description: 'Nguồn trưởng, phó khối' }) officersSource!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'Bộ tiêu chí được sao làm bản nháp' })
  criteriaFromSetId!: number | null;
}

export class RolloverReportDto {
  @ApiProperty() provinceId!: number;
  @ApiProperty() fromYear!: number;
  @ApiProperty() toYear!: number;
  @ApiProperty() termsToCreate!: number;
  @ApiProperty() membersToCreate!: number;
  @ApiProperty() criteriaDraftsToCreate!: number;
  @ApiProperty() refusedMembers!: number;
  @ApiProperty({ type: [RolloverBlocDto] }) blocs!: RolloverBlocDto[];
  @ApiProperty() saved!: boolean;
}
