import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '@notaflow/config';

export const APP_CONFIG = Symbol('APP_CONFIG');

/** The typed configuration, parsed once at boot and injected everywhere else. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}
