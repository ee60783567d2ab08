import { Module } from '@nestjs/common';
import { SigningModule } from '../../signing/signing.module';
import { WebCoreModule } from '../core/web-core.module';
import { WebDocumentCheckController } from './check.controller';

/** Web pages of this area (see src/web/web.module.ts): the public check of a signed document. */
@Module({
  imports: [WebCoreModule, SigningModule],
  controllers: [WebDocumentCheckController],
})
export class WebSigningModule {}
