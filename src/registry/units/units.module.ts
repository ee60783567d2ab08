import { Module } from '@nestjs/common';
import { ProvincesModule } from '../provinces/provinces.module';
import { UnitsController } from './units.controller';
import { UnitsRepository } from './units.repository';
import { UnitsService } from './units.service';

@Module({
  imports: [ProvincesModule],
  controllers: [UnitsController],
  providers: [UnitsService, UnitsRepository],
  exports: [UnitsRepository, UnitsService],
})
export class UnitsModule {}
