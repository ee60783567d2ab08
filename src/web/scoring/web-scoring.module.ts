import { Module } from '@nestjs/common';
import { BlocsModule } from '../../blocs/blocs.module';
import { CriteriaModule } from '../../criteria/criteria.module';
import { CriteriaService } from '../../criteria/criteria.service';
import { ProvincesModule } from '../../provinces/provinces.module';
import { ProvincesService } from '../../provinces/provinces.service';
import { ScoreSheetService } from '../../scoring/score-sheet.service';
import { ScoringModule } from '../../scoring/scoring.module';
import { UnitsModule } from '../../units/units.module';
import { WebCoreModule } from '../core/web-core.module';
import { WebCriteriaController } from './criteria.controller';
import { WebRegistryController } from './registry.controller';
import { WebScoresController } from './scores.controller';
import { ScoringPagesService } from './scoring-pages.service';

/**
 * Web pages of the registry (units, blocs, terms), the criteria editor, the score grid and sheets,
 * the Excel import and the ranking (see src/web/web.module.ts).
 *
 * CriteriaService, ScoreSheetService and ProvincesService are not exported by their modules, so
 * they are provided here again over the exported repositories (stateless services: same
 * behaviour, same transactions through the global Db).
 */
@Module({
  imports: [
    WebCoreModule,
    UnitsModule,
    BlocsModule,
    CriteriaModule,
    ScoringModule,
    ProvincesModule,
  ],
  controllers: [WebRegistryController, WebCriteriaController, WebScoresController],
  providers: [ScoringPagesService, CriteriaService, ScoreSheetService, ProvincesService],
})
export class WebScoringModule {}
