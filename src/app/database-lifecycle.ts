import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { DatabaseStatus } from '../database/database-status';
import { loadReferenceProvinces } from '../seeding/reference-provinces';
import { isEmptyDatabase, seedReferenceData } from '../seeding/seed-runner';
import { takeBackgroundQuickCheck } from '../database/integrity-check';
import { prepareDatabase } from '../database/schema-guard';

/**
 * Before the app serves: check SQLite durability settings and integrity, refuse an unknown
 * schema, migrate, load the reference provinces (every start, idempotent), and on a brand-new database load the Hải Dương reference data (unless
 * SEED_DEMO=false). On SQLite, the integrity check that main.ts started on its own thread is
 * awaited here, before the first write; without one (tests, CLI) it runs in-line. It lives in the app
 * layer because it calls the seeders; `DatabaseModule` runs it and providers read `DatabaseStatus`.
 */
@Injectable()
export class DatabaseLifecycle implements OnModuleInit {
  private readonly logger = new Logger('Database');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly status: DatabaseStatus,
  ) {}

  async onModuleInit(): Promise<void> {
    const file = this.dataSource.options.database;
    await prepareDatabase(this.dataSource, {
      runMigrations: true,
      log: (l) => this.logger.log(l),
      backgroundQuickCheck: typeof file === 'string' ? takeBackgroundQuickCheck(file) : null,
    });
    this.status.migrated = true;
    // Asked before the reference provinces are loaded: those alone do not make a database "used".
    const empty = await isEmptyDatabase(this.dataSource);
    const provinces = await loadReferenceProvinces(this.dataSource);
    if (provinces.inserted + provinces.linked > 0)
      this.logger.log(
        `Danh mục tỉnh (Nghị quyết 202/2025/QH15): thêm ${provinces.inserted} tỉnh, nối ${provinces.linked} liên kết kế thừa.`,
      );
    if (this.config.SEED_DEMO && empty) {
      const report = await seedReferenceData(this.dataSource);
      this.status.seededThisBoot = true;
      this.logger.log(report.summary);
    }
  }
}
