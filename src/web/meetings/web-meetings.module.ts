import { Module } from '@nestjs/common';
import { AwardTiersModule } from '../../award-tiers/award-tiers.module';
import { BlocsModule } from '../../registry/blocs/blocs.module';
import { DocumentsModule } from '../../documents/documents.module';
import { MeetingsModule } from '../../meetings/meetings.module';
import { SigningModule } from '../../signing/signing.module';
import { OrganizingBodiesModule } from '../../registry/organizing-bodies/organizing-bodies.module';
import { WebCoreModule } from '../core/web-core.module';
import { WebMeetingDocumentsController } from './documents.controller';
import { WebElectronicController } from './electronic.controller';
import { WebMeetingsController } from './meetings.controller';
import { MeetingsPagesService } from './meetings-pages.service';

/** Web pages of this area (see src/web/web.module.ts): the meeting console and its documents. */
@Module({
  imports: [
    WebCoreModule,
    MeetingsModule,
    BlocsModule,
    AwardTiersModule,
    DocumentsModule,
    SigningModule,
    OrganizingBodiesModule,
  ],
  controllers: [WebMeetingsController, WebMeetingDocumentsController, WebElectronicController],
  providers: [MeetingsPagesService],
})
export class WebMeetingsModule {}
