import { Module } from '@nestjs/common';
import { MeetingsModule } from '../meetings/meetings.module';
import { ScoringModule } from '../scoring/scoring.module';
import { ClassificationController } from './classification.controller';
import { ClassificationRepository } from '../scoring/classification/classification.repository';
import { ClassificationService } from './classification.service';

@Module({
  imports: [ScoringModule, MeetingsModule],
  controllers: [ClassificationController],
  providers: [ClassificationService, ClassificationRepository],
  exports: [ClassificationService, ClassificationRepository],
})
export class ClassificationModule {}
