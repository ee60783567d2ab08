import { Module } from '@nestjs/common';
import { BlocsModule } from '../../registry/blocs/blocs.module';
import { ProvincesModule } from '../../registry/provinces/provinces.module';
import { ScoringModule } from '../../scoring/scoring.module';
import { UnitsModule } from '../../registry/units/units.module';
import { WebCoreModule } from '../core/web-core.module';
import { WebRegistryController } from './registry.controller';
import { RegistryPagesService } from './registry-pages.service';

/** Web pages of the registry: units, blocs and their terms (see src/web/web.module.ts). */
@Module({
  imports: [WebCoreModule, UnitsModule, BlocsModule, ProvincesModule, ScoringModule],
  controllers: [WebRegistryController],
  providers: [RegistryPagesService],
})
export class WebRegistryModule {}
