import { Module } from '@nestjs/common';
import { AwardTiersController } from './award-tiers.controller';
import { AwardTiersRepository } from './award-tiers.repository';
import { AwardTiersService } from './award-tiers.service';

@Module({
  controllers: [AwardTiersController],
  providers: [AwardTiersService, AwardTiersRepository],
  exports: [AwardTiersRepository, AwardTiersService],
})
export class AwardTiersModule {}
