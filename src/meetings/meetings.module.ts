import { Module } from '@nestjs/common';
import { OrganizingBodiesModule } from '../registry/organizing-bodies/organizing-bodies.module';
import { AwardTiersModule } from '../award-tiers/award-tiers.module';
import { BlocsModule } from '../registry/blocs/blocs.module';
import { NominationsModule } from '../nominations/nominations.module';
import { ScoringModule } from '../scoring/scoring.module';
import { BallotsService } from './ballots.service';
import { CorrectionRequestsController } from './correction-requests.controller';
import { CorrectionRequestsRepository } from './correction-requests.repository';
import { CorrectionRequestsService } from './correction-requests.service';
import { BallotCounting } from './ballot-counting';
import { MeetingContextLoader } from './meeting-context';
import { MeetingFinalizationService } from './meeting-finalization.service';
import { MeetingViews } from './meeting-view.mapper';
import { StatusTransitions } from './status-transitions';
import { MeetingsController } from './meetings.controller';
import { MeetingsRepository } from './meetings.repository';
import { MeetingsService } from './meetings.service';
import { ElectronicBallotsService } from './electronic/electronic-ballots.service';
import { ElectronicController } from './electronic/electronic.controller';
import { ElectronicRepository } from './electronic/electronic.repository';
import { ElectronicRounds, SlipVault } from './electronic/electronic-rounds';

@Module({
  imports: [
    BlocsModule,
    ScoringModule,
    AwardTiersModule,
    NominationsModule,
    OrganizingBodiesModule,
  ],
  controllers: [MeetingsController, CorrectionRequestsController, ElectronicController],
  providers: [
    MeetingsService,
    MeetingViews,
    MeetingFinalizationService,
    StatusTransitions,
    BallotsService,
    BallotCounting,
    MeetingsRepository,
    MeetingContextLoader,
    CorrectionRequestsRepository,
    CorrectionRequestsService,
    ElectronicRepository,
    ElectronicRounds,
    SlipVault,
    ElectronicBallotsService,
  ],
  exports: [
    MeetingsService,
    BallotsService,
    MeetingsRepository,
    CorrectionRequestsService,
    ElectronicBallotsService,
    ElectronicRepository,
  ],
})
export class MeetingsModule {}
