import { Module } from '@nestjs/common';
import { AwardTiersModule } from '../../award-tiers/award-tiers.module';
import { OrganizingBodiesModule } from '../../registry/organizing-bodies/organizing-bodies.module';
import { WebCoreModule } from '../core/web-core.module';
import { WebOrganizationsController } from './organizations.controller';
import { OrganizationsPagesService } from './organizations-pages.service';

/** Web pages of the organizations (/web/organizations; issue 21). `UsersService` is global. */
@Module({
  imports: [WebCoreModule, OrganizingBodiesModule, AwardTiersModule],
  controllers: [WebOrganizationsController],
  providers: [OrganizationsPagesService],
})
export class WebOrganizationsModule {}
