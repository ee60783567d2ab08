import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { InStep, SameShape } from '../../common/http/same-shape';
import {
  CORRECTION_REQUEST_STATUSES,
  type CorrectionRequestStatus,
} from '../../domain/meetings/correction-request';
import { SCORING_PHASES, type ScoringPhase } from '../../domain/scoring/phase';
import type { BallotCounts, Tally, VotingRule } from '../../domain/voting';
import { UnitDto } from '../../registry/units/dto/unit.dto';
import type { CorrectionRequestView } from '../correction-request-view';
import type { BallotView, ElectronicSummary, MeetingView } from '../meeting-view';
import type { OfficerDecisionView } from '../officer-decisions';

/**
 * Swagger's reading of the views in meeting-view.ts and correction-request-view.ts (issue 15 item 11):
 * the interfaces stay the types the code uses; the `InStep` lines fail to typecheck when a class and
 * its interface drift apart. The rule, counts, tally and officer decisions are the domain's own
 * types, shown as objects with an example.
 */

const RULE_EXAMPLE: VotingRule = {
  threshold: { numerator: 70, denominator: 100 },
  thresholdComparator: 'GTE',
  denominator: 'ALL_MEMBERS',
  quorum: { numerator: 2, denominator: 3 },
  quorumComparator: 'GTE',
  allowWrittenAbsentee: false,
  selfVote: 'ALLOWED',
  tieBreak: 'REVOTE',
  secretBallot: true,
};

const COUNTS_EXAMPLE = {
  membersEntitled: 12,
  ballotsIssued: 12,
  ballotsReturned: 12,
  valid: 12,
  invalid: 0,
  seats: 1,
  nominees: [{ nomineeId: 'HD-CG', agree: 11, disagree: 1, noOpinion: 0 }],
  written: null,
};

const TALLY_EXAMPLE = {
  status: 'DECIDED',
  quorum: {
    reached: true,
    required: 8,
    present: 12,
    total: 12,
    explanation: 'Có mặt 12/12 đơn vị; cần tối thiểu 8 (≥ 2/3) — đủ điều kiện.',
  },
  seats: 1,
  protocol: 'REVOTE',
  lines: [
    {
      nomineeId: 'HD-CG',
      agree: 11,
      agreeWritten: 0,
      denominatorBasis: 'ALL_MEMBERS',
      denominator: 12,
      ownBallotExcluded: false,
      required: 9,
      percentage: 91.7,
      percentageText: '91,7 %',
      thresholdText: '≥ 70 %',
      reachesThreshold: true,
      passed: true,
      outcome: 'ELECTED',
      explanation: '11/12 = 91,7 % ≥ 70 % — đạt',
    },
  ],
  winners: ['HD-CG'],
  tie: null,
  revoteCandidates: [],
  revoteSeats: 0,
  warnings: [],
  minutes: 'Bỏ phiếu kín; huyện Cẩm Giàng được 11/12 phiếu tán thành (91,7 %), đạt.',
};

const UNIT_EXAMPLE = {
  id: 5,
  code: 'HD-CG',
  shortName: 'Cẩm Giàng',
  type: 'HUYEN',
  typeLabel: 'huyện',
  fullName: 'huyện Cẩm Giàng',
  collectiveName: 'Đảng bộ, chính quyền và nhân dân huyện Cẩm Giàng',
  provinceId: 1,
  validFrom: '2023-01-01',
  validTo: null,
  version: 1,
};

export class BallotEntrySummaryDto {
  @ApiProperty({ description: 'Lần nhập (1 hoặc 2)', example: 1 }) entryNo!: number;
  @ApiProperty({ description: 'Người nhập', example: 'thuky.camgiang' }) enteredBy!: string;
  @ApiProperty({ description: 'Trạng thái lần nhập', example: 'SUBMITTED' }) status!: string;
  @ApiProperty({ example: 1 }) version!: number;
}

export class EntryDifferenceDto {
  @ApiProperty({ description: 'Trường lệch giữa hai lần nhập', example: 'agree' }) field!: string;
  @ApiProperty({ description: 'Đơn vị của dòng lệch', nullable: true, type: Number, example: 5 })
  unitId!: number | null;
  @ApiProperty({ nullable: true, type: String, example: 'HD-CG' }) unitCode!: string | null;
  @ApiProperty({ description: 'Giá trị lần 1', nullable: true, type: Number, example: 11 })
  first!: number | null;
  @ApiProperty({ description: 'Giá trị lần 2', nullable: true, type: Number, example: 10 })
  second!: number | null;
}

