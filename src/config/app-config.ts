import * as path from 'node:path';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
  MinLength,
  ValidateIf,
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

  /** Cookie sessions end after this many idle minutes, and at the latest after SESSION_ABSOLUTE_HOURS. */
  @Transform(({ value }: { value: unknown }) => (value === undefined ? 30 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  SESSION_IDLE_MINUTES = 30;

  @Transform(({ value }: { value: unknown }) => (value === undefined ? 12 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  SESSION_ABSOLUTE_HOURS = 12;

  /** Bearer tokens for API clients live this many days. */
  @Transform(({ value }: { value: unknown }) => (value === undefined ? 30 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(365)
  TOKEN_DAYS = 30;

  /**
   * File holding the key that seals the offices' signing certificates (32 bytes, created at first
   * use). Default: `thidua-signing.key` beside the SQLite file, or `./data/` with PostgreSQL. Keep it
   * outside the database and back it up apart from it (docs/deploy.md).
   */
  @IsOptional()
  @IsString()
  SIGNING_KEY_FILE = '';

  /** Mark the session cookie Secure (and use the __Host- prefix): set true behind HTTPS. */
  @Transform(({ value }: { value: unknown }) => value === 'true' || value === true)
  @IsBoolean()
  COOKIE_SECURE = false;

  /**
   * Failed sign-ins allowed per (user name, client address) before a temporary lock of
   * LOGIN_LOCK_MINUTES; each further failure from that address doubles the lock (at most a day).
   */
  @Transform(({ value }: { value: unknown }) => (value === undefined ? 5 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(100)
  LOGIN_MAX_FAILURES = 5;

  @Transform(({ value }: { value: unknown }) => (value === undefined ? 15 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  LOGIN_LOCK_MINUTES = 15;

  /**
   * Failed sign-ins allowed per user name in an hour over every address (OWASP ASVS 2.2.1: at most
   * 100); past it the account's sign-ins are refused for the rest of the hour and the audit log
   * gets an alert. Must exceed LOGIN_MAX_FAILURES.
   */
  @Transform(({ value }: { value: unknown }) => (value === undefined ? 100 : Number(value)))
  @IsInt()
  @Min(2)
  @Max(100)
  LOGIN_ACCOUNT_MAX_FAILURES_PER_HOUR = 100;

  /** First administrator, created at start when no account exists (then remove these variables). */
  @IsOptional()
  @IsString()
  ADMIN_USERNAME = '';

  @IsOptional()
  @IsString()
  ADMIN_PASSWORD = '';

  /** Writes (POST, PUT, PATCH, DELETE, sign-in included) allowed per client address per minute. */
  @Transform(({ value }: { value: unknown }) => (value === undefined ? 300 : Number(value)))
  @IsInt()
  @Min(1)
  THROTTLE_WRITES_PER_MINUTE = 300;

  /** Express "trust proxy" setting: set when thidua runs behind a reverse proxy (e.g. 1 or "loopback"). */
  @IsOptional()
  @IsString()
  TRUST_PROXY = '';

  /**
   * Bearer token that opens `GET /metrics` (Prometheus format) to a scraper: `Authorization: Bearer
   * <token>`, at least 32 characters. Empty (the default): /metrics answers 404 to everyone.
   */
  @IsOptional()
  @IsString()
  @ValidateIf((c: AppConfig) => c.METRICS_TOKEN !== '')
  @MinLength(32)
  METRICS_TOKEN = '';

  /** Comma-separated list of allowed CORS origins; empty = CORS closed. */
  @IsOptional()
  @IsString()
  CORS_ORIGINS = '';

  /**
   * The audit key (signs the audit chain and its checkpoints), a file outside the database, mode
   * 0600; created at first start while the log has never been signed (docs/deploy.md).
   */
  @IsString()
  @MinLength(1)
  AUDIT_KEY_FILE = './data/audit.key';

  /** A signed checkpoint of the audit log is stored every this many rows (also on demand). */
  @Transform(({ value }: { value: unknown }) => (value === undefined ? 100 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  AUDIT_CHECKPOINT_EVERY = 100;
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
  if (config.LOGIN_ACCOUNT_MAX_FAILURES_PER_HOUR <= config.LOGIN_MAX_FAILURES) {
    throw new Error(
      'Cấu hình không hợp lệ: LOGIN_ACCOUNT_MAX_FAILURES_PER_HOUR phải lớn hơn LOGIN_MAX_FAILURES (invalid LOGIN_ACCOUNT_MAX_FAILURES_PER_HOUR)',
    );
  }
  if (!/^(sqlite:|postgres(ql)?:\/\/)/.test(config.DATABASE_URL)) {
    throw new Error(
      'Cấu hình không hợp lệ: DATABASE_URL phải bắt đầu bằng sqlite: hoặc postgres:// (invalid DATABASE_URL)',
    );
  }
  if (config.DATABASE_URL.startsWith('sqlite:')) {
    const database = path.resolve(config.DATABASE_URL.slice('sqlite:'.length));
    const key = path.resolve(config.AUDIT_KEY_FILE);
    if (['', '-wal', '-shm', '-journal'].some((s) => key === database + s))
      throw new Error(
        'Cấu hình không hợp lệ: AUDIT_KEY_FILE không được là tệp cơ sở dữ liệu (khóa nhật ký phải nằm ngoài cơ sở dữ liệu)',
      );
  }
  return config;
}
