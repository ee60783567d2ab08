import { ApiDoc } from '../common/http/api-doc';
import { Controller, Get } from '@nestjs/common';
import { Public } from '../common/http/permission.decorator';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Db } from '../database/db.service';

export class HealthDto {
  @ApiProperty({ example: 'ok' }) status!: 'ok';
  @ApiProperty({ enum: ['sqlite', 'postgres'] }) database!: 'sqlite' | 'postgres';
  @ApiProperty({ description: 'Số migration đã áp dụng' }) migrations!: number;
  @ApiProperty() time!: string;
}

@ApiTags('Hệ thống (health)')
@Controller('health')
export class HealthController {
  constructor(
    private readonly db: Db,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Public()
  @ApiDoc('Tình trạng hoạt động của hệ thống')
  @Get()
  @ApiOkResponse({ type: HealthDto })
  async health(): Promise<HealthDto> {
    await this.db.read((em) => em.query('SELECT 1'));
    return {
      status: 'ok',
      database: this.db.kind,
      migrations: this.dataSource.migrations.length,
      time: new Date().toISOString(),
    };
  }
}
