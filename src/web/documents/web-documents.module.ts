import { Module } from '@nestjs/common';
import { DocumentsModule } from '../../documents/documents.module';
import { MeetingsModule } from '../../meetings/meetings.module';
import { SigningModule } from '../../signing/signing.module';
import { WebCoreModule } from '../core/web-core.module';
import { WebMeetingDocumentsController } from './documents.controller';
import { DocumentsPagesService } from './documents-pages.service';

/** Web pages of a meeting's documents: issue, preview, download, sign (see src/web/web.module.ts). */
@Module({
  imports: [WebCoreModule, MeetingsModule, DocumentsModule, SigningModule],
  controllers: [WebMeetingDocumentsController],
  providers: [DocumentsPagesService],
})
export class WebDocumentsModule {}
