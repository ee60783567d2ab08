import { ApiProperty } from '@nestjs/swagger';
import type { InStep, SameShape } from '../../common/http/same-shape';
import {
  CHECKPOINT_FORMAT,
  type AuditCheckpoint,
  type AuditProblem,
  type AuditVerification,
} from '../audit-chain';
import type { AuditService } from '../audit.service';

/** Swagger's reading of the audit log's answers; kept in step with the service's types. */

export class AuditEntryDto {
  @ApiProperty({ example: 1042 }) id!: number;
  @ApiProperty({ example: '2023-12-15T04:30:00.000Z' }) at!: string;
  @ApiProperty({ nullable: true, type: Number, example: 7 }) userId!: number | null;
  @ApiProperty({ example: 'thuky.khoi1' }) username!: string;
  @ApiProperty({ example: 'BLOC_SECRETARY' }) role!: string;
  @ApiProperty({
    description: 'Tổ chức mà người thực hiện thuộc về; null: không thuộc tổ chức nào',
    nullable: true,
    type: Number,
    example: 2,
  })
  organizingBodyId!: number | null;
  @ApiProperty({ description: 'Thao tác', example: 'meeting.finalize' }) action!: string;
  @ApiProperty({ example: 'meeting' }) entityType!: string;
  @ApiProperty({ example: '12' }) entityId!: string;
  @ApiProperty({
    description: 'Giá trị trước (null khi tạo mới)',
    type: 'object',
    nullable: true,
    additionalProperties: true,
    example: { status: 'OPEN', version: 4 },
  })
  before!: unknown;
  @ApiProperty({
    description: 'Giá trị sau (null khi xóa)',
    type: 'object',
    nullable: true,
    additionalProperties: true,
    example: { status: 'FINALIZED', version: 5 },
  })
  after!: unknown;
  @ApiProperty({ nullable: true, type: String, example: null }) reason!: string | null;
  @ApiProperty({ example: 'c0a8f3e2-5b1d-4c77-9e7a-2f0d1b6a9c11' }) requestId!: string;
  @ApiProperty({ example: 'SUCCESS' }) disposition!: string;
  @ApiProperty({ description: 'Mã băm của dòng trước', example: '3b9d…' }) prevHash!: string;
  @ApiProperty({ description: 'Mã băm của dòng', example: '7e21…' }) hash!: string;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto] }) items!: AuditEntryDto[];
  @ApiProperty({ example: 1042 }) total!: number;
}

export class CheckpointCheckDto {
  @ApiProperty({ example: 1000 }) auditId!: number;
  @ApiProperty({ example: '2023-12-31T16:59:00.000Z' }) at!: string;
  @ApiProperty({ example: true }) ok!: boolean;
}

export class AuditVerificationDto {
  @ApiProperty({ example: true }) ok!: boolean;
  @ApiProperty({ description: 'Số dòng đã kiểm tra', example: 1042 }) checked!: number;
  @ApiProperty({ nullable: true, type: Number, example: null }) firstBrokenId!: number | null;
  @ApiProperty({
    description: 'Dòng bắt đầu ký bằng khóa',
    nullable: true,
    type: Number,
    example: 1,
  })
  keyedFromId!: number | null;
  @ApiProperty({ example: 1 }) checkpointsChecked!: number;
  @ApiProperty({ type: CheckpointCheckDto, nullable: true }) checkpoint!: CheckpointCheckDto | null;
  @ApiProperty({
    enum: [
      'CHAIN_BROKEN',
      'NOT_KEYED',
      'KEY_MISMATCH',
      'STORED_CHECKPOINT_INVALID',
      'CHECKPOINT_OTHER_KEY',
      'CHECKPOINT_SIGNATURE_INVALID',
      'CHECKPOINT_ROW_MISSING',
      'CHECKPOINT_HASH_DIFFERS',
    ],
    nullable: true,
    example: null,
  })
  problem!: AuditProblem | null;
  @ApiProperty({ example: 'Nhật ký toàn vẹn: 1042 dòng, 1 điểm mốc.' }) message!: string;
}

export class AuditCheckpointDto {
  @ApiProperty({ enum: [CHECKPOINT_FORMAT], example: CHECKPOINT_FORMAT })
  format!: typeof CHECKPOINT_FORMAT;
  @ApiProperty({ example: 1042 }) auditId!: number;
  @ApiProperty({ example: '7e21…' }) headHash!: string;
  @ApiProperty({ example: '2023-12-31T16:59:00.000Z' }) at!: string;
  @ApiProperty({ example: '4f0c2a9d1b7e3c55' }) keyId!: string;
  @ApiProperty({ example: '9a1f…' }) signature!: string;
}

export type AuditPageInStep = InStep<
  SameShape<Awaited<ReturnType<AuditService['list']>>, AuditPageDto>
>;
export type AuditVerificationInStep = InStep<SameShape<AuditVerification, AuditVerificationDto>>;
export type AuditCheckpointInStep = InStep<SameShape<AuditCheckpoint, AuditCheckpointDto>>;
