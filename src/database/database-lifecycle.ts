import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { isEmptyDatabase, seedReferenceData } from '../seeding/seed-runner';
import { prepareDatabase } from './schema-guard';

/**
 * Before the app serves: refuse an unknown schema, migrate, check SQLite durability settings,
 * and on a brand-new database load the Hải Dương reference data (unless SEED_DEMO=false).
 */
@Injectable()
export class DatabaseLifecycle implements OnModuleInit {
  private readonly logger = new Logger('Database');
  /** True when this start found an empty database and loaded the reference data into it. */
  seededThisBoot = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await prepareDatabase(this.dataSource, { runMigrations: true, log: (l) => this.logger.log(l) });
    if (this.config.SEED_DEMO && (await isEmptyDatabase(this.dataSource))) {
      const report = await seedReferenceData(this.dataSource);
      this.seededThisBoot = true;
      this.logger.log(report.summary);
    }
  }
}
