import { Module } from '@nestjs/common';
import { OnboardingModule } from '../../onboarding/onboarding.module';
import { ProvincesModule } from '../../registry/provinces/provinces.module';
import { WebCoreModule } from '../core/web-core.module';
import { WebOnboardingController } from './onboarding.controller';

/** Web pages of onboarding a province: templates, imports with preview, year rollover. */
@Module({
  imports: [WebCoreModule, OnboardingModule, ProvincesModule],
  controllers: [WebOnboardingController],
})
export class WebOnboardingModule {}
