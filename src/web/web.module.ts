import { Module } from '@nestjs/common';
import { BlocsModule } from '../registry/blocs/blocs.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { NominationsModule } from '../nominations/nominations.module';
import { ScoringModule } from '../scoring/scoring.module';
import { DashboardService } from './core/dashboard.service';
import { WebHomeController } from './core/home.controller';
import { WebCoreModule } from './core/web-core.module';
import { WebAccountsModule } from './accounts/web-accounts.module';
import { WebOrganizationsModule } from './organizations/web-organizations.module';
import { WebAuditModule } from './audit/web-audit.module';
import { WebDocumentsModule } from './documents/web-documents.module';
import { WebMeetingsModule } from './meetings/web-meetings.module';
import { WebNominationsModule } from './nominations/web-nominations.module';
import { WebOnboardingModule } from './onboarding/web-onboarding.module';
import { WebProvinceModule } from './province/web-province.module';
import { WebRegistryModule } from './registry/web-registry.module';
import { WebScoringModule } from './scoring/web-scoring.module';
import { WebSigningModule } from './signing/web-signing.module';

/**
 * The web interface (/web): server-rendered pages over the same services, guards and permission
 * table as the API. One folder and one module per menu area (registry, scoring, nominations,
 * meetings, documents, province, accounts, audit, onboarding, signing), each with its controllers,
 * page-model services and templates under templates/web/pages/<area>/; core/ holds the engine
 * (templates, layout, forms and the form-action helper `WebPageService.act`) and the home page.
 */
@Module({
  imports: [
    WebCoreModule,
    BlocsModule,
    ScoringModule,
    MeetingsModule,
    NominationsModule,
    WebRegistryModule,
    WebScoringModule,
    WebNominationsModule,
    WebMeetingsModule,
    WebDocumentsModule,
    WebProvinceModule,
    WebAccountsModule,
    WebOrganizationsModule,
    WebAuditModule,
    WebOnboardingModule,
    WebSigningModule,
  ],
  controllers: [WebHomeController],
  providers: [DashboardService],
})
export class WebModule {}
