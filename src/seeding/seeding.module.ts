import { Injectable, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { AwardTiersModule } from '../award-tiers/award-tiers.module';
import { BlocsModule } from '../registry/blocs/blocs.module';
import { AppConfig } from '../config/app-config';
import { DatabaseStatus } from '../database/database-status';
import { MeetingsModule } from '../meetings/meetings.module';
import { NominationsModule } from '../nominations/nominations.module';
import { ScoringModule } from '../scoring/scoring.module';
import { UnitsModule } from '../registry/units/units.module';
import { DemoMeetingSeeder } from './demo-meeting.seeder';

/** After a first start that loaded the reference data, replays the 28/03/2024 meeting through the services. */
@Injectable()
export class DemoSeedOnBoot implements OnApplicationBootstrap {
  constructor(
    private readonly config: AppConfig,
    private readonly database: DatabaseStatus,
    private readonly seeder: DemoMeetingSeeder,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.SEED_DEMO && this.config.SEED_DEMO_MEETING && this.database.seededThisBoot)
      await this.seeder.run();
  }
}

@Module({
  imports: [
    BlocsModule,
    UnitsModule,
    AwardTiersModule,
    NominationsModule,
    MeetingsModule,
    ScoringModule,
  ],
  providers: [DemoMeetingSeeder, DemoSeedOnBoot],
  exports: [DemoMeetingSeeder],
})
export class SeedingModule {}
