import { Module } from '@nestjs/common';
import { AwardTiersModule } from '../../award-tiers/award-tiers.module';
import { BlocsModule } from '../../registry/blocs/blocs.module';
import { DocumentsModule } from '../../documents/documents.module';
import { MeetingsModule } from '../../meetings/meetings.module';
import { NominationsModule } from '../../nominations/nominations.module';
import { UnitsModule } from '../../registry/units/units.module';
import { WebCoreModule } from '../core/web-core.module';
import { WebAuditController } from './audit.controller';
import { WebNominationsController } from './nominations.controller';
import { NominationsPagesService } from './nominations-pages.service';
import { WebProvinceController } from './province.controller';
import { WebUsersController } from './users.controller';

/**
 * Web pages of the nominations area: nominations and their eligibility, the provincial stage,
 * the audit log and the accounts (see src/web/web.module.ts). The audit and accounts services
 * come from their global modules.
 */
@Module({
  imports: [
    WebCoreModule,
    BlocsModule,
    AwardTiersModule,
    NominationsModule,
    MeetingsModule,
    DocumentsModule,
    UnitsModule,
  ],
  controllers: [
    WebNominationsController,
    WebProvinceController,
    WebAuditController,
    WebUsersController,
  ],
  providers: [NominationsPagesService],
})
export class WebNominationsModule {}
