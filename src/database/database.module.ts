import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/app-config';
import { buildDataSourceOptions } from './data-source-options';
import { DatabaseLifecycle } from './database-lifecycle';
import { Db } from './db.service';

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [TypeOrmModule.forRoot({ ...buildDataSourceOptions(config), retryAttempts: 0 })],
      providers: [Db, DatabaseLifecycle],
      exports: [Db, DatabaseLifecycle],
    };
  }
}
