import { Module } from '@nestjs/common';
import { AwardTiersModule } from '../award-tiers/award-tiers.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { NominationsModule } from '../nominations/nominations.module';
import { OrganizingBodiesModule } from '../registry/organizing-bodies/organizing-bodies.module';
import { ProvincesModule } from '../registry/provinces/provinces.module';
import { ScoringModule } from '../scoring/scoring.module';
import { DocumentsController } from './documents.controller';
import { DocumentsRepository } from './documents.repository';
import { DocumentsService } from './documents.service';
import { MeetingDocSources } from './meeting-doc-sources';
import { ProvinceDocumentsService } from './province-documents.service';

@Module({
  imports: [
    MeetingsModule,
    ScoringModule,
    AwardTiersModule,
    ProvincesModule,
    NominationsModule,
    OrganizingBodiesModule,
  ],
  controllers: [DocumentsController],
  providers: [DocumentsService, MeetingDocSources, ProvinceDocumentsService, DocumentsRepository],
  exports: [DocumentsService, DocumentsRepository],
})
export class DocumentsModule {}
