import { Global, Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { AppConfig } from '../config/app-config';
import { loggerParams } from './logging';
import { Metrics } from './metrics';

/** Structured request logs (nestjs-pino) and the Prometheus metrics, for every module. */
@Global()
@Module({})
export class ObservabilityModule {
  /** @param logDestination where log lines go instead of stdout (tests read them). */
  static forRoot(config: AppConfig, logDestination?: DestinationStream): DynamicModule {
    return {
      module: ObservabilityModule,
      imports: [LoggerModule.forRoot(loggerParams(config, logDestination))],
      providers: [Metrics],
      exports: [Metrics],
    };
  }
}
