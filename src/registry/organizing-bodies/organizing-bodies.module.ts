import { Module } from '@nestjs/common';
import { ProvincesModule } from '../provinces/provinces.module';
import { OrganizingBodiesController } from './organizing-bodies.controller';
import { OrganizingBodiesRepository } from './organizing-bodies.repository';
import { OrganizingBodiesService } from './organizing-bodies.service';

@Module({
  imports: [ProvincesModule],
  controllers: [OrganizingBodiesController],
  providers: [OrganizingBodiesService, OrganizingBodiesRepository],
  exports: [OrganizingBodiesRepository, OrganizingBodiesService],
})
export class OrganizingBodiesModule {}
