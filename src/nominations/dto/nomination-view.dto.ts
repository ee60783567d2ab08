import { ApiProperty } from '@nestjs/swagger';
import type { InStep, SameShape } from '../../common/http/same-shape';
import { NOMINATION_STATUSES, type NominationStatus } from '../../domain/nominations/status';
import { UnitDto } from '../../registry/units/dto/unit.dto';
import type { NominationsService } from '../nominations.service';
import type { ProvinceStageService } from '../province-stage.service';
import { EligibilityDto, NominationDto } from './nomination.dto';

/** Swagger's reading of the suggestions and of the provincial stage; kept in step with the services. */

export class NominationSuggestionDto {
  @ApiProperty({ type: UnitDto }) unit!: UnitDto;
  @ApiProperty({ example: 2 }) tierId!: number;
  @ApiProperty({ example: 'PROV_FLAG' }) tierCode!: string;
  @ApiProperty({ example: 'Cờ thi đua của Ủy ban nhân dân tỉnh' }) tierName!: string;
  @ApiProperty({ example: 'Dẫn đầu Khối năm 2023' }) reason!: string;
  @ApiProperty({ type: EligibilityDto }) eligibility!: EligibilityDto;
}

export class NominationSuggestionsDto {
  @ApiProperty({ example: 1 }) blocId!: number;
  @ApiProperty({ example: 2023 }) year!: number;
  @ApiProperty({ description: 'Xếp hạng đã đủ điểm mọi đơn vị', example: true })
  rankingComplete!: boolean;
  @ApiProperty({ type: [NominationSuggestionDto] }) suggestions!: NominationSuggestionDto[];
}

export class ProvinceTierRefDto {
  @ApiProperty({ example: 2 }) id!: number;
  @ApiProperty({ example: 'PROV_FLAG' }) code!: string;
  @ApiProperty({ example: 'Cờ thi đua của Ủy ban nhân dân tỉnh' }) name!: string;
}

export class ProvinceCapDto {
  @ApiProperty({ description: 'Số đề nghị tối đa toàn tỉnh', example: 3 }) allowed!: number;
  @ApiProperty({ description: 'Số đề nghị đang có', example: 2 }) used!: number;
  @ApiProperty({
    example: 'Tối đa 1/5 của 15 đơn vị dẫn đầu khối = 3; đang đề nghị 2.',
  })
  text!: string;
}

export class NominationVerdictDto {
  @ApiProperty({ example: true }) eligible!: boolean;
  @ApiProperty({ description: 'Số lỗi', example: 0 }) errors!: number;
  @ApiProperty({ description: 'Số cảnh báo', example: 1 }) warnings!: number;
  @ApiProperty({ description: 'Số cảnh báo chưa xác nhận', example: 0 }) unacknowledged!: number;
}

export class ProvinceNominationLineDto {
  @ApiProperty({ example: 2 }) id!: number;
  @ApiProperty({ example: 1 }) blocId!: number;
  @ApiProperty({ example: 'Khối thi đua các huyện, thị xã, thành phố' }) blocName!: string;
  @ApiProperty({ type: UnitDto }) unit!: UnitDto;
  @ApiProperty({ example: 2 }) tierId!: number;
  @ApiProperty({ enum: NOMINATION_STATUSES, example: 'SUBMITTED' }) status!: NominationStatus;
  @ApiProperty({ example: 'đã trình tỉnh' }) statusLabel!: string;
  @ApiProperty({ type: NominationVerdictDto }) verdict!: NominationVerdictDto;
  @ApiProperty({ example: 3 }) version!: number;
}

export class ProvinceTierCompactDto {
  @ApiProperty({ type: ProvinceTierRefDto }) tier!: ProvinceTierRefDto;
  @ApiProperty({ type: ProvinceCapDto, nullable: true }) cap!: ProvinceCapDto | null;
  @ApiProperty({ type: [ProvinceNominationLineDto] }) nominations!: ProvinceNominationLineDto[];
}

export class ProvinceTierFullDto {
  @ApiProperty({ type: ProvinceTierRefDto }) tier!: ProvinceTierRefDto;
  @ApiProperty({ type: ProvinceCapDto, nullable: true }) cap!: ProvinceCapDto | null;
  @ApiProperty({ type: [NominationDto] }) nominations!: NominationDto[];
}

/** The provincial stage in short (default). */
export class ProvinceNominationsDto {
  @ApiProperty({ example: 1 }) provinceId!: number;
  @ApiProperty({ example: 2023 }) year!: number;
  @ApiProperty({ description: 'Số đơn vị dẫn đầu khối trong tỉnh', example: 15 })
  blocLeaders!: number;
  @ApiProperty({ type: [ProvinceTierCompactDto] }) tiers!: ProvinceTierCompactDto[];
}

/** The provincial stage in full (`?detail=full`). */
export class ProvinceNominationsFullDto {
  @ApiProperty({ example: 1 }) provinceId!: number;
  @ApiProperty({ example: 2023 }) year!: number;
  @ApiProperty({ example: 15 }) blocLeaders!: number;
  @ApiProperty({ type: [ProvinceTierFullDto] }) tiers!: ProvinceTierFullDto[];
}

export type NominationSuggestionsInStep = InStep<
  SameShape<Awaited<ReturnType<NominationsService['suggest']>>, NominationSuggestionsDto>
>;
export type ProvinceNominationsInStep = InStep<
  SameShape<
    Awaited<ReturnType<ProvinceStageService['provinceYearCompact']>>,
    ProvinceNominationsDto
  >
>;
export type ProvinceNominationsFullInStep = InStep<
  SameShape<Awaited<ReturnType<ProvinceStageService['provinceYear']>>, ProvinceNominationsFullDto>
>;
