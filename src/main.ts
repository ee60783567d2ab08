import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { startBackgroundQuickCheck } from './database/integrity-check';

const LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
const STARTUP_CHATTER = ['RouterExplorer', 'RoutesResolver', 'InstanceLoader'];

async function bootstrap(): Promise<void> {
  // SQLite: quick_check (about 1 s on a national file) starts first, on its own thread, while the
  // configuration, Nest and the app's modules load (also about 1 s). DatabaseLifecycle waits for
  // its outcome before the first write; a damaged file stops the start before listen.
  startBackgroundQuickCheck(process.env);
  const config = (await import('./config/app-config')).loadConfig();
  const [{ Logger, ConsoleLogger }, { NestFactory }, { AppModule }, { configureApp }] =
    await Promise.all([
      import('@nestjs/common'),
      import('@nestjs/core'),
      import('./app.module'),
      import('./app.setup'),
    ]);
  const levels = LEVELS.slice(0, LEVELS.indexOf(config.LOG_LEVEL) + 1);
  const debug = levels.includes('debug');
  // Nest lists every route and module at start (some 150 lines): shown only at LOG_LEVEL=debug.
  const logger = new (class extends ConsoleLogger {
    // dd/mm/yyyy HH:mm:ss, as every date a person reads here (the default is the US locale's).
    protected override getTimestamp(): string {
      const d = new Date();
      const p = (n: number) => String(n).padStart(2, '0');
      return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
    }

    override log(message: unknown, ...rest: unknown[]): void {
      const context = rest[rest.length - 1];
      if (!debug && typeof context === 'string' && STARTUP_CHATTER.includes(context)) return;
      super.log(message, ...rest);
    }
  })();
  logger.setLogLevels([...levels]);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger,
    bodyParser: false,
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
