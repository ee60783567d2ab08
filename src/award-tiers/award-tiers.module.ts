import { Module } from '@nestjs/common';
import { AwardTiersController } from './award-tiers.controller';
import { AwardTiersRepository } from './award-tiers.repository';
import { AwardTiersService } from './award-tiers.service';
import { DecidingAuthoritiesController } from './deciding-authorities.controller';

@Module({
  controllers: [AwardTiersController, DecidingAuthoritiesController],
  providers: [AwardTiersService, AwardTiersRepository],
  exports: [AwardTiersRepository, AwardTiersService],
})
export class AwardTiersModule {}
