import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { startBackgroundQuickCheck } from './database/integrity-check';

const STARTUP_CHATTER = ['RouterExplorer', 'RoutesResolver', 'InstanceLoader'];

async function bootstrap(): Promise<void> {
  // SQLite: quick_check (about 1 s on a national file) starts first, on its own thread, while the
  // configuration, Nest and the app's modules load (also about 1 s). DatabaseLifecycle waits for
  // its outcome before the first write; a damaged file stops the start before listen.
  startBackgroundQuickCheck(process.env);
  const config = (await import('./config/app-config')).loadConfig();
  const [{ Logger }, { NestFactory }, { Logger: PinoLogger }, { AppModule }, { configureApp }] =
    await Promise.all([
      import('@nestjs/common'),
      import('@nestjs/core'),
      import('nestjs-pino'),
      import('./app.module'),
      import('./app.setup'),
    ]);
  const debug = ['debug', 'verbose'].includes(config.LOG_LEVEL);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    bodyParser: false,
  });
  // Every log line goes through pino (ObservabilityModule: JSON, or readable coloured lines in
  // development). Nest lists every route and module at start (some 150 lines): shown only at
  // LOG_LEVEL=debug.
  const pino = app.get(PinoLogger);
  app.useLogger({
    log: (message: unknown, ...rest: unknown[]) => {
      const context = rest[rest.length - 1];
      if (!debug && typeof context === 'string' && STARTUP_CHATTER.includes(context)) return;
      pino.log(message, ...rest);
    },
    error: (message: unknown, ...rest: unknown[]) => pino.error(message, ...rest),
    warn: (message: unknown, ...rest: unknown[]) => pino.warn(message, ...rest),
    debug: (message: unknown, ...rest: unknown[]) => pino.debug(message, ...rest),
    verbose: (message: unknown, ...rest: unknown[]) => pino.verbose(message, ...rest),
    fatal: (message: unknown, ...rest: unknown[]) => pino.fatal(message, ...rest),
  });
  configureApp(app, config);
  await app.listen(config.PORT);
  const base = `http://localhost:${config.PORT}`;
  Logger.log(
    `thidua đang chạy. Trang web: ${base}/ · Tài liệu API: ${base}/api/docs · Cơ sở dữ liệu: ${config.DATABASE_URL.split(':')[0]}`,
    'Bootstrap',
  );
}

bootstrap().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