export class ElectronicReceiptDto {
  @ApiProperty({ description: 'Mã biên nhận', example: 'K7QF-2M9X' }) receipt!: string;
  @ApiProperty({
    description: 'Lựa chọn theo thứ tự người được đề nghị',
    type: [String],
    example: ['AGREE'],
  })
  choices!: string[];
}

export class ElectronicSummaryDto {
  @ApiProperty({ description: 'Giai đoạn bỏ phiếu điện tử', example: 'VOTING' }) phase!: string;
  @ApiProperty({ example: 'đang bỏ phiếu' }) phaseLabel!: string;
  @ApiProperty({ description: 'Số mã đã cấp', example: 12 }) codesIssued!: number;
  @ApiProperty({ description: 'Số mã đã hủy', example: 1 }) codesVoided!: number;
  @ApiProperty({ description: 'Số phiếu đã bỏ', example: 9 }) casts!: number;
  @ApiProperty({ description: 'Số lần nhập sai mã', example: 0 }) wrongAttempts!: number;
  @ApiProperty({
    description: 'Các biên nhận với lựa chọn (chỉ sau khi kết thúc)',
    type: [ElectronicReceiptDto],
  })
  receipts!: ElectronicReceiptDto[];
}

export class BallotViewDto {
  @ApiProperty({ example: 31 }) id!: number;
  @ApiProperty({ example: 2 }) tierId!: number;
  @ApiProperty({ example: 'CO_THI_DUA_TINH' }) tierCode!: string;
  @ApiProperty({ example: 'Cờ thi đua của UBND tỉnh' }) tierName!: string;
  @ApiProperty({ description: 'Vòng bỏ phiếu', example: 1 }) roundNo!: number;
  @ApiProperty({ description: 'Số suất', example: 1 }) seats!: number;
  @ApiProperty({ description: 'Cách bầu', example: 'SECRET_BALLOT' }) method!: string;
  @ApiProperty({ example: 'DECIDED' }) status!: string;
  @ApiProperty({ example: 'đã có kết quả' }) statusLabel!: string;
  @ApiProperty({ description: 'Người được đề nghị', type: [UnitDto] }) nominees!: UnitDto[];
  @ApiProperty({
    description: 'Quy định biểu quyết bằng lời',
    nullable: true,
    type: String,
    example: 'Được từ 70 % tổng số thành viên tán thành trở lên',
  })
  ruleText!: string | null;
  @ApiProperty({
    description: 'Quy định biểu quyết cố định khi mở bỏ phiếu (null khi còn dự thảo)',
    type: 'object',
    nullable: true,
    additionalProperties: true,
    example: RULE_EXAMPLE,
  })
  rule!: VotingRule | null;
  @ApiProperty({ description: 'Giá trị quy định là mẫu', example: false }) ruleIsSample!: boolean;
  @ApiProperty({ description: 'Các lần nhập kết quả', type: [BallotEntrySummaryDto] })
  entries!: BallotEntrySummaryDto[];
  @ApiProperty({ description: 'Các trường lệch giữa hai lần nhập', type: [EntryDifferenceDto] })
  differences!: EntryDifferenceDto[];
  @ApiProperty({
    description: 'Số phiếu được chấp nhận (hai lần nhập khớp, hoặc số phiếu điện tử đã xác nhận)',
    type: 'object',
    nullable: true,
    additionalProperties: true,
    example: COUNTS_EXAMPLE,
  })
  acceptedCounts!: BallotCounts | null;
  @ApiProperty({
    description: 'Kết quả kiểm phiếu, kèm phép tính và câu chữ của biên bản',
    type: 'object',
    nullable: true,
    additionalProperties: true,
    example: TALLY_EXAMPLE,
  })
  tally!: Tally | null;
  @ApiProperty({ description: 'Đơn vị trúng cử', type: [UnitDto] }) winners!: UnitDto[];
  @ApiProperty({ description: 'Đơn vị bằng phiếu sẽ bỏ phiếu lại', type: [UnitDto] })
  revoteCandidates!: UnitDto[];
  @ApiProperty({ enum: ['PAPER', 'ELECTRONIC'], example: 'PAPER' }) mode!: 'PAPER' | 'ELECTRONIC';
  @ApiProperty({
    description: 'Tình hình bỏ phiếu điện tử (null với phiếu giấy)',
    type: ElectronicSummaryDto,
    nullable: true,
  })
  electronic!: ElectronicSummaryDto | null;
  @ApiProperty({ example: 3 }) version!: number;
}

