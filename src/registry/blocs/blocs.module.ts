import { Module } from '@nestjs/common';
import { UnitsModule } from '../units/units.module';
import { BlocsController } from './blocs.controller';
import { BlocsRepository } from './blocs.repository';
import { BlocsService } from './blocs.service';

@Module({
  imports: [UnitsModule],
  controllers: [BlocsController],
  providers: [BlocsService, BlocsRepository],
  exports: [BlocsRepository, BlocsService],
})
export class BlocsModule {}
