import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';
import * as path from 'node:path';
import type { AppConfig } from './config/app-config';
import { WEB_TEMPLATES_DIR } from './web/core/views';
import { WebPageService, type WebRequest } from './web/core/web-page.service';
import { AppExceptionFilter } from './common/http/app-exception.filter';
import { ErrorBodyDto } from './common/http/error-body';
import { requestIdMiddleware } from './common/http/request-id';
import { strictTransportSecurity } from './common/http/strict-transport-security';
import { buildValidationPipe } from './common/http/validation';
import { Metrics } from './observability/metrics';

const WEB_ASSETS_DIR = path.join(WEB_TEMPLATES_DIR, 'assets');

/** HTTP setup shared by `main.ts` and the tests, so that tests exercise the real pipeline. */
export function configureApp(app: NestExpressApplication, config: AppConfig): void {
  const metrics = app.get(Metrics);
  app.use(metrics.middleware);
  app.use(requestIdMiddleware);
  if (config.TRUST_PROXY)
    app.set(
      'trust proxy',
      /^\d+$/.test(config.TRUST_PROXY) ? Number(config.TRUST_PROXY) : config.TRUST_PROXY,
    );
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // No page is meant to be framed (clickjacking); the document preview, framed by our own
          // page, sets its own policy.
          frameAncestors: ["'none'"],
          // Meeting halls may serve thidua over plain HTTP on a LAN: only ask browsers to upgrade
          // requests to HTTPS when the deployment says it is behind HTTPS.
          upgradeInsecureRequests: config.COOKIE_SECURE ? [] : null,
        },
      },
      xFrameOptions: { action: 'deny' },
      // Sent below, and only over HTTPS.
      strictTransportSecurity: false,
    }),
  );
  app.use(strictTransportSecurity(config));
  app.disable('x-powered-by');
  app.use(cookieParser());
  app.useBodyParser('json', { limit: '1mb' });
  app.useBodyParser('urlencoded', { limit: '1mb', extended: false });
  const origins = config.CORS_ORIGINS.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (origins.length > 0) app.enableCors({ origin: origins, credentials: true });
  // The web pages live under /web (server-rendered, same services and guards as the API).
  app.setGlobalPrefix('api', { exclude: ['web', 'web/{*path}'] });
  app.useStaticAssets(WEB_ASSETS_DIR, { prefix: '/web/assets/', maxAge: '1h', index: false });
  const http = app.getHttpAdapter();
  http.get('/', (_req: unknown, res: unknown) => {
    http.redirect(res, 302, '/web');
  });
  // Prometheus scrape (docs/deploy.md): only with the METRICS_TOKEN bearer token; without it, or
  // when none is configured, the route does not exist for the caller.
  type Handler = (req: IncomingMessage, res: ServerResponse, next: (e?: unknown) => void) => void;
  const express = http.getInstance() as { get(path: string, handler: Handler): void };
  express.get('/metrics', (req, res, next) => {
    // falls through to the app's own "no such route" answer
    if (!Metrics.allowed(config.METRICS_TOKEN, req.headers.authorization)) return next();
    metrics.registry.metrics().then((body) => {
      res.setHeader('Content-Type', metrics.registry.contentType);
      res.setHeader('Cache-Control', 'no-store');
      res.end(body);
    }, next);
  });
  app.useGlobalPipes(buildValidationPipe());
  const pages = app.get(WebPageService);
  app.useGlobalFilters(new AppExceptionFilter((req, e) => pages.errorPage(req as WebRequest, e)));
  const doc = new DocumentBuilder()
    .setTitle('thidua API')
    .setDescription(
      'Quản lý thi đua, khen thưởng của khối/cụm thi đua: đơn vị, khối, hình thức khen thưởng và quy định theo năm. ' +
        'Mọi lỗi trả về một dạng: { statusCode, code, message, details, requestId }.',
    )
    .setVersion('0.1.0')
    // The token is opaque: 32 random bytes from POST /api/auth/login with mode "token", kept in the
    // database only as its SHA-256 (auth_session); nothing can be read out of it.
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: undefined, // @nestjs/swagger would say "JWT"
      description:
        'Mã phiên đăng nhập (chuỗi ngẫu nhiên, không mang thông tin, không phải JWT) nhận từ ' +
        'POST /api/auth/login với "mode": "token"; hết hiệu lực khi đăng xuất hoặc hết hạn phiên.',
    })
    .addCookieAuth('thidua_session')
    .build();
  // Built at the first request for it, not at start-up (it walks every route and DTO).
  SwaggerModule.setup(
    'api/docs',
    app,
    () => SwaggerModule.createDocument(app, doc, { extraModels: [ErrorBodyDto] }),
    { jsonDocumentUrl: 'api/docs-json' },
  );
  app.enableShutdownHooks();
}
