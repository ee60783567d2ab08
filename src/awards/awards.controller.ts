import { ApiDoc } from '../common/http/api-doc';
import { Permission } from '../common/http/permission.decorator';
import {
  Controller,
  Get,
  HttpCode,
  Post,
  Query,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { toInt } from '../common/http/pagination';
import { uploadOptions } from '../common/http/upload';
import { AWARD_FILE_LIMITS } from './award-file';
import { AwardsService } from './awards.service';
import { AwardDto, AwardImportReportDto } from './dto/award-view.dto';

export class ListAwardsQueryDto {
  @ApiPropertyOptional() @IsOptional() @Transform(toInt) @IsInt() @Min(1) unitId?: number;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1945)
  @Max(2100)
  year?: number;
  @ApiPropertyOptional({
    description:
      'Với unitId: kèm khen thưởng của các đơn vị tiền thân (đã hợp nhất, chia tách, đổi tên thành đơn vị này)',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => value === true || value === 'true' || value === '1')
  @IsBoolean()
  withPredecessors?: boolean;
}

const FILE_BODY = {
  schema: {
    type: 'object' as const,
    properties: { file: { type: 'string' as const, format: 'binary' } },
  },
};

@ApiTags('Lịch sử khen thưởng (awards history)')
@Controller('awards')
export class AwardsController {
  constructor(private readonly awards: AwardsService) {}

  @Permission('awards.read')
  @ApiDoc('Lịch sử khen thưởng (lọc theo đơn vị, năm; có thể gồm đơn vị tiền thân)')
  @Get()
  @ApiOkResponse({ type: AwardDto, isArray: true })
  list(@Query() q: ListAwardsQueryDto) {
    return this.awards.list(q);
  }

  @ApiDoc('Xem trước tệp lịch sử khen thưởng (không ghi gì)')
  @Post('import/preview')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @ApiOkResponse({
    type: AwardImportReportDto,
    description:
      'Xem trước tệp CSV/Excel: cột ma_don_vi, nam, ma_hinh_thuc, so_quyet_dinh, ngay_quyet_dinh, cap_quyet_dinh',
  })
  @Permission('province.manage')
  @UseInterceptors(FileInterceptor('file', uploadOptions(AWARD_FILE_LIMITS.maxBytes)))
  preview(@UploadedFile() file: { originalname: string; buffer: Buffer } | undefined) {
    return this.awards.preview(file);
  }

  @Permission('province.manage')
  @ApiDoc('Nhập tệp lịch sử khen thưởng (ghi tất cả hoặc không ghi gì)')
  @Post('import')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @ApiOkResponse({ type: AwardImportReportDto, description: 'Đã ghi toàn bộ tệp (saved: true)' })
  @UseInterceptors(FileInterceptor('file', uploadOptions(AWARD_FILE_LIMITS.maxBytes)))
  import(@UploadedFile() file: { originalname: string; buffer: Buffer } | undefined) {
    return this.awards.import(file);
  }
}
