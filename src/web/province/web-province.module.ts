import { Module } from '@nestjs/common';
import { BlocsModule } from '../../registry/blocs/blocs.module';
import { NominationsModule } from '../../nominations/nominations.module';
import { WebCoreModule } from '../core/web-core.module';
import { WebProvinceController } from './province.controller';
import { ProvincePagesService } from './province-pages.service';

/** Web page of the provincial stage (/web/province; see src/web/web.module.ts). */
@Module({
  imports: [WebCoreModule, BlocsModule, NominationsModule],
  controllers: [WebProvinceController],
  providers: [ProvincePagesService],
})
export class WebProvinceModule {}
