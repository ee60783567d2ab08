import { Module } from '@nestjs/common';
import { AwardTiersModule } from '../award-tiers/award-tiers.module';
import { ScoringModule } from '../scoring/scoring.module';
import { OrganizingBodiesModule } from '../registry/organizing-bodies/organizing-bodies.module';
import { UnitsModule } from '../registry/units/units.module';
import { EligibilityEvaluationService } from './eligibility-evaluation.service';
import { NominationReportsService } from './nomination-reports.service';
import { NominationWorkflowService } from './nomination-workflow.service';
import { NominationsController } from './nominations.controller';
import { NominationsRepository } from './nominations.repository';
import { NominationsService } from './nominations.service';
import { ProvinceStageService } from './province-stage.service';

@Module({
  imports: [ScoringModule, AwardTiersModule, UnitsModule, OrganizingBodiesModule],
  controllers: [NominationsController],
  providers: [
    NominationsService,
    NominationWorkflowService,
    EligibilityEvaluationService,
    ProvinceStageService,
    NominationReportsService,
    NominationsRepository,
  ],
  exports: [
    NominationsRepository,
    NominationsService,
    NominationWorkflowService,
    ProvinceStageService,
  ],
})
export class NominationsModule {}
