import {
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  Injectable,
} from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import type { AppConfig } from '../config/app-config';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';
import { ScopeResolver } from './scope-resolver';
import { UsersService } from './users.service';
import { WriteThrottlerGuard } from './write-throttler.guard';

@Injectable()
class FirstAdmin implements OnApplicationBootstrap {
  constructor(private readonly auth: AuthService) {}
  onApplicationBootstrap(): Promise<void> {
    return this.auth.ensureFirstAdmin();
  }
}

@Module({})
export class AuthModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      imports: [
        ThrottlerModule.forRoot([
          { name: 'writes', ttl: 60_000, limit: config.THROTTLE_WRITES_PER_MINUTE },
        ]),
      ],
      controllers: [AuthController],
      providers: [
        AuthService,
        UsersService,
        AuthRepository,
        ScopeResolver,
        FirstAdmin,
        { provide: APP_GUARD, useClass: WriteThrottlerGuard },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [AuthService, UsersService],
    };
  }
}
