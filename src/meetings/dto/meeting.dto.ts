import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
  IsDefined,
  IsObject,
} from 'class-validator';
import { BALLOT_METHODS, type BallotMethod } from '../meeting-parts.entity';
import { BALLOT_MODES, type BallotMode } from '../../domain/voting/electronic';
import { MatchesFormat } from '../../common/http/matches-format';
import {
  OFFICER_DECISION_METHODS,
  type OfficerDecisionMethod,
} from '../../domain/meetings/officer-decision';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const TIME_FORMAT = 'giờ HH:mm theo 24 giờ (ví dụ 08:00, 14:30)';

export class CommitteeMemberDto {
  @ApiProperty({ example: '(ghi họ tên)' }) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @ApiProperty({ enum: ['Trưởng ban', 'Thành viên'], example: 'Trưởng ban' })
  @IsIn(['Trưởng ban', 'Thành viên'])
  role!: 'Trưởng ban' | 'Thành viên';
  @ApiPropertyOptional({ example: 'UBND huyện Cẩm Giàng' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  unitName?: string;
}

export class MeetingBodyDto {
  @ApiProperty({ example: '2024-03-28' })
  @IsISO8601({ strict: true })
  @Length(10, 10)
  meetingDate!: string;
  @ApiProperty({ example: '08:00' }) @MatchesFormat(TIME, TIME_FORMAT) startTime!: string;
  @ApiPropertyOptional({ example: '11:30' })
  @IsOptional()
  @MatchesFormat(TIME, TIME_FORMAT)
  endTime?: string;
  @ApiProperty({ example: 'Hội trường UBND thành phố Hải Dương' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  place!: string;
  @ApiProperty({ example: 'Trần Văn Quân' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  chairName!: string;
  @ApiPropertyOptional({ example: 'Trưởng Khối thi đua' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  chairTitle?: string;
  @ApiProperty({ example: 'Phạm Thị Thu Hà' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  secretaryName!: string;
  @ApiProperty({ type: [CommitteeMemberDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => CommitteeMemberDto)
  countingCommittee!: CommitteeMemberDto[];
  @ApiProperty({
    type: [String],
    example: ['Đồng chí Nguyễn Minh Hùng, Phó Chủ tịch UBND tỉnh Hải Dương'],
  })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  guests!: string[];
  @ApiProperty({
    type: [String],
    example: [
      'Báo cáo tổng kết công tác thi đua, khen thưởng năm 2023 của Khối',
      'Công bố kết quả chấm điểm, xếp hạng thi đua năm 2023',
      'Bình xét, suy tôn đơn vị đề nghị khen thưởng (bỏ phiếu kín)',
    ],
  })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  agenda!: string[];
}

export class CreateMeetingDto extends MeetingBodyDto {
  @ApiPropertyOptional({
    default: false,
    description: 'Hội nghị diễn tập: văn bản mang dấu "BẢN THỬ", không ghi vào lịch sử khen thưởng',
    example: false,
  })
  @IsOptional()
  @IsBoolean()
  isRehearsal?: boolean;
}

export class UpdateMeetingDto extends MeetingBodyDto {
  @ApiProperty({ example: 1 }) @IsInt() @Min(1) version!: number;
}

export class AttendanceRowDto {
  @ApiProperty({ example: 5 }) @IsInt() @Min(1) unitId!: number;
  @ApiProperty({ example: true }) @IsBoolean() present!: boolean;
  @ApiPropertyOptional({ description: 'Đại biểu dự họp', example: 'Nguyễn Văn An' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  delegateName?: string;
  @ApiPropertyOptional({ description: 'Lý do vắng mặt', example: 'Đi công tác' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  absenceReason?: string;
  @ApiPropertyOptional({ description: 'Vắng mặt nhưng gửi phiếu bằng văn bản', example: false })
  @IsOptional()
  @IsBoolean()
  writtenBallot?: boolean;
}

export class AttendanceDto {
  @ApiProperty({ example: 1 }) @IsInt() @Min(1) version!: number;
  @ApiProperty({ type: [AttendanceRowDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => AttendanceRowDto)
  rows!: AttendanceRowDto[];
}

export class VersionDto {
  @ApiProperty({ example: 1 }) @IsInt() @Min(1) version!: number;
}

export class CreateBallotDto {
  @ApiProperty({ example: 2 }) @IsInt() @Min(1) tierId!: number;
  @ApiProperty({ example: 1, description: 'Số đơn vị được chọn trên phiếu' })
  @IsInt()
  @Min(1)
  @Max(100)
  seats!: number;
  @ApiProperty({ enum: BALLOT_METHODS, example: 'SECRET' })
  @IsIn(BALLOT_METHODS)
  method!: BallotMethod;
  @ApiPropertyOptional({
    enum: BALLOT_MODES,
    description: 'PAPER (mặc định): phiếu giấy, nhập hai lần; ELECTRONIC: bỏ phiếu kín điện tử',
    example: 'PAPER',
  })
  @IsOptional()
  @IsIn(BALLOT_MODES)
  mode?: BallotMode;
  @ApiPropertyOptional({
    type: [Number],
    description: 'Mặc định: các hồ sơ dự thảo của hình thức này',
    example: [5],
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsInt({ each: true })
  nomineeUnitIds?: number[];
}

export class NomineeCountDto {
  @ApiProperty({ example: 5 }) @IsInt() @Min(1) unitId!: number;
  @ApiProperty({ description: 'Tán thành', example: 11 })
  @IsInt()
  @Min(0)
  @Max(100000)
  agree!: number;
  @ApiProperty({ description: 'Không tán thành', example: 1 })
  @IsInt()
  @Min(0)
  @Max(100000)
  disagree!: number;
  @ApiProperty({ description: 'Không có ý kiến', example: 0 })
  @IsInt()
  @Min(0)
  @Max(100000)
  noOpinion!: number;
}

export class WrittenCountsDto {
  @ApiProperty({ description: 'Số phiếu bằng văn bản nhận được', example: 1 })
  @IsInt()
  @Min(0)
  @Max(100000)
  received!: number;
  @ApiProperty({ example: 1 }) @IsInt() @Min(0) @Max(100000) valid!: number;
  @ApiProperty({ example: 0 }) @IsInt() @Min(0) @Max(100000) invalid!: number;
  @ApiProperty({ type: [NomineeCountDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => NomineeCountDto)
  nominees!: NomineeCountDto[];
}

export class CountsDto {
  @ApiProperty({ description: 'Số phiếu phát ra', example: 12 })
  @IsInt()
  @Min(0)
  @Max(100000)
  ballotsIssued!: number;
  @ApiProperty({ description: 'Số phiếu thu về', example: 12 })
  @IsInt()
  @Min(0)
  @Max(100000)
  ballotsReturned!: number;
  @ApiProperty({ description: 'Số phiếu hợp lệ', example: 12 })
  @IsInt()
  @Min(0)
  @Max(100000)
  valid!: number;
  @ApiProperty({ description: 'Số phiếu không hợp lệ', example: 0 })
  @IsInt()
  @Min(0)
  @Max(100000)
  invalid!: number;
  @ApiProperty({ type: [NomineeCountDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => NomineeCountDto)
  nominees!: NomineeCountDto[];
  @ApiPropertyOptional({ type: WrittenCountsDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => WrittenCountsDto)
  written?: WrittenCountsDto;
}

export class AckDto {
  @ApiProperty({ example: 'NOT_LEADER' }) @IsString() @Length(1, 64) code!: string;
  @ApiProperty({
    example:
      'Đơn vị dẫn đầu (thành phố Hải Dương) được đề nghị Cờ thi đua của Chính phủ; Cờ thi đua của UBND tỉnh dành cho đơn vị xếp tiếp theo.',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}

export class EntryDto {
  @ApiPropertyOptional({
    description: 'Bỏ qua khi đã đăng nhập: người nhập là tài khoản đang đăng nhập',
    example: 'Phạm Thị Thu Hà',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  enteredBy?: string;
  @ApiProperty({ type: CountsDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => CountsDto)
  counts!: CountsDto;
  @ApiPropertyOptional({ type: [AckDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => AckDto)
  acknowledgements?: AckDto[];
}

export class CorrectEntryDto extends EntryDto {
  @ApiProperty({ example: 1 }) @IsInt() @Min(1) version!: number;
}

export class ChairDecisionDto {
  @ApiProperty({ type: [Number] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsInt({ each: true })
  chosenUnitIds!: number[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

/** The counts of an officer vote, entered as on the meeting's other ballots. */
export class OfficerVoteDto {
  @ApiProperty({ example: 12 }) @IsInt() @Min(0) @Max(100000) ballotsIssued!: number;
  @ApiProperty({ example: 12 }) @IsInt() @Min(0) @Max(100000) ballotsReturned!: number;
  @ApiProperty({ example: 12 }) @IsInt() @Min(0) @Max(100000) valid!: number;
  @ApiProperty({ example: 0 }) @IsInt() @Min(0) @Max(100000) invalid!: number;
  @ApiProperty({ example: 11, description: 'Số phiếu tán thành' })
  @IsInt()
  @Min(0)
  @Max(100000)
  agree!: number;
  @ApiProperty({ example: 1 }) @IsInt() @Min(0) @Max(100000) disagree!: number;
  @ApiProperty({ example: 0 }) @IsInt() @Min(0) @Max(100000) noOpinion!: number;
}

/** How the meeting decided one of next year's officers (R14). */
export class OfficerDecisionDto {
  @ApiProperty({ description: 'Đơn vị thành viên được bầu hoặc suy tôn' })
  @IsInt()
  @Min(1)
  unitId!: number;
  @ApiProperty({
    enum: OFFICER_DECISION_METHODS,
    description:
      'VOTE: bỏ phiếu (ghi kết quả kiểm phiếu); ACCLAMATION: thống nhất suy tôn, không bỏ phiếu',
  })
  @IsIn(OFFICER_DECISION_METHODS)
  method!: OfficerDecisionMethod;
  @ApiPropertyOptional({
    example: 'Luân phiên theo Điều 6 Quy chế hoạt động của Khối',
    description: 'Căn cứ (bắt buộc khi thống nhất không bỏ phiếu)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  basis?: string;
  @ApiPropertyOptional({ type: OfficerVoteDto, description: 'Kết quả kiểm phiếu (khi bỏ phiếu)' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => OfficerVoteDto)
  vote?: OfficerVoteDto;
}

export class FinalizeDto {
  @ApiProperty() @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional({
    type: OfficerDecisionDto,
    description: 'Trưởng khối/cụm năm sau: quyết định của hội nghị',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => OfficerDecisionDto)
  nextHead?: OfficerDecisionDto;
  @ApiPropertyOptional({ type: OfficerDecisionDto, description: 'Phó khối/cụm năm sau' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => OfficerDecisionDto)
  nextDeputy?: OfficerDecisionDto;
  @ApiPropertyOptional({ example: '11:30' })
  @IsOptional()
  @MatchesFormat(TIME, TIME_FORMAT)
  endTime?: string;
}

export class CorrectionDto {
  @ApiProperty() @IsInt() @Min(1) version!: number;
  @ApiProperty({ description: 'Lý do đính chính' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}
