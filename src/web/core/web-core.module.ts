import { Module } from '@nestjs/common';
import { WebViews } from './views';
import { WebPageService } from './web-page.service';

/** The pages' engine: templates, layout, forms. Every web area module imports it. */
@Module({
  providers: [WebViews, WebPageService],
  exports: [WebViews, WebPageService],
})
export class WebCoreModule {}
