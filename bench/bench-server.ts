/*
 * The server the load tests run against: exactly what src/main.ts starts (same module, pipes,
 * filter, middleware, global guards), plus one bench-only route, GET /api/bench/bare, that does
 * nothing but goes through the same pipeline: helmet and the other middleware of configureApp, the
 * write throttler guard and the auth guard (Bearer session looked up in the database, permission
 * `registry.read` checked), the validation pipe and the response serialisation. GET
 * /api/bench/padded?bytes=N is the same with a body of about N bytes of Vietnamese text, to tell
 * what a hot read costs beyond the size of its response (a diagnostic, not a target). GET
 * /api/bench/naked is the truly bare route: public (no session looked up, no permission), no
 * database, only the middleware and Nest's routing and serialisation, so the cost of the sign-in
 * check shows in the guarded routes' ratios to it. GET /api/bench/memory tells where the memory is.
 */
import { Controller, Get, Module, ParseIntPipe, Query, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from '../src/app.module';
import { configureApp } from '../src/app.setup';
import { Permission, Public } from '../src/common/http/permission.decorator';
import { loadConfig, type AppConfig } from '../src/config/app-config';
import { Db } from '../src/database/db.service';

@Controller('bench')
export class BareController {
  constructor(private readonly db: Db) {}

  /** Where the memory is (MiB), and how many values the read cache keeps: issue 19's RSS target. */
  @Public()
  @Get('memory')
  memory(): Record<string, number> {
    const m = process.memoryUsage();
    const mib = (n: number) => Math.round((n / 1048576) * 10) / 10;
    return {
      rss: mib(m.rss),
      heapTotal: mib(m.heapTotal),
      heapUsed: mib(m.heapUsed),
      external: mib(m.external),
      arrayBuffers: mib(m.arrayBuffers),
      kept: this.db.keptEntries,
    };
  }

  @Public()
  @Get('naked')
  naked(): { ok: true } {
    return { ok: true };
  }

  @Permission('registry.read')
  @Get('bare')
  bare(): { ok: true } {
    return { ok: true };
  }

  private readonly pads = new Map<number, string>();

  @Permission('registry.read')
  @Get('padded')
  padded(@Query('bytes', ParseIntPipe) bytes: number): { ok: true; padding: string } {
    let pad = this.pads.get(bytes);
    if (pad === undefined) {
      const phrase = 'Đơn vị dẫn đầu khối thi đua, đề nghị tặng Cờ thi đua của Chính phủ. ';
      pad = phrase.repeat(Math.ceil(bytes / Buffer.byteLength(phrase)));
      this.pads.set(bytes, pad);
    }
    return { ok: true, padding: pad };
  }
}

@Module({})
export class BenchRootModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: BenchRootModule,
      imports: [AppModule.forRoot(config)],
      controllers: [BareController],
    };
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.create<NestExpressApplication>(BenchRootModule.forRoot(config), {
    logger: ['error'],
    bodyParser: false,
  });
  configureApp(app, config);
  await app.listen(config.PORT, '127.0.0.1');
  // bench/profile-day.ts: a plain exit, so that --cpu-prof writes its profile (a SIGTERM does not).
  process.once('SIGUSR2', () => process.exit(0));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
