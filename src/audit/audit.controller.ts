import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Permission } from '../auth/permission.decorator';
import { toInt } from '../common/http/pagination';
import { AuditService } from './audit.service';

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

@ApiTags('Nhật ký (audit log)')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Permission('audit.read')
  @ApiOkResponse({
    description: 'Nhật ký thay đổi: ai, khi nào, thao tác gì, trên bản ghi nào, giá trị trước/sau',
  })
  list(@Query() q: AuditQueryDto) {
    return this.audit.list(q);
  }

  @Get('export.csv')
  @Permission('audit.read')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="nhat-ky-thidua.csv"')
  exportCsv(@Query() q: AuditQueryDto) {
    return this.audit.exportCsv(q);
  }

  @Get('verify')
  @Permission('audit.read')
  @ApiOkResponse({ description: 'Kiểm tra chuỗi băm của nhật ký' })
  verify() {
    return this.audit.verify();
  }
}