export class CommitteeMemberViewDto {
  @ApiProperty({ example: 'Nguyễn Văn Hùng' }) name!: string;
  @ApiProperty({ example: 'Trưởng ban' }) role!: string;
  @ApiPropertyOptional({ example: 'huyện Cẩm Giàng' }) unitName?: string;
}

export class AttendanceViewDto {
  @ApiProperty({ type: UnitDto }) unit!: UnitDto;
  @ApiProperty({ example: true }) present!: boolean;
  @ApiProperty({ nullable: true, type: String, example: 'Trần Thị Lan' })
  delegateName!: string | null;
  @ApiProperty({ nullable: true, type: String, example: null }) absenceReason!: string | null;
  @ApiProperty({ description: 'Gửi phiếu bằng văn bản', example: false }) writtenBallot!: boolean;
}

export class QuorumViewDto {
  @ApiProperty({ example: 12 }) present!: number;
  @ApiProperty({ example: 12 }) total!: number;
  @ApiProperty({ nullable: true, type: Number, example: 8 }) required!: number | null;
  @ApiProperty({ nullable: true, type: Boolean, example: true }) reached!: boolean | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'Có mặt 12/12 đơn vị; cần tối thiểu 8 (≥ 2/3) — đủ điều kiện.',
  })
  explanation!: string | null;
}

export class NextTermViewDto {
  @ApiProperty({ example: 2024 }) year!: number;
  @ApiProperty({ example: true }) created!: boolean;
  @ApiProperty({ example: 'Đã tạo năm 2024 của khối với trưởng khối và phó khối mới.' })
  message!: string;
}

export class CorrectionRequestViewDto {
  @ApiProperty({ example: 4 }) id!: number;
  @ApiProperty({ example: 12 }) meetingId!: number;
  @ApiProperty({ enum: CORRECTION_REQUEST_STATUSES, example: 'PENDING' })
  status!: CorrectionRequestStatus;
  @ApiProperty({ example: 'chờ duyệt' }) statusLabel!: string;
  @ApiProperty({ example: 'Ghi nhầm số phiếu tán thành của huyện Cẩm Giàng' }) reason!: string;
  @ApiProperty({ example: 7 }) requestedById!: number;
  @ApiProperty({ example: 'Phạm Minh Đức' }) requestedBy!: string;
  @ApiProperty({ example: '2023-12-20T02:15:00.000Z' }) requestedAt!: string;
  @ApiProperty({ nullable: true, type: String, example: null }) decidedBy!: string | null;
  @ApiProperty({ nullable: true, type: String, example: null }) decidedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, example: null }) decisionNote!: string | null;
  @ApiProperty({
    description: 'Phiên bản đính chính mở khi duyệt',
    nullable: true,
    type: Number,
    example: null,
  })
  correctionMeetingId!: number | null;
  @ApiProperty({
    enum: CORRECTION_REQUEST_STATUSES,
    isArray: true,
    example: ['APPROVED', 'REJECTED'],
  })
  allowedTransitions!: CorrectionRequestStatus[];
  @ApiProperty({ example: 1 }) version!: number;
}

