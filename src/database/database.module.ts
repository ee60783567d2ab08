import { Global, Module, type DynamicModule, type OnModuleInit, type Type } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/app-config';
import { buildDataSourceOptions, type EntityList } from './data-source-options';
import { DatabaseStatus } from './database-status';
import { Db } from './db.service';
import { KeptJsonInterceptor } from './kept-json.interceptor';

/** What the app layer gives the database module: the schema's entities and the start-up work. */
export interface DatabaseModuleOptions {
  entities: EntityList;
  /**
   * Runs at start before every other module's hooks (this module is global and imported first):
   * checks, migrates and seeds, then records it in `DatabaseStatus`.
   */
  lifecycle: Type<OnModuleInit>;
}

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig, options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          ...buildDataSourceOptions(config, options.entities),
          retryAttempts: 0,
        }),
      ],
      providers: [
        Db,
        DatabaseStatus,
        options.lifecycle,
        { provide: APP_INTERCEPTOR, useClass: KeptJsonInterceptor },
      ],
      exports: [Db, DatabaseStatus],
    };
  }
}
