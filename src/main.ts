import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { loadConfig } from './config/app-config';

const LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;

async function bootstrap(): Promise<void> {
  const config = loadConfig();
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
