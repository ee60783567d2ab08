import { ApiProperty } from '@nestjs/swagger';
import type { InStep, SameShape } from '../../../common/http/same-shape';
import {
  CHOICES,
  ELECTRONIC_PHASES,
  type CastChoices,
  type ElectronicPhase,
} from '../../../domain/voting/electronic';
import type {
  ElectronicBallotsService,
  ElectronicStatus,
  Receipt,
} from '../electronic-ballots.service';
import type { Slip } from '../electronic-rounds';
import type { CastBallot } from '../electronic.repository';

/**
 * Swagger's reading of the answers of electronic voting (issue 15 item 11); the interfaces stay the
 * types the code uses, and the `InStep` lines fail to typecheck when a class drifts from its interface.
 */

export class ElectronicStatusDto {
  @ApiProperty({ example: 31 }) ballotId!: number;
  @ApiProperty({ example: 12 }) meetingId!: number;
  @ApiProperty({ enum: ELECTRONIC_PHASES, example: 'VOTING' }) phase!: ElectronicPhase;
  @ApiProperty({ example: 'đang bỏ phiếu' }) phaseLabel!: string;
  @ApiProperty({ description: 'Số mã đã cấp', example: 12 }) codesIssued!: number;
  @ApiProperty({ description: 'Số mã đã hủy', example: 1 }) codesVoided!: number;
  @ApiProperty({ description: 'Số mã đã phát và chưa hủy (mỗi đại biểu một mã)', example: 11 })
  voters!: number;
  @ApiProperty({ description: 'Số phiếu đã bỏ', example: 9 }) casts!: number;
  @ApiProperty({ description: 'Số lần nhập sai mã', example: 0 }) wrongAttempts!: number;
  @ApiProperty({ description: 'Tự kết thúc khi mọi mã đã dùng', example: false })
  closedAutomatically!: boolean;
  @ApiProperty({ description: 'Người xác nhận', nullable: true, type: String, example: null })
  confirmedBy!: string | null;
  @ApiProperty({
    description: 'Số phiếu mã chưa dùng (chỉ khi đang bỏ phiếu)',
    type: [Number],
    example: [4, 11],
  })
  unusedSlipNos!: number[];
}

export class VoidSlipResultDto extends ElectronicStatusDto {
  @ApiProperty({ description: 'Số phiếu mã thay thế', example: 13 }) replacement!: number;
}

export class ReceiptDto {
  @ApiProperty({ example: 31 }) ballotId!: number;
  @ApiProperty({ description: 'Mã biên nhận', example: 'K7QF-2M9X' }) receipt!: string;
  @ApiProperty({
    description: 'Lựa chọn theo thứ tự người được đề nghị',
    enum: CHOICES,
    isArray: true,
    example: ['AGREE', 'NO_OPINION'],
  })
  choices!: CastChoices;
}

export class CastBallotDto {
  @ApiProperty({ description: 'Mã biên nhận', example: 'K7QF-2M9X' }) receipt!: string;
  @ApiProperty({ enum: CHOICES, isArray: true, example: ['AGREE', 'NO_OPINION'] })
  choices!: CastChoices;
}

export class SlipDto {
  @ApiProperty({ description: 'Số phiếu mã', example: 4 }) slipNo!: number;
  @ApiProperty({ description: 'Mã bỏ phiếu (chỉ in, không lưu)', example: 'K7QM-2XHD-9RTA-WP3F' })
  code!: string;
  @ApiProperty({ description: 'Mã băm của mã bỏ phiếu', example: '9f2c…' }) codeHash!: string;
}

export class SlipsDto {
  @ApiProperty({ type: [SlipDto] }) slips!: SlipDto[];
  @ApiProperty({ example: false }) isRehearsal!: boolean;
  @ApiProperty({ example: 'Cờ thi đua của UBND tỉnh — Hội nghị tổng kết năm 2023' })
  title!: string;
}

export type ElectronicStatusInStep = InStep<SameShape<ElectronicStatus, ElectronicStatusDto>>;
export type ReceiptInStep = InStep<SameShape<Receipt, ReceiptDto>>;
export type CastBallotInStep = InStep<SameShape<CastBallot, CastBallotDto>>;
export type SlipInStep = InStep<SameShape<Slip, SlipDto>>;
export type VoidSlipResultInStep = InStep<
  SameShape<Awaited<ReturnType<ElectronicBallotsService['voidSlip']>>, VoidSlipResultDto>
>;
export type SlipsInStep = InStep<
  SameShape<Awaited<ReturnType<ElectronicBallotsService['slips']>>, SlipsDto>
>;
