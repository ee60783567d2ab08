import { Module } from '@nestjs/common';
import { ClassificationRepository } from './classification/classification.repository';
import { BlocsModule } from '../registry/blocs/blocs.module';
import { CriteriaModule } from '../criteria/criteria.module';
import { EvidenceService } from './evidence.service';
import { RankingService } from './ranking.service';
import { ScoreLinesService } from './score-lines.service';
import { ScoreSheetService } from './score-sheet.service';
import { ScoringController } from './scoring.controller';
import { ScoringRepository } from './scoring.repository';
import { ScoringPhasesService } from './scoring-phases.service';
import { ScoringService } from './scoring.service';

@Module({
  imports: [BlocsModule, CriteriaModule],
  controllers: [ScoringController],
  providers: [
    ScoringService,
    ScoringPhasesService,
    ScoreLinesService,
    RankingService,
    ScoringRepository,
    EvidenceService,
    ScoreSheetService,
    ClassificationRepository,
  ],
  exports: [
    ScoringService,
    ScoringPhasesService,
    ScoreLinesService,
    RankingService,
    ScoringRepository,
    ScoreSheetService,
    ClassificationRepository,
  ],
})
export class ScoringModule {}
