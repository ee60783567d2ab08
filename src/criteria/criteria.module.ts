import { Module } from '@nestjs/common';
import { BlocsModule } from '../registry/blocs/blocs.module';
import { CriteriaController } from './criteria.controller';
import { CriteriaRepository } from './criteria.repository';
import { CriteriaService } from './criteria.service';

@Module({
  imports: [BlocsModule],
  controllers: [CriteriaController],
  providers: [CriteriaService, CriteriaRepository],
  exports: [CriteriaRepository, CriteriaService],
})
export class CriteriaModule {}