export class MeetingViewDto {
  @ApiProperty({ example: 12 }) id!: number;
  @ApiProperty({ example: 3 }) blocId!: number;
  @ApiProperty({ example: 'Khối các huyện, thị xã, thành phố' }) blocName!: string;
  @ApiProperty({ example: 2023 }) year!: number;
  @ApiProperty({ example: 'FINALIZED' }) status!: string;
  @ApiProperty({ example: 'đã chốt' }) statusLabel!: string;
  @ApiProperty({ description: 'Hội nghị diễn tập', example: false }) isRehearsal!: boolean;
  @ApiProperty({ example: '2023-12-15' }) meetingDate!: string;
  @ApiProperty({ example: '08:00' }) startTime!: string;
  @ApiProperty({ nullable: true, type: String, example: '11:30' }) endTime!: string | null;
  @ApiProperty({ example: 'Hội trường UBND huyện Cẩm Giàng' }) place!: string;
  @ApiProperty({ description: 'Chủ trì', example: 'Nguyễn Văn Hùng' }) chairName!: string;
  @ApiProperty({ nullable: true, type: String, example: 'Chủ tịch UBND huyện Cẩm Giàng' })
  chairTitle!: string | null;
  @ApiProperty({ description: 'Thư ký', example: 'Trần Thị Lan' }) secretaryName!: string;
  @ApiProperty({ description: 'Ban kiểm phiếu', type: [CommitteeMemberViewDto] })
  countingCommittee!: CommitteeMemberViewDto[];
  @ApiProperty({
    description: 'Khách mời',
    type: [String],
    example: ['Đại diện Ban Thi đua - Khen thưởng tỉnh'],
  })
  guests!: string[];
  @ApiProperty({
    description: 'Chương trình',
    type: [String],
    example: ['Tổng kết phong trào thi đua năm 2023'],
  })
  agenda!: string[];
  @ApiProperty({ description: 'Điểm danh', type: [AttendanceViewDto] })
  attendance!: AttendanceViewDto[];
  @ApiProperty({ description: 'Số đại biểu tối thiểu', type: QuorumViewDto })
  quorum!: QuorumViewDto;
  @ApiProperty({
    description: 'Giai đoạn chấm điểm của năm',
    enum: SCORING_PHASES,
    example: 'CLOSED',
  })
  scoringPhase!: ScoringPhase;
  @ApiProperty({ description: 'Các phiếu bầu', type: [BallotViewDto] }) ballots!: BallotViewDto[];
  @ApiProperty({ description: 'Trưởng khối năm sau', type: UnitDto, nullable: true })
  nextHeadUnit!: UnitDto | null;
  @ApiProperty({ description: 'Phó khối năm sau', type: UnitDto, nullable: true })
  nextDeputyUnit!: UnitDto | null;
  @ApiProperty({
    description: 'Cách hội nghị chọn trưởng khối, phó khối năm sau, kèm câu của biên bản',
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    example: [
      {
        role: 'HEAD',
        title: 'Trưởng khối',
        unit: UNIT_EXAMPLE,
        method: 'AGREEMENT',
        basis: 'Theo thứ tự luân phiên',
        vote: null,
        text: 'Hội nghị thống nhất huyện Cẩm Giàng làm Trưởng khối năm 2024.',
      },
    ],
  })
  officerDecisions!: OfficerDecisionView[];
  @ApiPropertyOptional({
    description: 'Chỉ khi chốt: năm sau đã được tạo hoặc giao trưởng, phó khối',
    type: NextTermViewDto,
  })
  nextTerm?: NextTermViewDto;
  @ApiProperty({ description: 'Đính chính cần quản trị viên duyệt', example: false })
  correctionNeedsApproval!: boolean;
  @ApiProperty({
    description: 'Đề nghị đính chính đang chờ duyệt',
    type: CorrectionRequestViewDto,
    nullable: true,
  })
  pendingCorrection!: CorrectionRequestViewDto | null;
  @ApiProperty({ description: 'Phiên bản (đính chính)', example: 1 }) versionNo!: number;
  @ApiProperty({ nullable: true, type: Number, example: null }) supersedesId!: number | null;
  @ApiProperty({ nullable: true, type: String, example: null }) correctionReason!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2023-12-15T04:30:00.000Z' })
  finalizedAt!: string | null;
  @ApiProperty({ type: [String], example: [] }) allowedTransitions!: string[];
  @ApiProperty({ example: 5 }) version!: number;
}

export type MeetingViewInStep = InStep<SameShape<MeetingView, MeetingViewDto>>;
export type BallotViewInStep = InStep<SameShape<BallotView, BallotViewDto>>;
export type ElectronicSummaryInStep = InStep<SameShape<ElectronicSummary, ElectronicSummaryDto>>;
export type CorrectionRequestViewInStep = InStep<
  SameShape<CorrectionRequestView, CorrectionRequestViewDto>
>;
