import { Module } from '@nestjs/common';
import { BlocImportService } from './bloc-import.service';
import { OnboardingController } from './onboarding.controller';
import { OnboardingRepository } from './onboarding.repository';
import { RolloverService } from './rollover.service';
import { UnitImportService } from './unit-import.service';

/** Onboarding a province: imports of units and blocs, and the yearly rollover of terms. */
@Module({
  controllers: [OnboardingController],
  providers: [OnboardingRepository, UnitImportService, BlocImportService, RolloverService],
  exports: [UnitImportService, BlocImportService, RolloverService],
})
export class OnboardingModule {}
