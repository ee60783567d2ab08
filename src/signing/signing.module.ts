import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { SigningController } from './signing.controller';
import { SigningRepository } from './signing.repository';
import { SigningService } from './signing.service';

@Module({
  imports: [DocumentsModule],
  controllers: [SigningController],
  providers: [SigningService, SigningRepository],
  exports: [SigningService],
})
export class SigningModule {}
