import { Module } from '@nestjs/common';
import { OrganizingBodiesController } from './organizing-bodies.controller';
import { OrganizingBodiesRepository } from './organizing-bodies.repository';
import { OrganizingBodiesService } from './organizing-bodies.service';

@Module({
  controllers: [OrganizingBodiesController],
  providers: [OrganizingBodiesService, OrganizingBodiesRepository],
  exports: [OrganizingBodiesRepository, OrganizingBodiesService],
})
export class OrganizingBodiesModule {}
