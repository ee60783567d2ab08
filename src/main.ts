import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { startBackgroundQuickCheck } from './database/integrity-check';

const LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;

async function bootstrap(): Promise<void> {
  // SQLite: quick_check (about 1 s on a national file) starts first, on its own thread, while the
  // configuration, Nest and the app's modules load (also about 1 s). DatabaseLifecycle waits for
  // its outcome before the first write; a damaged file stops the start before listen.
  startBackgroundQuickCheck(process.env);
  const config = (await import('./config/app-config')).loadConfig();
  const [{ Logger }, { NestFactory }, { AppModule }, { configureApp }] = await Promise.all([
    import('@nestjs/common'),
    import('@nestjs/core'),
    import('./app.module'),
    import('./app.setup'),
  ]);
  const logger = LEVELS.slice(0, LEVELS.indexOf(config.LOG_LEVEL) + 1);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: [...logger],
    bodyParser: false,
  });
  configureApp(app, config);
  await app.listen(config.PORT);
  Logger.log(
    `thidua đang chạy: http://localhost:${config.PORT}/api/docs (cơ sở dữ liệu: ${config.DATABASE_URL.split(':')[0]})`,
    'Bootstrap',
  );
}

bootstrap().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
