import { Module } from '@nestjs/common';
import { AwardTiersModule } from '../../award-tiers/award-tiers.module';
import { BlocsModule } from '../../registry/blocs/blocs.module';
import { MeetingsModule } from '../../meetings/meetings.module';
import { NominationsModule } from '../../nominations/nominations.module';
import { WebCoreModule } from '../core/web-core.module';
import { WebNominationsController } from './nominations.controller';
import { NominationsPagesService } from './nominations-pages.service';

/** Web pages of the nominations and their eligibility (see src/web/web.module.ts). */
@Module({
  imports: [WebCoreModule, BlocsModule, AwardTiersModule, NominationsModule, MeetingsModule],
  controllers: [WebNominationsController],
  providers: [NominationsPagesService],
})
export class WebNominationsModule {}
