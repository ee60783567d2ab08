import { Module } from '@nestjs/common';
import { AwardTiersModule } from '../award-tiers/award-tiers.module';
import { ScoringModule } from '../scoring/scoring.module';
import { OrganizingBodiesModule } from '../registry/organizing-bodies/organizing-bodies.module';
import { UnitsModule } from '../registry/units/units.module';
import { NominationsController } from './nominations.controller';
import { NominationsRepository } from './nominations.repository';
import { NominationsService } from './nominations.service';

@Module({
  imports: [ScoringModule, AwardTiersModule, UnitsModule, OrganizingBodiesModule],
  controllers: [NominationsController],
  providers: [NominationsService, NominationsRepository],
  exports: [NominationsRepository, NominationsService],
})
export class NominationsModule {}
