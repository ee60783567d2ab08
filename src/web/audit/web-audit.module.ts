import { Module } from '@nestjs/common';
import { WebCoreModule } from '../core/web-core.module';
import { WebAuditController } from './audit.controller';
import { AuditPagesService } from './audit-pages.service';

/** Web page of the audit log (/web/audit; see src/web/web.module.ts). Its services are global. */
@Module({
  imports: [WebCoreModule],
  controllers: [WebAuditController],
  providers: [AuditPagesService],
})
export class WebAuditModule {}
