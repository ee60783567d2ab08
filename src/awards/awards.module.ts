import { Module } from '@nestjs/common';
import { AwardsController } from './awards.controller';
import { AwardsRepository } from './awards.repository';
import { AwardsService } from './awards.service';

@Module({ controllers: [AwardsController], providers: [AwardsService, AwardsRepository] })
export class AwardsModule {}
