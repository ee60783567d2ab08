import { Module } from '@nestjs/common';
import { OrganizingBodiesModule } from '../organizing-bodies/organizing-bodies.module';
import { ProvincesModule } from '../provinces/provinces.module';
import { UnitsModule } from '../units/units.module';
import { BlocsController } from './blocs.controller';
import { BlocsRepository } from './blocs.repository';
import { BlocsService } from './blocs.service';

@Module({
  imports: [ProvincesModule, OrganizingBodiesModule, UnitsModule],
  controllers: [BlocsController],
  providers: [BlocsService, BlocsRepository],
  exports: [BlocsRepository, BlocsService],
})
export class BlocsModule {}
