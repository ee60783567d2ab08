import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
  validateSync,
} from 'class-validator';

/** Validated environment: the only place process.env is read (brocoders boilerplate). */
export class AppConfig {
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(({ value }: { value: unknown }) => (value === undefined ? 3000 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  /** `sqlite:./data/thidua.sqlite` (default), `sqlite::memory:` or `postgres://…`. */
  @IsString()
  DATABASE_URL = 'sqlite:./data/thidua.sqlite';

  /** Load the Hải Dương 2023 reference data on first start of an empty database. */
  @Transform(({ value }: { value: unknown }) =>
    value === undefined ? true : value === 'true' || value === true,
  )
  @IsBoolean()
  SEED_DEMO = true;

  /** PostgreSQL only: the schema to use (default `public`). */
  @IsOptional()
  @IsString()
  DATABASE_SCHEMA = '';

  /** With SEED_DEMO: also replay the 28/03/2024 meeting (nominations, ballots, finalization). */
  @Transform(({ value }: { value: unknown }) =>
    value === undefined ? true : value === 'true' || value === true,
  )
  @IsBoolean()
  SEED_DEMO_MEETING = true;

  @Transform(({ value }: { value: unknown }) => (value === undefined ? 5000 : Number(value)))
  @IsInt()
  @Min(1000)
  DB_BUSY_TIMEOUT_MS = 5000;

  @Transform(({ value }: { value: unknown }) => (value === undefined ? 10 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(200)
  DB_POOL_SIZE = 10;

  @IsOptional()
  @IsIn(['error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';

  /** Comma-separated list of allowed CORS origins; empty = CORS closed. */
  @IsOptional()
  @IsString()
  CORS_ORIGINS = '';
}

/** Parses and checks the environment; throws one readable error listing every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const picked: Record<string, string> = {};
  for (const key of known) {
    const v = env[key];
    if (v !== undefined && v !== '') picked[key] = v;
  }
  const config = plainToInstance(AppConfig, picked);
  const errors = validateSync(config, { whitelist: true });
  if (errors.length > 0) {
    const lines = errors.map(
      (e) => `${e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`,
    );
    throw new Error(`Cấu hình không hợp lệ (invalid configuration):\n  ${lines.join('\n  ')}`);
  }
  if (!/^(sqlite:|postgres(ql)?:\/\/)/.test(config.DATABASE_URL)) {
    throw new Error(
      'Cấu hình không hợp lệ: DATABASE_URL phải bắt đầu bằng sqlite: hoặc postgres:// (invalid DATABASE_URL)',
    );
  }
  return config;
}
