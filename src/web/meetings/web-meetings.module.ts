import { Module } from '@nestjs/common';
import { AwardTiersModule } from '../../award-tiers/award-tiers.module';
import { BlocsModule } from '../../registry/blocs/blocs.module';
import { MeetingsModule } from '../../meetings/meetings.module';
import { OrganizingBodiesModule } from '../../registry/organizing-bodies/organizing-bodies.module';
import { WebCoreModule } from '../core/web-core.module';
import { WebBallotsController } from './ballots.controller';
import { ConsolePageService } from './console-page.service';
import { WebCorrectionsController } from './corrections.controller';
import { WebElectronicController } from './electronic.controller';
import { ElectronicPagesService } from './electronic-pages.service';
import { WebElectronicVoterController } from './electronic-voter.controller';
import { WebMeetingsController } from './meetings.controller';
import { MeetingsPagesService } from './meetings-pages.service';

/** Web pages of this area (see src/web/web.module.ts): the meeting console and the electronic ballot. */
@Module({
  imports: [WebCoreModule, MeetingsModule, BlocsModule, AwardTiersModule, OrganizingBodiesModule],
  controllers: [
    WebMeetingsController,
    WebBallotsController,
    WebCorrectionsController,
    WebElectronicVoterController,
    WebElectronicController,
  ],
  providers: [MeetingsPagesService, ConsolePageService, ElectronicPagesService],
})
export class WebMeetingsModule {}
