import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/app-config';
import { buildDataSourceOptions } from './data-source-options';
import { DatabaseLifecycle } from './database-lifecycle';
import { Db } from './db.service';
import { KeptJsonInterceptor } from '../common/http/kept-json.interceptor';

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [TypeOrmModule.forRoot({ ...buildDataSourceOptions(config), retryAttempts: 0 })],
      providers: [
        Db,
        DatabaseLifecycle,
        { provide: APP_INTERCEPTOR, useClass: KeptJsonInterceptor },
      ],
      exports: [Db, DatabaseLifecycle],
    };
  }
}
