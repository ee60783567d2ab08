import { Module } from '@nestjs/common';
import { BlocsModule } from '../../registry/blocs/blocs.module';
import { UnitsModule } from '../../registry/units/units.module';
import { WebCoreModule } from '../core/web-core.module';
import { WebAccountsController } from './accounts.controller';
import { AccountsPagesService } from './accounts-pages.service';

/** Web pages of the accounts (/web/users; see src/web/web.module.ts). `UsersService` is global. */
@Module({
  imports: [WebCoreModule, BlocsModule, UnitsModule],
  controllers: [WebAccountsController],
  providers: [AccountsPagesService],
})
export class WebAccountsModule {}
