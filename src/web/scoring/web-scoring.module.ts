import { Module } from '@nestjs/common';
import { BlocsModule } from '../../registry/blocs/blocs.module';
import { ClassificationModule } from '../../classification/classification.module';
import { CriteriaModule } from '../../criteria/criteria.module';
import { ScoringModule } from '../../scoring/scoring.module';
import { WebCoreModule } from '../core/web-core.module';
import { WebClassificationController } from './classification.controller';
import { WebCriteriaController } from './criteria.controller';
import { CriteriaPagesService } from './criteria-pages.service';
import { WebScoresController } from './scores.controller';
import { ScoresPagesService } from './scores-pages.service';

/**
 * Web pages of the scoring: the criteria editor, the score grid and sheets, the Excel import, the
 * ranking and the classification (see src/web/web.module.ts).
 */
@Module({
  imports: [WebCoreModule, BlocsModule, CriteriaModule, ScoringModule, ClassificationModule],
  controllers: [WebCriteriaController, WebScoresController, WebClassificationController],
  providers: [CriteriaPagesService, ScoresPagesService],
})
export class WebScoringModule {}
