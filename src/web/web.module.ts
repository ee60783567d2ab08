import { Module } from '@nestjs/common';
import { BlocsModule } from '../registry/blocs/blocs.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { NominationsModule } from '../nominations/nominations.module';
import { ScoringModule } from '../scoring/scoring.module';
import { DashboardService } from './core/dashboard.service';
import { WebHomeController } from './core/home.controller';
import { WebCoreModule } from './core/web-core.module';
import { WebMeetingsModule } from './meetings/web-meetings.module';
import { WebNominationsModule } from './nominations/web-nominations.module';
import { WebOnboardingModule } from './onboarding/web-onboarding.module';
import { WebScoringModule } from './scoring/web-scoring.module';
import { WebSigningModule } from './signing/web-signing.module';

/**
 * The web interface (/web): server-rendered pages over the same services, guards and permission
 * table as the API. Each area has its own module.
 */
@Module({
  imports: [
    WebCoreModule,
    BlocsModule,
    ScoringModule,
    MeetingsModule,
    NominationsModule,
    WebMeetingsModule,
    WebScoringModule,
    WebNominationsModule,
    WebSigningModule,
    WebOnboardingModule,
  ],
  controllers: [WebHomeController],
  providers: [DashboardService],
})
export class WebModule {}
