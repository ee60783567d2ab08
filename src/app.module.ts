import { Module, type DynamicModule } from '@nestjs/common';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { AwardTiersModule } from './award-tiers/award-tiers.module';
import { AwardsModule } from './awards/awards.module';
import { BlocsModule } from './registry/blocs/blocs.module';
import { OrganizingBodiesModule } from './registry/organizing-bodies/organizing-bodies.module';
import type { DestinationStream } from 'pino';
import type { AppConfig } from './config/app-config';
import { ObservabilityModule } from './observability/observability.module';
import { AppConfigModule } from './config/config.module';
import { DatabaseLifecycle } from './app/database-lifecycle';
import { ENTITIES } from './app/entities';
import { DatabaseModule } from './database/database.module';
import { CriteriaModule } from './criteria/criteria.module';
import { DocumentsModule } from './documents/documents.module';
import { SigningModule } from './signing/signing.module';
import { HealthController } from './health/health.controller';
import { SeedingModule } from './seeding/seeding.module';
import { ScoringModule } from './scoring/scoring.module';
import { MeetingsModule } from './meetings/meetings.module';
import { ClassificationModule } from './classification/classification.module';
import { NominationsModule } from './nominations/nominations.module';
import { OnboardingModule } from './onboarding/onboarding.module';
import { ProvincesModule } from './registry/provinces/provinces.module';
import { UnitsModule } from './registry/units/units.module';
import { WebModule } from './web/web.module';

@Module({})
export class AppModule {
  /** @param logDestination where log lines go instead of stdout (tests read them). */
  static forRoot(config: AppConfig, logDestination?: DestinationStream): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        ObservabilityModule.forRoot(config, logDestination),
        DatabaseModule.forRoot(config, { entities: ENTITIES, lifecycle: DatabaseLifecycle }),
        AuditModule,
        AuthModule.forRoot(config),
        ProvincesModule,
        UnitsModule,
        OrganizingBodiesModule,
        BlocsModule,
        AwardTiersModule,
        CriteriaModule,
        ScoringModule,
        NominationsModule,
        AwardsModule,
        MeetingsModule,
        ClassificationModule,
        OnboardingModule,
        SeedingModule,
        DocumentsModule,
        SigningModule,
        WebModule,
      ],
      controllers: [HealthController],
    };
  }
}
