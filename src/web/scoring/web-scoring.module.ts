import { Module } from '@nestjs/common';
import { ClassificationModule } from '../../classification/classification.module';
import { WebClassificationController } from './classification.controller';
import { BlocsModule } from '../../registry/blocs/blocs.module';
import { CriteriaModule } from '../../criteria/criteria.module';
import { ProvincesModule } from '../../registry/provinces/provinces.module';
import { ScoringModule } from '../../scoring/scoring.module';
import { UnitsModule } from '../../registry/units/units.module';
import { WebCoreModule } from '../core/web-core.module';
import { WebCriteriaController } from './criteria.controller';
import { WebRegistryController } from './registry.controller';
import { WebScoresController } from './scores.controller';
import { ScoringPagesService } from './scoring-pages.service';

/**
 * Web pages of the registry (units, blocs, terms), the criteria editor, the score grid and sheets,
 * the Excel import and the ranking (see src/web/web.module.ts).
 */
@Module({
  imports: [
    WebCoreModule,
    UnitsModule,
    BlocsModule,
    CriteriaModule,
    ScoringModule,
    ProvincesModule,
    ClassificationModule,
  ],
  controllers: [
    WebRegistryController,
    WebCriteriaController,
    WebScoresController,
    WebClassificationController,
  ],
  providers: [ScoringPagesService],
})
export class WebScoringModule {}
