import { Module } from '@nestjs/common';
import { WebCoreModule } from '../core/web-core.module';

/** Web pages of this area (see src/web/web.module.ts). */
@Module({
  imports: [WebCoreModule],
  controllers: [],
  providers: [],
})
export class WebMeetingsModule {}
