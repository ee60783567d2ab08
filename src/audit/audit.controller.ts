import { ApiDoc, ApiFile, MIME } from '../common/http/api-doc';
import { MatchesFormat } from '../common/http/matches-format';
import { Controller, Get, Header, HttpCode, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiCreatedResponse, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Permission } from '../common/http/permission.decorator';
import { AppError } from '../common/errors/app-error';
import { toInt } from '../common/http/pagination';
import { CHECKPOINT_FORMAT, type AuditCheckpoint } from './audit-chain';
import { AuditErrors } from './audit.errors';
import { AuditService } from './audit.service';
import { AuditCheckpointDto, AuditPageDto, AuditVerificationDto } from './dto/audit-view.dto';

export class AuditQueryDto {
  @ApiPropertyOptional() @IsOptional() @Transform(toInt) @IsInt() @Min(1) userId?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) username?: string;
  @ApiPropertyOptional({ example: 'meeting' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  entityType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) entityId?: string;
  @ApiPropertyOptional({ example: '2024-03-01' }) @IsOptional() @IsISO8601() from?: string;
  @ApiPropertyOptional({ example: '2024-03-31' }) @IsOptional() @IsISO8601() to?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(toInt) @IsInt() @Min(1) page?: number;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  pageSize?: number;
}

/** A checkpoint to verify against: the fields of an exported checkpoint file, all or none. */
export class AuditVerifyQueryDto {
  @ApiPropertyOptional({ description: 'auditId của tệp điểm mốc' })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  auditId?: number;
  @ApiPropertyOptional()
  @IsOptional()
  @MatchesFormat(/^[0-9a-f]{64}$/, 'mã băm: 64 chữ số thập lục phân viết thường')
  headHash?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601() @MaxLength(40) at?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @MatchesFormat(/^[0-9a-f]{16}$/, 'mã khóa: 16 chữ số thập lục phân viết thường')
  keyId?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @MatchesFormat(/^[0-9a-f]{64}$/, 'chữ ký: 64 chữ số thập lục phân viết thường')
  signature?: string;
}

function checkpointOf(q: AuditVerifyQueryDto): AuditCheckpoint | null {
  const { auditId, headHash, at, keyId, signature } = q;
  const given = [auditId, headHash, at, keyId, signature].filter((v) => v !== undefined);
  if (given.length === 0) return null;
  if (
    auditId === undefined ||
    headHash === undefined ||
    at === undefined ||
    keyId === undefined ||
    signature === undefined
  )
    throw new AppError(AuditErrors.CHECKPOINT_INCOMPLETE);
  return { format: CHECKPOINT_FORMAT, auditId, headHash, at, keyId, signature };
}

const checkpointFile = (c: AuditCheckpoint) =>
  `attachment; filename="diem-moc-nhat-ky-${c.auditId}.json"`;

@ApiTags('Nhật ký (audit log)')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @ApiDoc('Tra cứu nhật ký thao tác')
  @Get()
  @Permission('audit.read')
  @ApiOkResponse({
    type: AuditPageDto,
    description: 'Nhật ký thay đổi: ai, khi nào, thao tác gì, trên bản ghi nào, giá trị trước/sau',
  })
  list(@Query() q: AuditQueryDto) {
    return this.audit.list(q);
  }

  @ApiDoc('Xuất nhật ký thao tác ra tệp CSV')
  @Get('export.csv')
  @Permission('audit.read')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="nhat-ky-thidua.csv"')
  @ApiFile(MIME.CSV, 'Tệp CSV của nhật ký thao tác (lọc như khi tra cứu)')
  exportCsv(@Query() q: AuditQueryDto) {
    return this.audit.exportCsv(q);
  }

  @ApiDoc('Kiểm tra chuỗi băm của nhật ký thao tác')
  @Get('verify')
  @Permission('audit.read')
  @ApiOkResponse({
    type: AuditVerificationDto,
    description:
      'Kiểm tra chuỗi băm của nhật ký bằng khóa, các điểm mốc đã lưu, và (nếu gửi kèm các trường của tệp điểm mốc) rằng nhật ký vẫn chứa dòng của điểm mốc đó với đúng mã băm',
  })
  verify(@Query() q: AuditVerifyQueryDto) {
    return this.audit.verify(checkpointOf(q));
  }

  @ApiDoc('Tạo điểm mốc có chữ ký cho dòng cuối của nhật ký')
  @Post('checkpoints')
  @HttpCode(201)
  @Permission('audit.checkpoint')
  @ApiCreatedResponse({
    type: AuditCheckpointDto,
    description:
      'Tạo điểm mốc ký bằng khóa cho dòng cuối của nhật ký (sau khi kiểm tra toàn bộ nhật ký); tải về và cất giữ ở nơi khác',
  })
  async createCheckpoint(@Res({ passthrough: true }) res: Response) {
    const c = await this.audit.createCheckpoint();
    res.setHeader('Content-Disposition', checkpointFile(c));
    return c;
  }

  @ApiDoc('Điểm mốc mới nhất của nhật ký')
  @Get('checkpoints/latest')
  @Permission('audit.checkpoint')
  @ApiOkResponse({
    type: AuditCheckpointDto,
    description: 'Tải về điểm mốc gần nhất của nhật ký (tệp JSON)',
  })
  async latestCheckpoint(@Res({ passthrough: true }) res: Response) {
    const c = await this.audit.latestCheckpoint();
    res.setHeader('Content-Disposition', checkpointFile(c));
    return c;
  }
}
