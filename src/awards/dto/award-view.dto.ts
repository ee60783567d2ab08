import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { InStep, SameShape } from '../../common/http/same-shape';
import type { Finding } from '../../domain/common/result';
import { AWARD_SOURCES, type AwardSource } from '../award-history.entity';
import type { AwardImportReport, AwardsService } from '../awards.service';

/** Swagger's reading of the awards history's answers; kept in step with the service's types. */

export class AwardUnitRefDto {
  @ApiProperty({ example: 5 }) id!: number;
  @ApiPropertyOptional({ example: 'HD-CG' }) code!: string | undefined;
  @ApiPropertyOptional({ example: 'huyện Cẩm Giàng' }) fullName!: string | undefined;
}

export class AwardTierRefDto {
  @ApiProperty({ example: 2 }) id!: number;
  @ApiPropertyOptional({ example: 'CO_THI_DUA_TINH' }) code!: string | undefined;
  @ApiPropertyOptional({ example: 'Cờ thi đua của UBND tỉnh' }) name!: string | undefined;
}

export class AwardDto {
  @ApiProperty({ example: 88 }) id!: number;
  @ApiProperty({ example: 2023 }) year!: number;
  @ApiProperty({ type: AwardUnitRefDto }) unit!: AwardUnitRefDto;
  @ApiProperty({ type: AwardTierRefDto }) tier!: AwardTierRefDto;
  @ApiProperty({ nullable: true, type: String, example: '125/QĐ-UBND' })
  decisionNumber!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2024-01-20' })
  decisionDate!: string | null;
  @ApiProperty({
    description: 'Cấp quyết định',
    nullable: true,
    type: String,
    example: 'Chủ tịch UBND tỉnh Hải Dương',
  })
  decider!: string | null;
  @ApiProperty({
    description: 'Nguồn: quyết định trong hệ thống hoặc tệp nhập',
    enum: AWARD_SOURCES,
    example: 'DECISION',
  })
  source!: AwardSource;
  @ApiProperty({ description: 'Khen thưởng của đơn vị tiền thân', example: false })
  inherited!: boolean;
}

export class AwardFindingDto {
  @ApiProperty({ example: 'AWARD_TIER_UNKNOWN' }) code!: string;
  @ApiProperty({ enum: ['error', 'warning'], example: 'error' }) severity!: 'error' | 'warning';
  @ApiProperty({ example: 'Dòng 4: mã hình thức khen thưởng không có trong danh mục' })
  message!: string;
  @ApiPropertyOptional({ example: 'row 4' }) field?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, example: { year: 2023 } })
  params?: Readonly<Record<string, string | number | boolean | null>>;
}

export class AwardRowErrorsDto {
  @ApiProperty({ example: 4 }) rowNumber!: number;
  @ApiProperty({ type: [AwardFindingDto] }) errors!: AwardFindingDto[];
}

export class AwardImportReportDto {
  @ApiProperty({ example: true }) ok!: boolean;
  @ApiProperty({ description: 'Số dòng đọc được', example: 40 }) rowsRead!: number;
  @ApiProperty({ description: 'Số dòng sẽ ghi (mới hoặc thay đổi)', example: 38 })
  rowsToWrite!: number;
  @ApiProperty({ type: [AwardFindingDto] }) fileErrors!: AwardFindingDto[];
  @ApiProperty({ type: [AwardRowErrorsDto] }) rowErrors!: AwardRowErrorsDto[];
  @ApiProperty({ description: 'Đã ghi (chỉ khi nhập, không khi xem trước)', example: false })
  saved!: boolean;
}

export type AwardInStep = InStep<
  SameShape<Awaited<ReturnType<AwardsService['list']>>[number], AwardDto>
>;
export type AwardFindingInStep = InStep<SameShape<Finding, AwardFindingDto>>;
export type AwardImportReportInStep = InStep<SameShape<AwardImportReport, AwardImportReportDto>>;
